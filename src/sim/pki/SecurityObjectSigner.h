#pragma once

#include "base/Bytes.h"
#include "base/Result.h"
#include "sim/pki/EcKey.h"

namespace oa::sim {

// EF.CardSecurity (TR-03110-3 A.1.2.2): CMS SignedData over DER SecurityInfos with eContentType
// id-SecurityObject, SHA-256, the document signer certificate included, and signed attributes
// (contentType, messageDigest) signed with the document signer's key.
Result<Bytes> signSecurityObject(ByteView securityInfos, ByteView documentSignerCertificate,
                                 const EcKey& documentSignerKey);

}  // namespace oa::sim
