#include "eac/Chat.h"

#include <algorithm>
#include <cstdlib>

#include "asn1/Tlv.h"

namespace oa::eac {
namespace {

constexpr std::uint8_t kRoleMask = 0xC0;
constexpr asn1::Tag kChatTag = 0x7F4C;
constexpr asn1::Tag kOidTag = 0x06;
constexpr asn1::Tag kTemplateTag = 0x53;

Error malformedChat(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "The access rights of a certificate are malformed",
                     std::move(detail));
}

// Authentication terminals have five template bytes; inspection systems and signature terminals
// one (TR-03110-3 C.4).
std::size_t templateSize(TerminalType type) {
    return type == TerminalType::Authentication ? 5 : 1;
}

Result<TerminalType> terminalTypeOf(const Oid& oid) {
    if (oid == oid::authenticationTerminal) return TerminalType::Authentication;
    if (oid == oid::inspectionSystem) return TerminalType::Inspection;
    if (oid == oid::signatureTerminal) return TerminalType::Signature;
    return makeError(ErrorCode::Unsupported, "The certificate is for an unknown kind of terminal",
                     "CHAT: unknown terminal type " + oid.toString());
}

std::size_t byteOf(AccessRight right) {
    return 4 - static_cast<std::size_t>(right) / 8;
}

std::uint8_t maskOf(AccessRight right) {
    return static_cast<std::uint8_t>(1u << (static_cast<unsigned>(right) % 8));
}

}  // namespace

const std::vector<AccessRight>& allAccessRights() {
    static const std::vector<AccessRight> all = [] {
        std::vector<AccessRight> rights;
        for (int bit = 0; bit <= 37; ++bit)
            if (bit != 31) rights.push_back(static_cast<AccessRight>(bit));
        return rights;
    }();
    return all;
}

std::string_view toString(AccessRight right) {
    static constexpr std::string_view kReadNames[] = {
        "read DG1",  "read DG2",  "read DG3",  "read DG4",  "read DG5",  "read DG6",
        "read DG7",  "read DG8",  "read DG9",  "read DG10", "read DG11", "read DG12",
        "read DG13", "read DG14", "read DG15", "read DG16", "read DG17", "read DG18",
        "read DG19", "read DG20", "read DG21", "read DG22"};
    static constexpr std::string_view kWriteNames[] = {"write DG22", "write DG21", "write DG20",
                                                       "write DG19", "write DG18", "write DG17"};
    const auto bit = static_cast<int>(right);
    switch (right) {
        case AccessRight::AgeVerification:
            return "age verification";
        case AccessRight::CommunityIdVerification:
            return "community ID verification";
        case AccessRight::RestrictedIdentification:
            return "restricted identification";
        case AccessRight::PrivilegedTerminal:
            return "privileged terminal";
        case AccessRight::CanAllowed:
            return "CAN allowed";
        case AccessRight::PinManagement:
            return "PIN management";
        case AccessRight::InstallCertificate:
            return "install certificate";
        case AccessRight::InstallQualifiedCertificate:
            return "install qualified certificate";
        case AccessRight::PseudonymousSignatureAuthentication:
            return "pseudonymous signature authentication";
        default:
            break;
    }
    if (bit >= 8 && bit <= 29) return kReadNames[bit - 8];
    if (bit >= 32 && bit <= 37) return kWriteNames[bit - 32];
    return "unknown right";
}

AccessRight readRight(int dataGroup) {
    if (dataGroup < 1 || dataGroup > 22) std::abort();
    return static_cast<AccessRight>(static_cast<int>(AccessRight::ReadDg1) + dataGroup - 1);
}

AccessRight writeRight(int dataGroup) {
    if (dataGroup < 17 || dataGroup > 22) std::abort();
    return static_cast<AccessRight>(static_cast<int>(AccessRight::WriteDg17) - (dataGroup - 17));
}

Result<Chat> Chat::parse(ByteView encoded) {
    auto chat = asn1::readOne(encoded);
    if (!chat) return malformedChat(chat.error().detail);
    if (chat->tag != kChatTag) return malformedChat("CHAT: expected tag 7F4C");
    return parseContents(chat->value);
}

Result<Chat> Chat::parseContents(ByteView contents) {
    auto elements = asn1::readAll(contents);
    if (!elements) return malformedChat(elements.error().detail);
    if (elements->size() != 2 || (*elements)[0].tag != kOidTag ||
        (*elements)[1].tag != kTemplateTag)
        return malformedChat("CHAT: expected exactly 06 OID and 53 template");
    auto oid = Oid::fromDer((*elements)[0].value);
    if (!oid) return malformedChat(oid.error().detail);
    auto type = terminalTypeOf(*oid);
    if (!type) return type.error();
    const ByteView raw = (*elements)[1].value;
    if (raw.size() != templateSize(*type))
        return malformedChat("CHAT: template of " + std::to_string(raw.size()) + " bytes for " +
                             oid->toString());
    return Chat(*type, Bytes(raw.begin(), raw.end()));
}

