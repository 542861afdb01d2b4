// The PACE commands of the virtual card: MSE:Set AT (C1 A4) and General Authenticate steps 1-4.
#include "asn1/Tlv.h"
#include "sim/card/CardCvCertificate.h"
#include "sim/card/ChipCrypto.h"
#include "sim/card/MseSetAt.h"
#include "sim/card/VirtualCard.h"

namespace oa {
namespace {

constexpr std::uint16_t kSetAuthenticationTemplateForPace = 0xC1A4;
constexpr std::uint16_t kSetAuthenticationTemplateForTa = 0x81A4;
constexpr std::uint16_t kSetAuthenticationTemplateForCa = 0x41A4;
constexpr std::uint16_t kSetDigitalSignatureTemplate = 0x81B6;
constexpr asn1::Tag kDynamicAuthenticationData = 0x7C;

ResponseApdu status(StatusWord sw) {
    return ResponseApdu({}, sw);
}

ResponseApdu dynamicAuthenticationData(std::initializer_list<ByteView> objects) {
    return ResponseApdu(asn1::encode(kDynamicAuthenticationData, objects), StatusWord::Success);
}

// The one data object a PACE step expects inside 7C, or nothing (step 1 has none).
sim::Refusable<Bytes> stepInput(ByteView data, std::optional<asn1::Tag> expected) {
    const auto outer = asn1::readOne(data);
    if (!outer || outer->tag != kDynamicAuthenticationData) return StatusWord::WrongData;
    const auto inner = outer->children();
    if (!inner) return StatusWord::WrongData;
    if (!expected) {
        if (!inner->empty()) return StatusWord::WrongData;
        return Bytes{};
    }
    if (inner->size() != 1 || inner->front().tag != *expected) return StatusWord::WrongData;
    return Bytes(inner->front().value.begin(), inner->front().value.end());
}

std::optional<sim::TerminalAuthorization> chatRights(ByteView chat) {
    const auto element = asn1::readOne(chat);
    if (!element) return std::nullopt;
    const auto parts = element->children();
    if (!parts || parts->empty() || parts->front().tag != 0x06 ||
        Bytes(parts->front().value.begin(), parts->front().value.end()) !=
            sim::authenticationTerminalOid()) {
        return std::nullopt;
    }
    const auto rights = asn1::find(*parts, 0x53);
    if (!rights) return std::nullopt;
    return sim::TerminalAuthorization::fromTemplate(rights->value);
}

SecureBytes passwordSecret(sim::Password password, const SecureBytes& stored) {
    // π for the MRZ is the hash of the MRZ information (ICAO 9303-11 9.7.3); the others are used
    // as their ASCII digits.
    if (password == sim::Password::Mrz) return SecureBytes(sim::chip::sha1(stored.bytes()));
    return stored;
}

}  // namespace

ResponseApdu VirtualCard::manageSecurityEnvironment(const CommandApdu& command) {
    const auto p1p2 = static_cast<std::uint16_t>(command.p1() << 8 | command.p2());
    switch (p1p2) {
        case kSetAuthenticationTemplateForPace:
            return selectPace(command);
        case kSetDigitalSignatureTemplate:
            return setVerificationKey(command);
        case kSetAuthenticationTemplateForTa:
            return selectTerminalAuthentication(command);
        case kSetAuthenticationTemplateForCa:
            return selectChipAuthentication(command);
        default:
            return status(StatusWord::WrongParameters);
    }
}

ResponseApdu VirtualCard::selectPace(const CommandApdu& command) {
    // After CA the chip is bound to this terminal; PACE needs a new session (TR-03110-3 B.1).
    if (chipAuthenticated_) return status(StatusWord::ConditionsOfUseNotSatisfied);
    pace_.reset();
    pins_.paceStarted();
    const auto mse = sim::parseMseSetAt(command.data());
    if (!mse) return status(mse.refusal());
    if (mse->protocol != sim::paceProtocolOid(profile_.crypto)) {
        return status(StatusWord::WrongData);
    }
    if (mse->privateKeyId && *mse->privateKeyId != Bytes{profile_.crypto.domainParameterId}) {
        return status(StatusWord::ReferencedDataNotFound);
    }
    const auto password = sim::pacePassword(*mse);
    if (!password || pins_.secret(*password).empty()) {
        return status(StatusWord::ReferencedDataNotFound);
    }
    std::optional<sim::TerminalAuthorization> chat;
    if (mse->chat) {
        chat = chatRights(*mse->chat);
        if (!chat) return status(StatusWord::WrongData);
    }
    const SecureBytes secret = passwordSecret(*password, pins_.secret(*password));
    pace_.emplace(PaceRun{*password, chat, sim::PaceCardSide(profile_.crypto, secret, paceHooks_)});
    return status(pins_.selectPassword(*password));
}

ResponseApdu VirtualCard::generalAuthenticate(const CommandApdu& command) {
    if (command.p1() != 0x00 || command.p2() != 0x00) return status(StatusWord::WrongParameters);
    if (pace_) return paceStep(command);
    if (chipAuthenticationSelected_) return chipAuthenticationStep(command);
    if (restrictedIdentificationSelected_) return restrictedIdentificationStep(command);
    return status(StatusWord::ConditionsOfUseNotSatisfied);
}

ResponseApdu VirtualCard::paceStep(const CommandApdu& command) {
    PaceRun& run = *pace_;
    static const std::optional<asn1::Tag> kExpected[] = {std::nullopt, 0x81, 0x83, 0x85};
    const auto input = stepInput(command.data(), kExpected[run.nextStep - 1]);
    if (!input) {
        pace_.reset();
        return status(input.refusal());
    }
    const int step = run.nextStep++;
    switch (step) {
        case 1:
            return dynamicAuthenticationData({asn1::encode(0x80, run.chip.encryptedNonce())});
        case 2: {
            const auto key = run.chip.mapNonce(*input);
            if (!key) break;
            return dynamicAuthenticationData({asn1::encode(0x82, *key)});
        }
        case 3: {
            const auto key = run.chip.agreeOnKeys(*input);
            if (!key) break;
            return dynamicAuthenticationData({asn1::encode(0x84, *key)});
        }
        default:
            return finishPace(*input);
    }
    pace_.reset();
    return status(StatusWord::WrongData);
}

ResponseApdu VirtualCard::finishPace(ByteView terminalToken) {
    PaceRun run = std::move(*pace_);
    pace_.reset();
    const bool tokenValid = run.chip.terminalTokenValid(terminalToken);
    const StatusWord outcome = pins_.paceFinished(run.password, tokenValid);
    if (outcome != StatusWord::Success) return status(outcome);
    Bytes response = asn1::encode(0x86, run.chip.chipToken());
    if (run.chat) {
        // With a CHAT the terminal learns where its certificate chain must start.
        const auto anchors = terminalAuthentication_.trustAnchorReferences();
        for (std::size_t i = 0; i < anchors.size() && i < 2; ++i) {
            append(response, asn1::encode(i == 0 ? 0x87 : 0x88, asciiBytes(anchors[i])));
        }
    }
    // PACE run inside an existing channel (CAN first, then PIN): this answer still goes out under
    // the old keys, the new ones take over with the next command.
    auto& channel = secureMessaging_ ? nextSecureMessaging_ : secureMessaging_;
    channel.emplace(run.chip.encryptionKey(), run.chip.macKey());
    chipIdentifier_ = run.chip.chipIdentifier();
    paceChat_ = run.chat;
    // PACE only takes authentication-terminal CHATs, so TA must follow with that type.
    terminalAuthentication_.requireTerminalType(
        run.chat ? std::optional<Bytes>(sim::authenticationTerminalOid()) : std::nullopt);
    return ResponseApdu(asn1::encode(kDynamicAuthenticationData, response), StatusWord::Success);
}

}  // namespace oa
