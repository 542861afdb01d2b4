#include "eac/DomainParameters.h"

#include <algorithm>

#include "crypto/Hash.h"

namespace oa::eac {
namespace {

// TR-03110 Part 3 D.2.1.1 encodes unsigned integers without leading zero octets; OpenPACE does the
// same for the DH shared secret, so DH values cross the wire in minimal form.
Bytes minimal(Bytes value) {
    const auto first =
        std::find_if(value.begin(), value.end(), [](std::uint8_t b) { return b != 0; });
    Bytes result(first, value.end());
    wipe(value);
    return result;
}

}  // namespace

Result<DomainParameters> DomainParameters::standardized(int parameterId) {
    if (parameterId >= 0 && parameterId <= 2) {
        auto group = crypto::DhGroup::standardized(parameterId);
        if (!group) return group.error();
        return DomainParameters(std::move(*group));
    }
    auto curve = crypto::EcCurve::standardized(parameterId);
    if (!curve) return curve.error();
    return DomainParameters(std::move(*curve));
}

Result<SecureBytes> DomainParameters::generatePrivateKey() const {
    return curve_ ? curve_->generatePrivateKey() : group_->generatePrivateKey();
}

Result<Bytes> DomainParameters::publicKey(ByteView privateKey) const {
    if (group_) {
        auto y = group_->powerOfGenerator(privateKey);
        if (!y) return y;
        return minimal(std::move(*y));
    }
    auto point = curve_->multiplyGenerator(privateKey);
    if (!point) return point.error();
    return curve_->encodePoint(*point);
}

Result<void> DomainParameters::checkPublicKey(ByteView publicKey) const {
    if (group_) {
        if (publicKey.empty() || publicKey.size() > group_->primeSize() || publicKey[0] == 0)
            return makeError(ErrorCode::InvalidInput, "The card sent an invalid public key",
                             "DH public key of " + std::to_string(publicKey.size()) +
                                 " bytes with |p| = " + std::to_string(group_->primeSize()) +
                                 " or with a leading zero");
        return group_->checkPublicKey(publicKey);
    }
    auto point = curve_->decodePoint(publicKey);
    if (!point) return point.error();
    return {};
}

Result<SecureBytes> DomainParameters::sharedSecret(ByteView privateKey,
                                                   ByteView peerPublicKey) const {
    if (auto ok = checkPublicKey(peerPublicKey); !ok) return ok.error();
    Bytes secret;
    if (group_) {
        auto value = group_->power(peerPublicKey, privateKey);
        if (!value) return value.error();
        secret = minimal(std::move(*value));
    } else {
        auto point = curve_->multiply(*curve_->decodePoint(peerPublicKey), privateKey);
        if (!point) return point.error();
        secret = curve_->xCoordinate(*point);
    }
    SecureBytes result(view(secret));
    wipe(secret);
    return result;
}

Result<DomainParameters> DomainParameters::mapGeneric(ByteView nonce, ByteView privateKey,
                                                      ByteView peerPublicKey) const {
    if (auto ok = checkPublicKey(peerPublicKey); !ok) return ok.error();
    if (group_) {
        auto h = group_->power(peerPublicKey, privateKey);
        if (!h) return h.error();
        auto gs = group_->powerOfGenerator(nonce);
        if (!gs) return gs.error();
        auto mapped = group_->multiply(*gs, *h);
        if (!mapped) return mapped.error();
        auto newGroup = group_->withGenerator(*mapped);
        if (!newGroup) return newGroup.error();
        return DomainParameters(std::move(*newGroup));
    }
    auto h = curve_->multiply(*curve_->decodePoint(peerPublicKey), privateKey);
    if (!h) return h.error();
    auto sg = curve_->multiplyGenerator(nonce);
    if (!sg) return sg.error();
    auto mapped = curve_->add(*sg, *h);
    if (!mapped) return mapped.error();
    auto newCurve = curve_->withGenerator(*mapped);
    if (!newCurve) return newCurve.error();
    return DomainParameters(std::move(*newCurve));
}

Bytes DomainParameters::compress(ByteView publicKey) const {
    if (group_) return crypto::hash(crypto::HashAlgorithm::Sha1, publicKey);
    const std::size_t field = curve_->fieldSize();
    if (publicKey.size() != 1 + 2 * field) return {};
    return Bytes(publicKey.begin() + 1, publicKey.begin() + 1 + static_cast<std::ptrdiff_t>(field));
}

}  // namespace oa::eac
