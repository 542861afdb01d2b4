#pragma once

#include <string>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "sim/pki/EcKey.h"

namespace oa::sim {

// What goes into one CV certificate (TR-03110-3 C.1) besides the keys.
struct CvCertificateTemplate {
    std::string authorityReference;                  // CAR
    std::string holderReference;                     // CHR
    Bytes roleOid = hexBytes("04007F000703010202");  // id-AT; id-IS .1, id-ST .3
    Bytes rights;                                    // the template (53), role bits included
    std::string effectiveDate;                       // YYMMDD
    std::string expirationDate;                      // YYMMDD
    bool withDomainParameters = false;               // CVCA certificates carry them
    std::vector<Bytes> extensions;                   // 73 data objects (see below)
};

// The complete certificate (7F21) for `holder`'s public key, signed with ECDSA-SHA-256 by
// `signer` (id-TA-ECDSA-SHA-256).
Result<Bytes> writeCvCertificate(const CvCertificateTemplate& fields, const EcKey& holder,
                                 const EcKey& signer);

// Certificate extensions (TR-03110-4 2.2.6): the hash of the CertificateDescription, and the
// terminal sector for Restricted Identification (hash of the sector public key data object).
Bytes descriptionExtension(ByteView certificateDescription);
Bytes terminalSectorExtension(ByteView sectorPublicKeyDataObject);

// The sector public key as Restricted Identification sends it and hashes it:
// 7F49 { 06 id-RI-ECDH-SHA-256, 86 point }.
Bytes sectorPublicKeyDataObject(ByteView point);

// Six unpacked digits, one byte each (TR-03110-3 D.2.1.3).
Bytes cvDate(const std::string& yymmdd);

}  // namespace oa::sim
