#include "sim/pki/SecurityObjectSigner.h"

#include <openssl/cms.h>
#include <openssl/x509.h>

#include "crypto/OpenSsl.h"

namespace oa::sim {
namespace {

using crypto::openSslError;
using X509Ptr = crypto::OpenSslPtr<X509, X509_free>;
using BioPtr = crypto::OpenSslPtr<BIO, BIO_free_all>;
using CmsPtr = crypto::OpenSslPtr<CMS_ContentInfo, CMS_ContentInfo_free>;
using ObjectPtr = crypto::OpenSslPtr<ASN1_OBJECT, ASN1_OBJECT_free>;

constexpr const char* kSecurityObjectOid = "0.4.0.127.0.7.3.2.1";

Error failed(const std::string& what) {
    return openSslError(ErrorCode::Unknown, "Could not sign EF.CardSecurity", what);
}

}  // namespace

Result<Bytes> signSecurityObject(ByteView securityInfos, ByteView documentSignerCertificate,
                                 const EcKey& documentSignerKey) {
    const unsigned char* cursor = documentSignerCertificate.data();
    X509Ptr signer(d2i_X509(nullptr, &cursor, static_cast<long>(documentSignerCertificate.size())));
    if (!signer) return failed("document signer certificate");
    // The eContentType must be set before the signer is added, so CMS_PARTIAL first.
    const unsigned int flags = CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
    CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags));
    ObjectPtr contentType(OBJ_txt2obj(kSecurityObjectOid, 1));
    if (!cms || !contentType || CMS_set1_eContentType(cms.get(), contentType.get()) != 1) {
        return failed("CMS eContentType");
    }
    if (CMS_add1_signer(cms.get(), signer.get(), documentSignerKey.get(), EVP_sha256(), flags) ==
        nullptr) {
        return failed("CMS_add1_signer");
    }
    BioPtr content(BIO_new_mem_buf(securityInfos.data(), static_cast<int>(securityInfos.size())));
    if (!content || CMS_final(cms.get(), content.get(), nullptr, CMS_BINARY) != 1) {
        return failed("CMS_final");
    }
    unsigned char* der = nullptr;
    const int size = i2d_CMS_ContentInfo(cms.get(), &der);
    if (size <= 0) return failed("i2d_CMS_ContentInfo");
    Bytes out(der, der + size);
    OPENSSL_free(der);
    return out;
}

}  // namespace oa::sim
