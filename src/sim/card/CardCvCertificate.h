#pragma once

#include <optional>
#include <string>

#include "base/Bytes.h"
#include "sim/card/Refusable.h"

namespace oa::sim {

// A CV certificate as the chip reads it for PSO:Verify Certificate (TR-03110-3 C.1): only what
// the chip needs to check the signature, chain the keys and collect the rights.
struct CardCvCertificate {
    Bytes body;  // the complete 7F4E element: what the signature covers
    Bytes signature;
    std::string authorityReference;  // CAR
    std::string holderReference;     // CHR
    Bytes publicKeyOid;
    Bytes point;  // 86
    // Explicit domain parameters (81..85, 87), present in CVCA certificates only.
    std::optional<Bytes> prime, a, b, generator, order, cofactor;
    Bytes terminalType;          // the CHAT's OID: id-IS, id-AT or id-ST (TR-03110-3 C.4)
    std::uint8_t role = 0;       // top two CHAT bits: 3 CVCA, 2/1 DV, 0 terminal
    Bytes rights;                // the 5-byte template (53)
    std::string effectiveDate;   // YYMMDD as digits
    std::string expirationDate;  // YYMMDD as digits
    // Terminal sector extension (id-sector-ri): hashes of the first (80) and second (81) sector
    // public key the terminal may use for Restricted Identification.
    std::optional<Bytes> firstSectorKeyHash, secondSectorKeyHash;

    bool isCvca() const { return role == 3; }
    bool isAuthenticationTerminal() const;
};

// id-AT (0.4.0.127.0.7.3.1.2.2): the only terminal type with rights in the eID application.
Bytes authenticationTerminalOid();

// From PSO:Verify data (7F4E ... 5F37 ...) or a whole 7F21 certificate; wrong structure -> 6A80.
Refusable<CardCvCertificate> parseCardCvCertificate(ByteView encoded);

}  // namespace oa::sim
