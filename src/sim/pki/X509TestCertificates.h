#pragma once

#include <string>

#include "base/Bytes.h"
#include "base/Result.h"
#include "sim/pki/EcKey.h"

namespace oa::sim {

// The X.509 side of the test PKI for passive authentication (ICAO 9303-12): a self-signed
// country signing CA and a document signer under it. Both are DER.
struct X509Validity {
    std::string notBefore = "20250101000000Z";
    std::string notAfter = "20451231235959Z";
};

Result<Bytes> issueCscaCertificate(const EcKey& cscaKey, const X509Validity& validity = {});
// keyUsage digitalSignature only, as a document signer has (ICAO 9303-12 7.1.1).
Result<Bytes> issueDocumentSignerCertificate(const EcKey& documentSignerKey,
                                             ByteView cscaCertificate, const EcKey& cscaKey,
                                             const X509Validity& validity = {});

std::string certificateToPem(ByteView der);
Result<Bytes> certificateFromPem(const std::string& pem);

}  // namespace oa::sim
