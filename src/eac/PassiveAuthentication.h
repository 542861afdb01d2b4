#pragma once

#include <chrono>
#include <string>

#include "base/Bytes.h"
#include "base/Result.h"
#include "eac/CscaTrustList.h"
#include "eac/SecurityInfos.h"

namespace oa::eac {

// EF.CardSecurity after passive authentication: the SecurityInfos in it are the chip's own
// (signed by a document signer that chains to a trusted CSCA). Take the chip's Chip
// Authentication key only from here.
struct VerifiedCardSecurity {
    SecurityInfos infos;
    std::string documentSigner;  // subject of the document signer certificate (RFC 2253)
    std::string issuingCountry;  // country of the document signer, e.g. "DE"
};

// Passive authentication of EF.CardSecurity (TR-03110 Part 3 A.1.2.2, ICAO 9303-11 5.1):
// a CMS SignedData over id-SecurityObject with exactly one signer whose signature is valid and
// whose document signer certificate is valid at `now` and chains to `trust`.
Result<VerifiedCardSecurity> verifyCardSecurity(ByteView efCardSecurity, const CscaTrustList& trust,
                                                std::chrono::system_clock::time_point now);

// Spec digest 5.3 (6): what EF.CardAccess offered (and PACE ran with) must be the chip's own, i.e.
// every PACE, CA, CA domain parameter and TA info of EF.CardAccess is also in the signed
// SecurityInfos. Other infos (PrivilegedTerminalInfo, CardInfoLocator...) are not compared.
Result<void> checkCardAccessIsSigned(const SecurityInfos& cardAccess,
                                     const VerifiedCardSecurity& cardSecurity);

}  // namespace oa::eac
