#pragma once

#include "base/Bytes.h"

namespace oa::sim {

// The CertificateDescription (TR-03110-4 2.2.6, plain text terms of usage) of the test PKI's
// authentication terminal, as DER; its SHA-256 is the terminal certificate's description
// extension.
Bytes encodeTestCertificateDescription();

}  // namespace oa::sim
