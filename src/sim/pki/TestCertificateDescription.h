#pragma once

#include <string>
#include <vector>

#include "base/Bytes.h"

namespace oa::sim {

// The CertificateDescription (TR-03110-4 2.2.6, plain text terms of usage) of the test PKI's
// authentication terminal, as DER; its SHA-256 is the terminal certificate's description
// extension.
Bytes encodeTestCertificateDescription();

// The commCertificates field's value: the hashes as a DER SET OF OCTET STRING (sorted by
// encoding, duplicates dropped).
Bytes commCertificatesSet(const std::vector<Bytes>& hashes);

// The description of the test PIN reset service's terminal ("PIN-Rücksetzdienst (Test)"):
// the service reads names and address with the CAN and sets a new PIN (online-protocols §8).
// `subjectUrl` and `commCertificates` (SHA-256 of TLS server certificates) as the world runs it.
Bytes encodePinResetCertificateDescription(const std::string& subjectUrl = "https://localhost/",
                                           const std::vector<Bytes>& commCertificates = {});

}  // namespace oa::sim
