#pragma once

#include <optional>

#include "base/Bytes.h"
#include "base/Result.h"
#include "base/SecureBytes.h"
#include "crypto/DhGroup.h"
#include "crypto/EcCurve.h"

namespace oa::eac {

// The group a PACE (or CA) key agreement runs in: an elliptic curve or a MODP group. Public keys
// cross this class as the bytes the card protocols carry: uncompressed points, or y as an
// unsigned integer without leading zeros (TR-03110 Part 3 D.2.1.1).
class DomainParameters {
public:
    // TR-03110 Part 3 A.2.1.1: IDs 0..2 are DH groups, 8..18 curves.
    static Result<DomainParameters> standardized(int parameterId);

    bool isEllipticCurve() const { return curve_.has_value(); }

    Result<SecureBytes> generatePrivateKey() const;
    Result<Bytes> publicKey(ByteView privateKey) const;
    // Rejects keys off the curve / outside the subgroup.
    Result<void> checkPublicKey(ByteView publicKey) const;
    // Key agreement: x-coordinate (field size) or y^x mod p (minimal octets, as OpenPACE).
    Result<SecureBytes> sharedSecret(ByteView privateKey, ByteView peerPublicKey) const;
    // PACE generic mapping: new generator s*G + x*PK (EC) or g^s * PK^x (DH).
    Result<DomainParameters> mapGeneric(ByteView nonce, ByteView privateKey,
                                        ByteView peerPublicKey) const;
    // Comp() of TR-03110: x-coordinate (EC) or SHA-1 of y (DH); ID_PICC for TA.
    Bytes compress(ByteView publicKey) const;
    // The public key data object: tag 86 (EC point) or 84 (DH y) inside 7F49 after the OID.
    std::uint8_t publicKeyTag() const { return isEllipticCurve() ? 0x86 : 0x84; }

private:
    explicit DomainParameters(crypto::EcCurve curve) : curve_(std::move(curve)) {}
    explicit DomainParameters(crypto::DhGroup group) : group_(std::move(group)) {}
    std::optional<crypto::EcCurve> curve_;
    std::optional<crypto::DhGroup> group_;
};

}  // namespace oa::eac
