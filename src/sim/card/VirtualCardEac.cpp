// The EAC commands of the virtual card after PACE: Terminal Authentication (MSE:Set DST,
// PSO:Verify Certificate, MSE:Set AT, GET CHALLENGE, EXTERNAL AUTHENTICATE), Chip Authentication
// (MSE:Set AT, General Authenticate), VERIFY of auxiliary data and (de)activation of the eID.
#include "asn1/Tlv.h"
#include "sim/card/AuxiliaryData.h"
#include "sim/card/ChipCrypto.h"
#include "sim/card/EfCardAccess.h"
#include "sim/card/MseSetAt.h"
#include "sim/card/PaceCardSide.h"
#include "sim/card/VirtualCard.h"

namespace oa {
namespace {

constexpr std::size_t kChipAuthenticationNonceSize = 8;
constexpr std::uint8_t kVerifyAuxiliaryData = 0x80;
// (De)activation addresses the PIN (P1 10, P2 03) as the eID's reference data.
constexpr std::uint16_t kEidFunctionReference = 0x1003;
const Bytes kTerminalAuthenticationPrefix = hexBytes("04007F00070202");

ResponseApdu status(StatusWord sw) {
    return ResponseApdu({}, sw);
}

bool startsWith(const Bytes& data, const Bytes& prefix) {
    return data.size() > prefix.size() && std::equal(prefix.begin(), prefix.end(), data.begin());
}

}  // namespace

bool VirtualCard::chipAuthenticated() const {
    std::lock_guard lock(mutex_);
    return chipAuthenticated_;
}

void VirtualCard::setEacTestHooks(std::optional<EacTestHooks> hooks) {
    std::lock_guard lock(mutex_);
    eacHooks_ = std::move(hooks);
}

sim::TerminalAuthorization VirtualCard::effectiveRights() const {
    if (!terminalAuthentication_.authenticated()) return {};
    const auto chain = terminalAuthentication_.chainRights();
    return paceChat_ ? chain.restrictedTo(*paceChat_) : chain;
}

ResponseApdu VirtualCard::setVerificationKey(const CommandApdu& command) {
    if (!secureMessaging_) return status(StatusWord::SecurityStatusNotSatisfied);
    const auto elements = asn1::readAll(command.data());
    if (!elements || elements->size() != 1 || elements->front().tag != 0x83) {
        return status(StatusWord::WrongData);
    }
    return status(terminalAuthentication_.setVerificationKey(elements->front().value));
}

ResponseApdu VirtualCard::verifyCertificate(const CommandApdu& command) {
    if (command.p1() != 0x00 || command.p2() != 0xBE) return status(StatusWord::WrongParameters);
    if (!secureMessaging_) return status(StatusWord::SecurityStatusNotSatisfied);
    return status(terminalAuthentication_.verifyCertificate(command.data()));
}

ResponseApdu VirtualCard::selectTerminalAuthentication(const CommandApdu& command) {
    if (!secureMessaging_) return status(StatusWord::SecurityStatusNotSatisfied);
    const auto mse = sim::parseMseSetAt(command.data());
    if (!mse) return status(mse.refusal());
    if (!startsWith(mse->protocol, kTerminalAuthenticationPrefix) || mse->protocol[7] != 0x02) {
        return status(StatusWord::WrongData);
    }
    if (mse->auxiliaryData && !sim::parseAuxiliaryData(*mse->auxiliaryData)) {
        return status(StatusWord::WrongData);
    }
    return status(terminalAuthentication_.selectTerminal(*mse));
}

ResponseApdu VirtualCard::getChallenge(const CommandApdu& command) {
    if (command.p1() != 0x00 || command.p2() != 0x00) return status(StatusWord::WrongParameters);
    if (command.le() != 8) return status(StatusWord::WrongLength);
    std::optional<Bytes> fixed;
    if (eacHooks_) fixed = eacHooks_->challenge;
    return ResponseApdu(terminalAuthentication_.challenge(fixed), StatusWord::Success);
}

ResponseApdu VirtualCard::externalAuthenticate(const CommandApdu& command) {
    if (!secureMessaging_) return status(StatusWord::SecurityStatusNotSatisfied);
    if (!pins_.eidUsable() && pins_.authenticatedPassword() == sim::Password::Pin) {
        // Deactivated eID or transport PIN: the terminal gets no further (TR-03110-2 2.4).
        return status(StatusWord::SecurityStatusNotSatisfied);
    }
    return status(terminalAuthentication_.authenticate(command.data(), chipIdentifier_));
}

Bytes VirtualCard::chipAuthenticationPublicKey() const {
    std::lock_guard lock(mutex_);
    return chipAuthenticationPublicKeyUnlocked();
}

Bytes VirtualCard::chipAuthenticationPublicKeyUnlocked() const {
    const auto curve = sim::chip::EcCurve::standardized(profile_.crypto.domainParameterId);
    return *curve->multiply(curve->generator(), chipAuthenticationKey_.bytes());
}

Bytes VirtualCard::cardSecurityInfos() const {
    return sim::encodeCardSecurityInfos(profile_.crypto, chipAuthenticationPublicKey());
}

Bytes VirtualCard::cardSecurity() const {
    std::lock_guard lock(mutex_);
    return profile_.cardSecurity;
}

void VirtualCard::setCardSecurity(Bytes signedCardSecurity) {
    std::lock_guard lock(mutex_);
    profile_.cardSecurity = signedCardSecurity;
    files_.addFile(
        {0x011D, 0x1D, std::move(signedCardSecurity), sim::ReadAccess::SecureMessaging, 0});
}

ResponseApdu VirtualCard::selectChipAuthentication(const CommandApdu& command) {
    chipAuthenticationSelected_ = false;
    restrictedIdentificationSelected_ = false;
    if (!terminalAuthentication_.authenticated()) {
        return status(StatusWord::ConditionsOfUseNotSatisfied);
    }
    const auto mse = sim::parseMseSetAt(command.data());
    if (!mse) return status(mse.refusal());
    if (mse->protocol == sim::restrictedIdentificationProtocolOid()) {
        // RI follows CA and needs its right in the effective authorization (TR-03110-2 3.5).
        if (!chipAuthenticated_ ||
            !effectiveRights().has(sim::TerminalAuthorization::kRestrictedIdentification)) {
            return status(StatusWord::SecurityStatusNotSatisfied);
        }
        if (mse->privateKeyId && *mse->privateKeyId != Bytes{sim::kRestrictedIdentificationKeyId}) {
            return status(StatusWord::ReferencedDataNotFound);
        }
        restrictedIdentificationSelected_ = true;
        return status(StatusWord::Success);
    }
    if (mse->protocol != sim::chipAuthenticationProtocolOid(profile_.crypto)) {
        return status(StatusWord::WrongData);
    }
    if (mse->privateKeyId && *mse->privateKeyId != Bytes{profile_.crypto.chipAuthenticationKeyId}) {
        return status(StatusWord::ReferencedDataNotFound);
    }
    chipAuthenticationSelected_ = true;
    return status(StatusWord::Success);
}

ResponseApdu VirtualCard::chipAuthenticationStep(const CommandApdu& command) {
    chipAuthenticationSelected_ = false;
    const auto outer = asn1::readOne(command.data());
    if (!outer || outer->tag != 0x7C) return status(StatusWord::WrongData);
    const auto inner = outer->children();
    if (!inner || inner->size() != 1 || inner->front().tag != 0x80) {
        return status(StatusWord::WrongData);
    }
    const Bytes terminalKey(inner->front().value.begin(), inner->front().value.end());
    const auto curve = sim::chip::EcCurve::standardized(profile_.crypto.domainParameterId);
    // The key must be the one whose compressed form the terminal signed in TA.
    if (!curve->isValidPoint(terminalKey) ||
        curve->xCoordinate(terminalKey) !=
            terminalAuthentication_.terminalChipAuthenticationKey()) {
        return status(StatusWord::WrongData);
    }
    const auto shared = curve->multiply(terminalKey, chipAuthenticationKey_.bytes());
    if (!shared) return status(StatusWord::WrongData);
    Bytes secret = curve->xCoordinate(*shared);
    const Bytes nonce = eacHooks_ ? eacHooks_->chipAuthenticationNonce
                                  : sim::chip::randomBytes(kChipAuthenticationNonceSize);
    const int bits = profile_.crypto.aesKeyBits;
    SecureBytes encryption = sim::chip::deriveKey(secret, nonce, 1, bits);
    SecureBytes mac = sim::chip::deriveKey(secret, nonce, 2, bits);
    wipe(secret);
    const Bytes token = sim::chip::cmac8(
        mac.bytes(),
        sim::publicKeyDataObject(sim::chipAuthenticationProtocolOid(profile_.crypto), terminalKey));
    nextSecureMessaging_.emplace(std::move(encryption), std::move(mac));
    chipAuthenticated_ = true;
    return ResponseApdu(asn1::encode(0x7C, {asn1::encode(0x81, nonce), asn1::encode(0x82, token)}),
                        StatusWord::Success);
}

// I_sector = SHA-256(x(SK_ID * PK_sector)) for each sector key (A0 first, A2 second).
ResponseApdu VirtualCard::restrictedIdentificationStep(const CommandApdu& command) {
    restrictedIdentificationSelected_ = false;
    const auto outer = asn1::readOne(command.data());
    if (!outer || outer->tag != 0x7C) return status(StatusWord::WrongData);
    const auto inner = outer->children();
    if (!inner || inner->empty()) return status(StatusWord::WrongData);
    const auto curve = sim::chip::EcCurve::standardized(profile_.crypto.domainParameterId);
    Bytes identifiers;
    for (const auto& sectorKey : *inner) {
        if (sectorKey.tag != 0xA0 && sectorKey.tag != 0xA2) return status(StatusWord::WrongData);
        const auto parts = sectorKey.children();
        if (!parts) return status(StatusWord::WrongData);
        const auto point = asn1::find(*parts, 0x86);
        if (!point) return status(StatusWord::WrongData);
        // The sector key must be the one the terminal certificate names (TR-03110-2 3.5).
        const Bytes dataObject = asn1::encode(0x7F49, sectorKey.value);
        if (!terminalAuthentication_.sectorKeyAllowed(dataObject, sectorKey.tag == 0xA2)) {
            return status(StatusWord::WrongData);
        }
        const auto shared = curve->multiply(point->value, restrictedIdentificationKey_.bytes());
        if (!shared) return status(StatusWord::WrongData);
        const asn1::Tag answerTag = sectorKey.tag == 0xA0 ? 0x81 : 0x83;
        append(identifiers,
               asn1::encode(answerTag, sim::chip::sha256(curve->xCoordinate(*shared))));
    }
    return ResponseApdu(asn1::encode(0x7C, identifiers), StatusWord::Success);
}

ResponseApdu VirtualCard::verifyAuxiliaryData(const CommandApdu& command) {
    if ((command.cla() & 0x80) == 0 || command.p1() != kVerifyAuxiliaryData ||
        command.p2() != 0x00) {
        return status(StatusWord::WrongParameters);
    }
    if (!chipAuthenticated_) return status(StatusWord::SecurityStatusNotSatisfied);
    const auto auxiliaryData = sim::parseAuxiliaryData(terminalAuthentication_.auxiliaryData());
    if (!auxiliaryData) return status(StatusWord::ReferencedDataNotFound);
    return status(sim::verifyAuxiliaryData(command.data(), *auxiliaryData, profile_.person,
                                           effectiveRights()));
}

ResponseApdu VirtualCard::setEidActivation(const CommandApdu& command, bool activated) {
    if ((command.p1() << 8 | command.p2()) != kEidFunctionReference) {
        return status(StatusWord::WrongParameters);
    }
    if (!pinManagementAllowed()) return status(StatusWord::SecurityStatusNotSatisfied);
    pins_.setEidActivated(activated);
    return status(StatusWord::Success);
}

}  // namespace oa
