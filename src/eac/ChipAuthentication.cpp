#include "eac/ChipAuthentication.h"

#include "asn1/Tlv.h"
#include "crypto/Kdf.h"
#include "eac/AuthenticationToken.h"
#include "eac/DerInteger.h"

namespace oa::eac {
namespace {

constexpr std::size_t kNonceSize = 8;

Error cardError(std::string detail) {
    return makeError(ErrorCode::CardError, "The ID card answered unexpectedly", std::move(detail));
}

}  // namespace

ChipAuthentication::ChipAuthentication(Card& card, ChipAuthenticationInfo info,
                                       DomainParameters parameters)
    : card_(card), info_(std::move(info)), parameters_(std::move(parameters)) {}

Result<Bytes> ChipAuthentication::prepareEphemeralKey(
    std::optional<SecureBytes> privateKeyForTesting) {
    if (privateKeyForTesting) {
        ephemeralPrivate_ = std::move(*privateKeyForTesting);
    } else {
        auto key = parameters_.generatePrivateKey();
        if (!key) return key.error();
        ephemeralPrivate_ = std::move(*key);
    }
    auto publicKey = parameters_.publicKey(ephemeralPrivate_.bytes());
    if (!publicKey) return publicKey.error();
    ephemeralPublic_ = std::move(*publicKey);
    return parameters_.compress(ephemeralPublic_);
}

Result<SessionKeys> ChipAuthentication::authenticate(ByteView chipStaticPublicKey) {
    if (ephemeralPrivate_.empty()) {
        if (auto ok = prepareEphemeralKey(); !ok) return ok.error();
    }
    Bytes mse = asn1::encode(0x80, info_.protocol);
    if (info_.keyId) append(mse, asn1::encode(0x84, keyReference(*info_.keyId)));
    auto set = card_.transmit(CommandApdu(0x00, 0x22, 0x41, 0xA4, std::move(mse)));
    if (!set) return set.error();
    if (!set->isSuccess()) return cardError("MSE:Set AT for CA answered " + describe(set->sw()));

    auto secret = parameters_.sharedSecret(ephemeralPrivate_.bytes(), chipStaticPublicKey);
    if (!secret) return secret.error();

    const CommandApdu generalAuthenticate(0x00, 0x86, 0x00, 0x00,
                                          asn1::encode(0x7C, asn1::encode(0x80, ephemeralPublic_)),
                                          CommandApdu::kShortMaxLe);
    auto response = card_.transmit(generalAuthenticate);
    if (!response) return response.error();
    if (!response->isSuccess())
        return makeError(ErrorCode::AuthenticationFailed, "The ID card could not be authenticated",
                         "CA General Authenticate answered " + describe(response->sw()));
    auto outer = asn1::readOne(response->data());
    if (!outer || outer->tag != 0x7C) return cardError("CA: no 7C object");
    auto children = outer->children();
    if (!children || children->size() != 2 || (*children)[0].tag != 0x81 ||
        (*children)[1].tag != 0x82 || (*children)[1].value.size() != 8)
        return cardError("CA: expected nonce (81) and token (82)");
    const ByteView nonce = (*children)[0].value;
    // TR-03110-3 B.11.6: r_PICC is 8 bytes; another length would still give a verifying token
    // from a chip with the key, but it is not the protocol.
    if (nonce.size() != kNonceSize) return cardError("CA: nonce (81) is not 8 bytes");

    SessionKeys keys;
    keys.cipher = info_.cipher;
    keys.encryption =
        crypto::deriveKey(info_.cipher, secret->bytes(), nonce, crypto::KdfPurpose::Encryption);
    keys.mac = crypto::deriveKey(info_.cipher, secret->bytes(), nonce, crypto::KdfPurpose::Mac);
    auto expected = authenticationToken(info_.cipher, keys.mac.bytes(), info_.protocol,
                                        parameters_.publicKeyTag(), ephemeralPublic_);
    if (!expected) return expected.error();
    if (!constantTimeEqual(*expected, (*children)[1].value))
        return makeError(ErrorCode::AuthenticationFailed,
                         "The ID card could not be authenticated as genuine",
                         "CA: chip's authentication token does not verify");
    ephemeralPrivate_.clear();
    return keys;
}

}  // namespace oa::eac
