#include "sim/card/PaceCardSide.h"

#include "asn1/Tlv.h"

namespace oa::sim {
namespace {

constexpr std::size_t kNonceSize = 16;  // one AES block
constexpr std::uint32_t kEncryptionCounter = 1;
constexpr std::uint32_t kMacCounter = 2;
constexpr std::uint32_t kPasswordCounter = 3;

chip::EcCurve curveOf(const CardCryptoProfile& profile) {
    auto curve = chip::EcCurve::standardized(profile.domainParameterId);
    if (!curve) std::abort();  // profiles only name supported curves
    return std::move(*curve);
}

}  // namespace

Bytes publicKeyDataObject(ByteView protocolOid, ByteView point) {
    return asn1::encode(0x7F49, {asn1::encode(0x06, protocolOid), asn1::encode(0x86, point)});
}

PaceCardSide::PaceCardSide(const CardCryptoProfile& profile, const SecureBytes& password,
                           std::optional<PaceTestHooks> hooks)
    : profile_(profile),
      curve_(curveOf(profile)),
      hooks_(std::move(hooks)),
      passwordKey_(chip::deriveKey(password.bytes(), {}, kPasswordCounter, profile.aesKeyBits)) {}

Bytes PaceCardSide::encryptedNonce() {
    nonce_ = SecureBytes(hooks_ ? hooks_->nonce : chip::randomBytes(kNonceSize));
    return chip::aesCbcEncrypt(passwordKey_.bytes(), Bytes(16, 0), nonce_.bytes());
}

Refusable<Bytes> PaceCardSide::mapNonce(ByteView terminalMappingKey) {
    if (nonce_.empty()) return StatusWord::ConditionsOfUseNotSatisfied;
    mappingKey_ = SecureBytes(hooks_ ? hooks_->mappingKey : curve_.randomScalar());
    const auto shared = curve_.multiply(terminalMappingKey, mappingKey_.bytes());
    const auto nonceTimesGenerator = curve_.multiply(curve_.generator(), nonce_.bytes());
    if (!shared || !nonceTimesGenerator) return StatusWord::WrongData;
    const auto mapped = curve_.add(*nonceTimesGenerator, *shared);
    if (!mapped) return StatusWord::WrongData;
    terminalMappingKey_.assign(terminalMappingKey.begin(), terminalMappingKey.end());
    mappedGenerator_ = *mapped;
    return *curve_.multiply(curve_.generator(), mappingKey_.bytes());
}

Refusable<Bytes> PaceCardSide::agreeOnKeys(ByteView terminalEphemeralKey) {
    if (mappedGenerator_.empty()) return StatusWord::ConditionsOfUseNotSatisfied;
    // The ephemeral key must be fresh, not the mapping key sent again (ICAO 9303-11 4.4.3.3.3).
    if (std::equal(terminalEphemeralKey.begin(), terminalEphemeralKey.end(),
                   terminalMappingKey_.begin(), terminalMappingKey_.end())) {
        return StatusWord::WrongData;
    }
    ephemeralKey_ = SecureBytes(hooks_ ? hooks_->ephemeralKey : curve_.randomScalar());
    const auto shared = curve_.multiply(terminalEphemeralKey, ephemeralKey_.bytes());
    if (!shared) return StatusWord::WrongData;
    Bytes secret = curve_.xCoordinate(*shared);
    encryptionKey_ = chip::deriveKey(secret, {}, kEncryptionCounter, profile_.aesKeyBits);
    macKey_ = chip::deriveKey(secret, {}, kMacCounter, profile_.aesKeyBits);
    wipe(secret);
    terminalEphemeralKey_.assign(terminalEphemeralKey.begin(), terminalEphemeralKey.end());
    chipEphemeralPublicKey_ = *curve_.multiply(mappedGenerator_, ephemeralKey_.bytes());
    return chipEphemeralPublicKey_;
}

Bytes PaceCardSide::authenticationToken(ByteView publicKey) const {
    return chip::cmac8(macKey_.bytes(), publicKeyDataObject(paceProtocolOid(profile_), publicKey));
}

bool PaceCardSide::terminalTokenValid(ByteView token) const {
    if (chipEphemeralPublicKey_.empty()) return false;
    return constantTimeEqual(token, authenticationToken(chipEphemeralPublicKey_));
}

Bytes PaceCardSide::chipToken() const {
    return authenticationToken(terminalEphemeralKey_);
}

Bytes PaceCardSide::chipIdentifier() const {
    return curve_.xCoordinate(chipEphemeralPublicKey_);
}

}  // namespace oa::sim
