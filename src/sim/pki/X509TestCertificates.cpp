#include "sim/pki/X509TestCertificates.h"

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "crypto/OpenSsl.h"

namespace oa::sim {
namespace {

using crypto::openSslError;
using X509Ptr = crypto::OpenSslPtr<X509, X509_free>;
using BioPtr = crypto::OpenSslPtr<BIO, BIO_free_all>;

constexpr const char* kCscaName = "OpenAusweis TEST CSCA \xE2\x80\x94 not for production";
constexpr const char* kDocumentSignerName =
    "OpenAusweis TEST Document Signer \xE2\x80\x94 not for production";

Error failed(const std::string& what) {
    return openSslError(ErrorCode::Unknown, "Could not create the test PKI", what);
}

bool setName(X509_NAME* name, const char* commonName) {
    const auto add = [name](const char* field, const char* value) {
        return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                          reinterpret_cast<const unsigned char*>(value), -1, -1,
                                          0) == 1;
    };
    return add("C", "DE") && add("O", "OpenAusweis test PKI") && add("CN", commonName);
}

bool addExtension(X509* certificate, X509* issuer, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (extension == nullptr) return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

Result<X509Ptr> skeleton(const EcKey& subjectKey, const char* commonName, long serial,
                         const X509Validity& validity) {
    X509Ptr certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1 ||
        ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), serial) != 1 ||
        !setName(X509_get_subject_name(certificate.get()), commonName) ||
        ASN1_TIME_set_string_X509(X509_getm_notBefore(certificate.get()),
                                  validity.notBefore.c_str()) != 1 ||
        ASN1_TIME_set_string_X509(X509_getm_notAfter(certificate.get()),
                                  validity.notAfter.c_str()) != 1 ||
        X509_set_pubkey(certificate.get(), subjectKey.get()) != 1) {
        return failed("X.509 skeleton");
    }
    return certificate;
}

Result<Bytes> signAndEncode(X509* certificate, const EcKey& issuerKey) {
    if (X509_sign(certificate, issuerKey.get(), EVP_sha256()) <= 0) return failed("X509_sign");
    unsigned char* der = nullptr;
    const int size = i2d_X509(certificate, &der);
    if (size <= 0) return failed("i2d_X509");
    Bytes out(der, der + size);
    OPENSSL_free(der);
    return out;
}

Result<X509Ptr> parse(ByteView der) {
    const unsigned char* cursor = der.data();
    X509Ptr certificate(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    if (!certificate || cursor != der.data() + der.size()) {
        return openSslError(ErrorCode::InvalidInput, "The test certificate is damaged", "d2i_X509");
    }
    return certificate;
}

}  // namespace

Result<Bytes> issueCscaCertificate(const EcKey& cscaKey, const X509Validity& validity) {
    auto certificate = skeleton(cscaKey, kCscaName, 1, validity);
    if (!certificate) return certificate.error();
    X509* c = certificate->get();
    if (X509_set_issuer_name(c, X509_get_subject_name(c)) != 1 ||
        !addExtension(c, c, NID_basic_constraints, "critical,CA:TRUE,pathlen:0") ||
        !addExtension(c, c, NID_key_usage, "critical,keyCertSign,cRLSign") ||
        !addExtension(c, c, NID_subject_key_identifier, "hash") ||
        !addExtension(c, c, NID_authority_key_identifier, "keyid:always")) {
        return failed("CSCA extensions");
    }
    return signAndEncode(c, cscaKey);
}

Result<Bytes> issueDocumentSignerCertificate(const EcKey& documentSignerKey,
                                             ByteView cscaCertificate, const EcKey& cscaKey,
                                             const X509Validity& validity) {
    auto csca = parse(cscaCertificate);
    if (!csca) return csca.error();
    auto certificate = skeleton(documentSignerKey, kDocumentSignerName, 2, validity);
    if (!certificate) return certificate.error();
    X509* c = certificate->get();
    if (X509_set_issuer_name(c, X509_get_subject_name(csca->get())) != 1 ||
        !addExtension(c, csca->get(), NID_key_usage, "critical,digitalSignature") ||
        !addExtension(c, csca->get(), NID_subject_key_identifier, "hash") ||
        !addExtension(c, csca->get(), NID_authority_key_identifier, "keyid:always")) {
        return failed("document signer extensions");
    }
    return signAndEncode(c, cscaKey);
}

std::string certificateToPem(ByteView der) {
    auto certificate = parse(der);
    if (!certificate) return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate->get()) != 1) return {};
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

Result<Bytes> certificateFromPem(const std::string& pem) {
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    X509Ptr certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!certificate) {
        return openSslError(ErrorCode::InvalidInput, "The test certificate is damaged",
                            "PEM_read_bio_X509");
    }
    unsigned char* der = nullptr;
    const int size = i2d_X509(certificate.get(), &der);
    if (size <= 0) return failed("i2d_X509");
    Bytes out(der, der + size);
    OPENSSL_free(der);
    return out;
}

}  // namespace oa::sim
