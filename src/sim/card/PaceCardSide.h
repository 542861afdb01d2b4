#pragma once

#include <optional>

#include "base/SecureBytes.h"
#include "sim/card/CardCryptoProfile.h"
#include "sim/card/ChipCrypto.h"
#include "sim/card/Refusable.h"

namespace oa::sim {

// The chip's random choices in PACE, fixed by tests to reproduce published vectors.
struct PaceTestHooks {
    Bytes nonce;         // s
    Bytes mappingKey;    // SK_map,PICC
    Bytes ephemeralKey;  // SK_PICC
};

// The chip's side of PACE v2 with Generic Mapping over ECDH and AES (TR-03110-2 4.2, ICAO 9303-11
// 4.4), one step per General Authenticate. Named after the specification's steps.
class PaceCardSide {
public:
    // `password` is π: the ASCII CAN/PIN/PUK, or SHA-1 of the MRZ information.
    PaceCardSide(const CardCryptoProfile& profile, const SecureBytes& password,
                 std::optional<PaceTestHooks> hooks = std::nullopt);

    // Step 1: z = E(K_pi, s).
    Bytes encryptedNonce();
    // Step 2: PK_map,PICC; derives the mapped generator G~ = s*G + SK_map,PICC * PK_map,PCD.
    Refusable<Bytes> mapNonce(ByteView terminalMappingKey);
    // Step 3: PK_PICC on G~; derives K and the session keys.
    Refusable<Bytes> agreeOnKeys(ByteView terminalEphemeralKey);
    // Step 4: checks T_PCD (constant time) and returns T_PICC.
    bool terminalTokenValid(ByteView token) const;
    Bytes chipToken() const;

    const SecureBytes& encryptionKey() const { return encryptionKey_; }
    const SecureBytes& macKey() const { return macKey_; }
    // ID_PICC for TA: Comp(PK_PICC) = x coordinate.
    Bytes chipIdentifier() const;
    const Bytes& terminalEphemeralKey() const { return terminalEphemeralKey_; }

private:
    Bytes authenticationToken(ByteView publicKey) const;

    CardCryptoProfile profile_;
    chip::EcCurve curve_;
    std::optional<PaceTestHooks> hooks_;
    SecureBytes passwordKey_;
    SecureBytes nonce_;
    SecureBytes mappingKey_;
    Bytes terminalMappingKey_;
    Bytes mappedGenerator_;
    SecureBytes ephemeralKey_;
    Bytes chipEphemeralPublicKey_;
    Bytes terminalEphemeralKey_;
    SecureBytes encryptionKey_;
    SecureBytes macKey_;
};

// PK-DO of TR-03110-3 D.3.2 as the token input: 7F49 { 06 OID, 86 point }, no domain parameters.
Bytes publicKeyDataObject(ByteView protocolOid, ByteView point);

}  // namespace oa::sim
