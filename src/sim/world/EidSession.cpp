#include "sim/world/EidSession.h"

#include <algorithm>
#include <chrono>

#include "asn1/Tlv.h"
#include "crypto/Kdf.h"
#include "eac/AuthenticationToken.h"
#include "eac/Chat.h"
#include "eac/PassiveAuthentication.h"

namespace oa::sim {
namespace {

constexpr std::size_t kChunk = 223;  // fits a short SM response with padding and MAC
constexpr int kMaxReadRounds = 4;
const Bytes kEidApplication = hexBytes("E80704007F00070302");
const Bytes kDateOfBirthOid = hexBytes("04007F000703010401");
const Bytes kDateOfExpiryOid = hexBytes("04007F000703010402");
constexpr int kSelect = -1;
constexpr int kVerifyAge = -2;
constexpr int kVerifyValidity = -3;
constexpr int kResetRetryCounter = -4;
constexpr int kActivateEid = -5;
constexpr std::size_t kPinLength = 6;

// 67 { 73 { 06 OID, 53 YYYYMMDD } ... } (TR-03110-3 A.6.5.1; card-protocols §4.5).
std::optional<Bytes> auxiliaryData(const EidRequest& request) {
    if (request.authenticatedAuxiliaryData) return request.authenticatedAuxiliaryData;
    Bytes templates;
    if (request.bornOnOrBefore)
        append(templates,
               asn1::encode(0x73, {asn1::encode(0x06, kDateOfBirthOid),
                                   asn1::encode(0x53, asciiBytes(*request.bornOnOrBefore))}));
    if (request.validOn)
        append(templates, asn1::encode(0x73, {asn1::encode(0x06, kDateOfExpiryOid),
                                              asn1::encode(0x53, asciiBytes(*request.validOn))}));
    if (templates.empty()) return std::nullopt;
    return asn1::encode(0x67, templates);
}

const QString kMinorPrefix = QStringLiteral("http://www.bsi.bund.de/ecard/api/1.1/resultminor");
QString minor(const char* suffix) {
    return kMinorPrefix + QLatin1String(suffix);
}

// Length of the whole data group file from the TLV header at its start; 0 if not known yet.
std::size_t announcedLength(const Bytes& content) {
    if (content.size() < 2) return 0;
    std::size_t offset = 1;
    if ((content[0] & 0x1F) == 0x1F) {
        while (offset < content.size() && (content[offset] & 0x80))
            ++offset;
        ++offset;
    }
    if (offset >= content.size()) return 0;
    const std::uint8_t first = content[offset++];
    if (first < 0x80) return offset + first;
    const std::size_t count = first & 0x7F;
    if (count == 0 || count > 3 || offset + count > content.size()) return 0;
    std::size_t length = 0;
    for (std::size_t i = 0; i < count; ++i)
        length = (length << 8) | content[offset + i];
    return offset + count + length;
}

Result<eac::Chat> parseChat(ByteView bytes) {
    if (bytes.size() > 2 && bytes[0] == 0x7F && bytes[1] == 0x4C) return eac::Chat::parse(bytes);
    return eac::Chat::parseContents(bytes);
}

Bytes readRightsChat(const std::vector<eid::DataGroup>& groups, bool ageVerification = false,
                     std::vector<eac::AccessRight> rights = {}) {
    if (ageVerification) rights.push_back(eac::AccessRight::AgeVerification);
    for (auto group : groups)
        rights.push_back(eac::readRight(eid::number(group)));
    return eac::Chat::authenticationTerminal(eac::CertificateRole::Terminal, rights).encode();
}

// CAN allowed for every PIN reset session; PIN management only when it changes something.
std::vector<eac::AccessRight> terminalRightsFor(const EidRequest& request) {
    if (request.terminal != TerminalProfile::PinReset) return {};
    std::vector<eac::AccessRight> rights{eac::AccessRight::CanAllowed};
    if (request.newPin || request.activateEid) rights.push_back(eac::AccessRight::PinManagement);
    return rights;
}

}  // namespace

EidRequest pinResetRequest() {
    EidRequest request;
    request.required = {eid::DataGroup::DG4, eid::DataGroup::DG5, eid::DataGroup::DG17};
    request.optional = {eid::DataGroup::DG13};
    request.terminal = TerminalProfile::PinReset;
    return request;
}

struct EidSession::FileRead {
    eid::DataGroup group;
    Bytes content;
    std::size_t total = 0;
    bool done = false;
};

QString toString(PaosStep step) {
    switch (step) {
        case PaosStep::InitializeFramework:
            return QStringLiteral("InitializeFramework");
        case PaosStep::Eac1:
            return QStringLiteral("EAC1");
        case PaosStep::Eac2:
            return QStringLiteral("EAC2");
        case PaosStep::EacAdditionalInput:
            return QStringLiteral("EACAdditionalInput");
        case PaosStep::Transmit:
            return QStringLiteral("Transmit");
        case PaosStep::StartPaosResponse:
            break;
    }
    return QStringLiteral("StartPAOSResponse");
}

std::optional<PaosStep> paosStepFromName(const QString& name) {
    for (auto step :
         {PaosStep::InitializeFramework, PaosStep::Eac1, PaosStep::Eac2,
          PaosStep::EacAdditionalInput, PaosStep::Transmit, PaosStep::StartPaosResponse})
        if (toString(step).compare(name, Qt::CaseInsensitive) == 0) return step;
    return std::nullopt;
}

EidSession::EidSession(QString sessionIdentifier, EidRequest request,
                       std::shared_ptr<const ServiceCertificates> certificates,
                       eac::CscaTrustList trust, SessionBehaviour behaviour)
    : sessionIdentifier_(std::move(sessionIdentifier)),
      request_(std::move(request)),
      certificates_(std::move(certificates)),
      trust_(std::move(trust)),
      behaviour_(std::move(behaviour)) {
    request_.authenticatedAuxiliaryData = auxiliaryData(request_);
}

EidSession::~EidSession() = default;

EidSession::Reply EidSession::handle(QByteArrayView clientMessage) {
    if (state_ == State::Done)
        return fail({}, "The session has already ended", "message after StartPAOSResponse");
    auto message = readClientMessage(clientMessage, lastMessageId_);
    if (!message) return fail({}, message.error().message, message.error().detail);
    return dispatch(*message);
}

EidSession::Reply EidSession::dispatch(const ClientMessage& message) {
    const auto expect = [&](ClientMessageType type) -> bool { return message.type == type; };
    if (state_ != State::AwaitStartPaos && !message.result.isOk()) {
        return fail(message.messageId, "The eID-Client reported an error",
                    (message.result.minor + QLatin1Char(' ') + message.result.message)
                        .trimmed()
                        .toStdString());
    }
    switch (state_) {
        case State::AwaitStartPaos:
            if (expect(ClientMessageType::StartPaos)) return onStartPaos(message);
            break;
        case State::AwaitInitializeFrameworkResponse:
            if (expect(ClientMessageType::InitializeFrameworkResponse)) return sendEac1(message);
            break;
        case State::AwaitEac1Output:
            if (expect(ClientMessageType::DidAuthenticateResponse)) return onEac1Output(message);
            break;
        case State::AwaitChallenge:
            if (expect(ClientMessageType::DidAuthenticateResponse)) {
                const Bytes* challenge = message.field("Challenge");
                if (challenge == nullptr)
                    return fail(message.messageId, "The eID-Client sent no card challenge",
                                "EAC2OutputType without Challenge");
                return sendSignature(message, *challenge, true);
            }
            break;
        case State::AwaitEac2Output:
            if (expect(ClientMessageType::DidAuthenticateResponse)) return onEac2Output(message);
            break;
        case State::AwaitTransmitResponse:
            if (expect(ClientMessageType::TransmitResponse)) return onTransmitResponse(message);
            break;
        case State::Done:
            break;
    }
    return fail(message.messageId, "The eID-Client sent an unexpected message",
                "got " + toString(message.type).toStdString());
}

EidSession::Reply EidSession::onStartPaos(const ClientMessage& message) {
    if (message.sessionIdentifier != sessionIdentifier_)
        return fail(message.messageId, "Unknown session",
                    "StartPAOS SessionIdentifier does not match the TLS-PSK identity");
    if (auto valid = checkPinManagementRequest(); !valid)
        return fail(message.messageId, valid.error().message, valid.error().detail);
    if (behaviour_.initializeFramework) {
        state_ = State::AwaitInitializeFrameworkResponse;
        return send(PaosStep::InitializeFramework, message.messageId,
                    [](ServerMessageWriter& writer) { return writer.initializeFramework(); });
    }
    return sendEac1(message);
}

EidSession::Reply EidSession::sendEac1(const ClientMessage& message) {
    Eac1Input input;
    input.certificates = certificates_->chain;
    input.certificateDescription =
        behaviour_.certificateDescriptionOverride.value_or(certificates_->certificateDescription);
    input.requiredChat = readRightsChat(request_.required, request_.bornOnOrBefore.has_value(),
                                        terminalRightsFor(request_));
    input.optionalChat = readRightsChat(request_.optional);
    input.authenticatedAuxiliaryData = request_.authenticatedAuxiliaryData;
    input.transactionInfo = request_.transactionInfo;
    state_ = State::AwaitEac1Output;
    return send(PaosStep::Eac1, message.messageId,
                [&input](ServerMessageWriter& writer) { return writer.eac1(input); });
}

Result<void> EidSession::chooseChipAuthentication(ByteView efCardAccess) {
    auto infos = eac::SecurityInfos::parse(efCardAccess);
    if (!infos) return infos.error();
    for (const auto& info : infos->chipAuthenticationInfos()) {
        if (info.version != 2) continue;
        for (const auto& domain : infos->chipAuthenticationDomainParameters()) {
            if (domain.keyId != info.keyId || !domain.parameterId) continue;
            auto parameters = eac::DomainParameters::standardized(*domain.parameterId);
            if (!parameters) return parameters.error();
            caInfo_ = info;
            caParameters_ = std::move(*parameters);
            cardAccess_ = std::move(*infos);
            return {};
        }
    }
    return makeError(ErrorCode::Unsupported, "The card offers no Chip Authentication",
                     "EF.CardAccess without CA v2 on standardized domain parameters");
}

EidSession::Reply EidSession::onEac1Output(const ClientMessage& message) {
    const Bytes* cardAccess = message.field("EFCardAccess");
    const Bytes* idPicc = message.field("IDPICC");
    if (cardAccess == nullptr || idPicc == nullptr)
        return fail(message.messageId, "The eID-Client's answer is incomplete",
                    "EAC1OutputType without EFCardAccess or IDPICC");
    if (const Bytes* chat = message.field("CertificateHolderAuthorizationTemplate"))
        effectiveChat_ = *chat;
    efCardAccess_ = *cardAccess;
    idPicc_ = *idPicc;
    if (auto chosen = chooseChipAuthentication(efCardAccess_); !chosen)
        return fail(message.messageId, chosen.error().message, chosen.error().detail);
    auto key = caParameters_->generatePrivateKey();
    if (!key) return fail(message.messageId, key.error().message, key.error().detail);
    ephemeralPrivate_ = std::move(*key);
    auto publicKey = caParameters_->publicKey(ephemeralPrivate_.bytes());
    if (!publicKey)
        return fail(message.messageId, publicKey.error().message, publicKey.error().detail);
    ephemeralPublic_ = std::move(*publicKey);

    const Bytes* challenge = message.field("Challenge");
    if (challenge != nullptr && !behaviour_.signInAdditionalInput)
        return sendSignature(message, *challenge, false);
    state_ = State::AwaitChallenge;
    Eac2Input input{{}, ephemeralPublic_, std::nullopt};
    return send(PaosStep::Eac2, message.messageId,
                [&input](ServerMessageWriter& writer) { return writer.eac2(input); });
}

EidSession::Reply EidSession::sendSignature(const ClientMessage& message, ByteView challenge,
                                            bool additional) {
    Bytes signedData = concat({idPicc_, challenge, caParameters_->compress(ephemeralPublic_)});
    if (request_.authenticatedAuxiliaryData)
        append(signedData, *request_.authenticatedAuxiliaryData);
    auto signature = certificates_->terminalKey.signPlain(signedData);
    if (!signature)
        return fail(message.messageId, signature.error().message, signature.error().detail);
    state_ = State::AwaitEac2Output;
    if (additional) {
        return send(
            PaosStep::EacAdditionalInput, message.messageId,
            [&](ServerMessageWriter& writer) { return writer.eacAdditionalInput(*signature); });
    }
    Eac2Input input{{}, ephemeralPublic_, *signature};
    return send(PaosStep::Eac2, message.messageId,
                [&input](ServerMessageWriter& writer) { return writer.eac2(input); });
}

Result<void> EidSession::verifyChip(const ClientMessage& message) {
    const Bytes* cardSecurity = message.field("EFCardSecurity");
    const Bytes* token = message.field("AuthenticationToken");
    const Bytes* nonce = message.field("Nonce");
    if (cardSecurity == nullptr || token == nullptr || nonce == nullptr)
        return makeError(ErrorCode::InvalidInput, "The eID-Client's answer is incomplete",
                         "EAC2OutputType without EFCardSecurity, AuthenticationToken or Nonce");
    auto verified =
        eac::verifyCardSecurity(*cardSecurity, trust_, std::chrono::system_clock::now());
    if (!verified) return verified.error();
    result_.documentSigner = verified->documentSigner;
    if (auto signedAccess = eac::checkCardAccessIsSigned(*cardAccess_, *verified); !signedAccess)
        return signedAccess.error();
    auto chipKey = verified->infos.chipAuthenticationPublicKey(*caInfo_);
    if (!chipKey) return chipKey.error();
    auto secret = caParameters_->sharedSecret(ephemeralPrivate_.bytes(), chipKey->publicKey);
    if (!secret) return secret.error();
    eac::SessionKeys keys;
    keys.cipher = caInfo_->cipher;
    keys.encryption =
        crypto::deriveKey(keys.cipher, secret->bytes(), *nonce, crypto::KdfPurpose::Encryption);
    keys.mac = crypto::deriveKey(keys.cipher, secret->bytes(), *nonce, crypto::KdfPurpose::Mac);
    auto expected = eac::authenticationToken(keys.cipher, keys.mac.bytes(), caInfo_->protocol,
                                             caParameters_->publicKeyTag(), ephemeralPublic_);
    if (!expected) return expected.error();
    if (!constantTimeEqual(*expected, *token))
        return makeError(ErrorCode::AuthenticationFailed, "The ID card is not genuine",
                         "Chip Authentication token does not verify");
    ephemeralPrivate_.clear();
    secure_ = std::make_unique<SecureApduBatch>(std::move(keys));
    return {};
}

EidSession::Reply EidSession::onEac2Output(const ClientMessage& message) {
    if (auto verified = verifyChip(message); !verified)
        return fail(message.messageId, verified.error().message, verified.error().detail);
    std::optional<eac::Chat> effective;
    if (!effectiveChat_.empty()) {
        auto chat = parseChat(effectiveChat_);
        if (!chat) return fail(message.messageId, chat.error().message, chat.error().detail);
        effective = std::move(*chat);
    }
    auto plan = request_.required;
    plan.insert(plan.end(), request_.optional.begin(), request_.optional.end());
    for (auto group : plan) {
        if (effective && !effective->has(eac::readRight(eid::number(group))))
            result_.notAllowed.push_back(group);
        else
            files_.push_back(FileRead{group, {}, 0, false});
    }
    return sendNextReads(message);
}

EidSession::Reply EidSession::sendNextReads(const ClientMessage& message) {
    std::vector<CommandApdu> commands;
    pending_.clear();
    const bool first = steps_.empty() || steps_.back() != PaosStep::Transmit;
    if (first) {
        commands.emplace_back(0x00, 0xA4, 0x04, 0x0C, kEidApplication);
        pending_.emplace_back(files_.size(), kSelect);
        addVerifications(commands);
    }
    for (std::size_t i = 0; i < files_.size(); ++i) {
        FileRead& file = files_[i];
        if (file.done) continue;
        const auto sfi = eid::shortFileId(file.group);
        if (first) {
            commands.emplace_back(0x00, 0xB0, static_cast<std::uint8_t>(0x80 | sfi), 0x00, Bytes{},
                                  kChunk);
            pending_.emplace_back(i, 0);
            continue;
        }
        const auto fid = eid::fileId(file.group);
        commands.emplace_back(
            0x00, 0xA4, 0x02, 0x0C,
            Bytes{static_cast<std::uint8_t>(fid >> 8), static_cast<std::uint8_t>(fid)});
        pending_.emplace_back(files_.size(), kSelect);
        for (std::size_t offset = file.content.size(); offset < file.total; offset += kChunk) {
            commands.emplace_back(0x00, 0xB0, static_cast<std::uint8_t>(offset >> 8),
                                  static_cast<std::uint8_t>(offset), Bytes{},
                                  std::min(kChunk, file.total - offset));
            pending_.emplace_back(i, static_cast<int>(offset));
        }
    }
    if (commands.empty())
        return pinManagementDue() ? sendPinManagement(message) : finishOk(message.messageId);
    return sendProtected(commands, message);
}

Result<void> EidSession::checkPinManagementRequest() const {
    if (!request_.newPin && !request_.activateEid) return {};
    if (request_.terminal != TerminalProfile::PinReset)
        return makeError(ErrorCode::InvalidInput, "This service may not change the PIN",
                         "newPin/activateEid need TerminalProfile::PinReset");
    if (request_.newPin) {
        const ByteView pin = request_.newPin->bytes();
        if (pin.size() != kPinLength ||
            !std::all_of(pin.begin(), pin.end(), [](auto c) { return c >= '0' && c <= '9'; }))
            return makeError(ErrorCode::InvalidInput, "The new PIN must have 6 digits",
                             "newPin is not 6 ASCII digits");
    }
    return {};
}

bool EidSession::pinManagementDue() const {
    return !pinManagementSent_ && (request_.newPin || request_.activateEid);
}

// After reading: RESET RETRY COUNTER with the new PIN, then ACTIVATE eID (card-protocols §6.2),
// both under the CA keys like the reads.
EidSession::Reply EidSession::sendPinManagement(const ClientMessage& message) {
    pinManagementSent_ = true;
    std::vector<CommandApdu> commands;
    pending_.clear();
    if (request_.newPin) {
        const ByteView pin = request_.newPin->bytes();
        commands.emplace_back(0x00, 0x2C, 0x02, 0x03, Bytes(pin.begin(), pin.end()));
        pending_.emplace_back(files_.size(), kResetRetryCounter);
    }
    if (request_.activateEid) {
        commands.emplace_back(0x00, 0x44, 0x10, 0x03);
        pending_.emplace_back(files_.size(), kActivateEid);
    }
    auto reply = sendProtected(commands, message);
    // The commands held the new PIN in the clear; CommandApdu has no wiping storage of its own.
    for (auto& command : commands)
        wipe(const_cast<Bytes&>(command.data()));
    return reply;
}

// One Transmit with `commands` under the CA session keys.
EidSession::Reply EidSession::sendProtected(const std::vector<CommandApdu>& commands,
                                            const ClientMessage& message) {
    auto wrapped = secure_->protect(commands);
    if (!wrapped) return fail(message.messageId, wrapped.error().message, wrapped.error().detail);
    std::vector<InputApdu> apdus;
    for (auto& apdu : *wrapped)
        apdus.push_back(InputApdu{std::move(apdu), {}});
    state_ = State::AwaitTransmitResponse;
    return send(PaosStep::Transmit, message.messageId,
                [&apdus](ServerMessageWriter& writer) { return writer.transmit(apdus); });
}

// VERIFY (CLA 80, TR-03110-3 B.11.4) of what the auxiliary data asked, after CA.
void EidSession::addVerifications(std::vector<CommandApdu>& commands) {
    if (request_.bornOnOrBefore) {
        commands.emplace_back(0x80, 0x20, 0x80, 0x00, asn1::encode(0x06, kDateOfBirthOid));
        pending_.emplace_back(files_.size(), kVerifyAge);
    }
    if (request_.validOn) {
        commands.emplace_back(0x80, 0x20, 0x80, 0x00, asn1::encode(0x06, kDateOfExpiryOid));
        pending_.emplace_back(files_.size(), kVerifyValidity);
    }
}

Result<void> EidSession::acceptOtherAnswer(int kind, const ResponseApdu& response) {
    if (kind == kSelect) {
        if (response.isSuccess()) return {};
        return makeError(ErrorCode::CardError, "The card refused to select the eID data",
                         "SELECT answered " + describe(response.sw()));
    }
    if (kind == kResetRetryCounter) {
        result_.pinSet = response.isSuccess();
        if (result_.pinSet) return {};
        return makeError(ErrorCode::CardError, "The card refused the new PIN",
                         "RESET RETRY COUNTER answered " + describe(response.sw()));
    }
    if (kind == kActivateEid) {
        result_.eidActivated = response.isSuccess();
        if (result_.eidActivated) return {};
        return makeError(ErrorCode::CardError, "The card refused to switch the eID function on",
                         "ACTIVATE answered " + describe(response.sw()));
    }
    std::optional<bool> outcome;
    if (response.isSuccess()) outcome = true;
    if (response.sw() == 0x6300) outcome = false;
    (kind == kVerifyAge ? result_.ageVerified : result_.documentValidity) = outcome;
    return {};
}

void EidSession::acceptFileAnswer(FileRead& file, const ResponseApdu& response) {
    if (file.content.empty() && response.is(StatusWord::FileNotFound)) {
        result_.absent.push_back(file.group);
        file.done = true;
        return;
    }
    if (!response.isSuccess() && !response.is(StatusWord::EndOfFileReached)) {
        result_.notAllowed.push_back(file.group);
        file.done = true;
        return;
    }
    append(file.content, response.data());
    if (file.total == 0) file.total = announcedLength(file.content);
    if (file.total == 0 || file.content.size() >= file.total) {
        if (file.total != 0) file.content.resize(file.total);
        file.done = true;
    } else if (response.data().size() < kChunk || !response.isSuccess()) {
        file.done = true;
    }
}

EidSession::Reply EidSession::onTransmitResponse(const ClientMessage& message) {
    if (message.outputApdus.size() > pending_.size())
        return fail(message.messageId, "The eID-Client sent more answers than commands",
                    std::to_string(message.outputApdus.size()) + " OutputAPDUs");
    auto responses = secure_->unprotect(message.outputApdus);
    if (!responses)
        return fail(message.messageId, responses.error().message, responses.error().detail);
    for (std::size_t i = 0; i < responses->size(); ++i) {
        const auto [fileIndex, offset] = pending_[i];
        const ResponseApdu& response = (*responses)[i];
        if (offset < 0) {
            if (auto ok = acceptOtherAnswer(offset, response); !ok)
                return fail(message.messageId, ok.error().message, ok.error().detail);
            continue;
        }
        acceptFileAnswer(files_[fileIndex], response);
    }
    if (responses->size() < pending_.size())
        return fail(message.messageId, "The eID-Client did not run every card command",
                    std::to_string(responses->size()) + " of " + std::to_string(pending_.size()));
    const auto rounds = std::count(steps_.begin(), steps_.end(), PaosStep::Transmit);
    if (rounds >= kMaxReadRounds) {
        for (auto& file : files_)
            file.done = true;
    }
    return sendNextReads(message);
}

EidSession::Reply EidSession::finishOk(const QString& relatesTo) {
    for (const auto& file : files_) {
        if (file.content.empty()) continue;
        if (auto decoded = eid::decodeDataGroup(file.group, file.content, result_.data); !decoded)
            return fail(relatesTo, decoded.error().message, decoded.error().detail);
        result_.read.push_back(file.group);
    }
    Reply reply = send(PaosStep::StartPaosResponse, relatesTo, [](ServerMessageWriter& writer) {
        return writer.startPaosResponse(ServerResult::ok());
    });
    if (reply.step == PaosStep::StartPaosResponse && !result_.finished) {
        result_.finished = true;
        result_.ok = true;
    }
    state_ = State::Done;
    return reply;
}

EidSession::Reply EidSession::send(PaosStep step, const QString& relatesTo,
                                   const std::function<QByteArray(ServerMessageWriter&)>& write) {
    if (behaviour_.abortInsteadOf == step && step != PaosStep::StartPaosResponse) {
        Reply reply = fail(relatesTo, "The eID-Server aborted the authentication",
                           "abort switch before " + toString(step).toStdString(),
                           minor("/al/common#unknownError"));
        reply.closeConnection = behaviour_.abortByClosingConnection;
        return reply;
    }
    ServerMessageWriter writer(relatesTo);
    Reply reply{write(writer), step, false};
    lastMessageId_ = writer.messageId();
    steps_.push_back(step);
    return reply;
}

EidSession::Reply EidSession::fail(const QString& relatesTo, const std::string& message,
                                   const std::string& detail, const QString& minorUri) {
    if (!result_.finished) {
        result_.finished = true;
        result_.ok = false;
        result_.error = message;
        result_.errorDetail = detail;
    }
    ephemeralPrivate_.clear();
    secure_.reset();
    state_ = State::Done;
    ServerMessageWriter writer(relatesTo);
    Reply reply{writer.startPaosResponse(ServerResult::error(
                    minorUri.isEmpty() ? minor("/al/common#internalError") : minorUri,
                    QString::fromStdString(message))),
                PaosStep::StartPaosResponse, false};
    lastMessageId_ = writer.messageId();
    steps_.push_back(PaosStep::StartPaosResponse);
    return reply;
}

}  // namespace oa::sim