Chat Chat::authenticationTerminal(CertificateRole role, const std::vector<AccessRight>& rights) {
    Chat chat(TerminalType::Authentication, Bytes(5, 0));
    chat.template_[0] = static_cast<std::uint8_t>(static_cast<unsigned>(role) << 6);
    for (const auto right : rights)
        chat.template_[byteOf(right)] |= maskOf(right);
    return chat;
}

const Oid& Chat::oid() const {
    switch (type_) {
        case TerminalType::Inspection:
            return oid::inspectionSystem;
        case TerminalType::Signature:
            return oid::signatureTerminal;
        case TerminalType::Authentication:
            break;
    }
    return oid::authenticationTerminal;
}

bool Chat::has(AccessRight right) const {
    if (type_ != TerminalType::Authentication) return false;
    return (template_[byteOf(right)] & maskOf(right)) != 0;
}

std::vector<AccessRight> Chat::rights() const {
    std::vector<AccessRight> set;
    for (const auto right : allAccessRights())
        if (has(right)) set.push_back(right);
    return set;
}

bool Chat::hasNoRights() const {
    if ((template_[0] & ~kRoleMask) != 0) return false;
    return std::all_of(template_.begin() + 1, template_.end(), [](auto b) { return b == 0; });
}

bool Chat::covers(const Chat& other) const {
    return other.without(*this).hasNoRights() && (type_ == other.type_ || other.hasNoRights());
}

template <typename Op>
Chat Chat::combined(const Chat& other, Op op) const {
    Chat result = *this;
    for (std::size_t i = 0; i < template_.size(); ++i) {
        const std::uint8_t keep = i == 0 ? kRoleMask : 0;
        const auto rights = op(template_[i], other.template_[i]) & ~keep;
        result.template_[i] = static_cast<std::uint8_t>((template_[i] & keep) | rights);
    }
    return result;
}

Chat Chat::intersected(const Chat& other) const {
    if (type_ != other.type_) return combined(*this, [](auto, auto) { return 0; });
    return combined(other, [](auto a, auto b) { return a & b; });
}

Chat Chat::united(const Chat& other) const {
    if (type_ != other.type_) return *this;
    return combined(other, [](auto a, auto b) { return a | b; });
}

Chat Chat::without(const Chat& other) const {
    if (type_ != other.type_) return *this;
    return combined(other, [](auto a, auto b) { return a & ~b; });
}

Chat Chat::with(AccessRight right, bool granted) const {
    if (type_ != TerminalType::Authentication) return *this;
    Chat result = *this;
    auto& byte = result.template_[byteOf(right)];
    byte = static_cast<std::uint8_t>(granted ? (byte | maskOf(right)) : (byte & ~maskOf(right)));
    return result;
}

Bytes Chat::encodeContents() const {
    return concat({asn1::encode(kOidTag, oid().der()), asn1::encode(kTemplateTag, template_)});
}

Bytes Chat::encode() const {
    return asn1::encode(kChatTag, encodeContents());
}

Result<void> ChatRequest::checkAgainst(const Chat& granted) const {
    if (required.terminalType() != granted.terminalType() ||
        optional.terminalType() != granted.terminalType())
        return makeError(ErrorCode::InvalidInput,
                         "The service asks for access its certificate is not made for",
                         "CHAT: terminal type differs between request and certificate");
    const auto missing = required.without(granted).rights();
    if (missing.empty()) return {};
    std::string names;
    for (const auto right : missing)
        names += (names.empty() ? "" : ", ") + std::string(toString(right));
    return makeError(ErrorCode::InvalidInput,
                     "The service requires access its certificate does not allow",
                     "RequiredCHAT exceeds the certificate chain: " + names);
}

Chat ChatRequest::offered(const Chat& granted) const {
    return granted.intersected(required.united(optional));
}

std::vector<AccessRight> ChatRequest::deselectable(const Chat& granted) const {
    return granted.intersected(optional).without(required).rights();
}

Result<Chat> ChatRequest::select(const Chat& granted,
                                 const std::vector<AccessRight>& deselected) const {
    Chat chosen = offered(granted);
    for (const auto right : deselected) {
        if (required.has(right))
            return makeError(ErrorCode::InvalidInput, "A required right cannot be switched off",
                             "CHAT: tried to deselect " + std::string(toString(right)));
        chosen = chosen.with(right, false);
    }
    return chosen;
}

}  // namespace oa::eac
