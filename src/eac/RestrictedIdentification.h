#pragma once

#include "base/Bytes.h"
#include "base/Result.h"
#include "card/Card.h"
#include "eac/SecurityInfos.h"

namespace oa::eac {

// Restricted Identification, terminal side (TR-03110-2 3.5, TR-03110-3 B.13): after TA and CA,
// the card derives its sector-specific identifier for the sector public key that the terminal
// certificate names. `card` is the channel under the CA session keys.
class RestrictedIdentification {
public:
    RestrictedIdentification(Card& card, RestrictedIdentificationInfo info)
        : card_(card), info_(std::move(info)) {}

    // `sectorPublicKey`: the complete 7F49 data object (06 protocol OID, 86 point). Returns the
    // card's identifier for that sector (the hash of the key agreement).
    Result<Bytes> sectorIdentifier(ByteView sectorPublicKey);

private:
    Card& card_;
    RestrictedIdentificationInfo info_;
};

// The RI protocol a terminal runs: the first infos entry that is not restricted to authorized
// terminals only, else the first.
Result<RestrictedIdentificationInfo> chooseRestrictedIdentification(const SecurityInfos& infos);

}  // namespace oa::eac
