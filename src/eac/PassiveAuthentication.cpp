#include "eac/PassiveAuthentication.h"

#include <algorithm>

#include <openssl/cms.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "asn1/Tlv.h"
#include "crypto/OpenSsl.h"

namespace oa::eac {
namespace {

using crypto::OpenSslPtr;
using BioPtr = OpenSslPtr<BIO, BIO_free_all>;
using CmsPtr = OpenSslPtr<CMS_ContentInfo, CMS_ContentInfo_free>;
using ObjectPtr = OpenSslPtr<ASN1_OBJECT, ASN1_OBJECT_free>;
using StorePtr = OpenSslPtr<X509_STORE, X509_STORE_free>;
using StoreContextPtr = OpenSslPtr<X509_STORE_CTX, X509_STORE_CTX_free>;

void freeCertificates(STACK_OF(X509) * certificates) {
    sk_X509_pop_free(certificates, X509_free);
}
using CertificatesPtr = OpenSslPtr<STACK_OF(X509), freeCertificates>;

constexpr const char* kDamaged = "The ID card's security data is damaged";
constexpr const char* kUntrusted =
    "The ID card's security data is not signed by a trusted authority";
constexpr const char* kExpired =
    "The ID card's security data is signed with an expired certificate";
// TR-03110 Part 3 A.1.2.2: id-SecurityObject = bsi-de protocols(2) eac(...) 0.4.0.127.0.7.3.2.1
constexpr const char* kIdSecurityObject = "0.4.0.127.0.7.3.2.1";

Error damaged(std::string detail) {
    return crypto::openSslError(ErrorCode::InvalidInput, kDamaged,
                                "EF.CardSecurity: " + std::move(detail));
}

Error untrusted(std::string detail) {
    return crypto::openSslError(ErrorCode::AuthenticationFailed, kUntrusted,
                                "EF.CardSecurity: " + std::move(detail));
}

std::string objectText(const ASN1_OBJECT* object) {
    char text[128] = {};
    OBJ_obj2txt(text, sizeof text, object, 1);
    return text;
}

std::string nameText(const X509_NAME* name) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        return {};
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(length));
}

std::string countryOf(const X509_NAME* name) {
    const int index = X509_NAME_get_index_by_NID(name, NID_countryName, -1);
    if (index < 0) return {};
    const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)),
                       static_cast<std::size_t>(ASN1_STRING_length(value)));
}

// ContentInfo { signedData } with embedded eContent, nothing after it.
Result<CmsPtr> readSignedData(ByteView der) {
    if (auto outer = asn1::readOne(der); !outer || outer->tag != 0x30)
        return damaged(outer ? "not a SEQUENCE" : outer.error().detail);
    const unsigned char* cursor = der.data();
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(der.size())));
    if (!cms) return damaged("not a CMS ContentInfo");
    if (cursor != der.data() + der.size()) return damaged("data after the ContentInfo");
    if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
        return damaged("content type is " + objectText(CMS_get0_type(cms.get())) +
                       ", not signedData");
    return cms;
}

Result<void> checkContentType(CMS_ContentInfo* cms, CMS_SignerInfo* signer) {
    const ObjectPtr securityObject(OBJ_txt2obj(kIdSecurityObject, 1));
    const ASN1_OBJECT* eContentType = CMS_get0_eContentType(cms);
    if (!securityObject || !eContentType || OBJ_cmp(eContentType, securityObject.get()) != 0)
        return untrusted("eContentType is " + (eContentType ? objectText(eContentType) : "absent") +
                         ", not id-SecurityObject");
    // RFC 5652 5.3: with signed attributes, the signed contentType must name the eContentType.
    const auto* signedType = static_cast<const ASN1_OBJECT*>(
        CMS_signed_get0_data_by_OBJ(signer, OBJ_nid2obj(NID_pkcs9_contentType), -3, V_ASN1_OBJECT));
    if (!signedType || OBJ_cmp(signedType, eContentType) != 0)
        return untrusted("signed contentType attribute missing or different from eContentType");
    return {};
}

// The document signer's signature over the signed attributes and eContent's digest.
Result<X509*> verifySignature(CMS_ContentInfo* cms, CMS_SignerInfo* signer) {
    if (CMS_signed_get_attr_count(signer) <= 0) return untrusted("no signed attributes");
    BioPtr sink(BIO_new(BIO_s_null()));
    if (!sink || CMS_verify(cms, nullptr, nullptr, nullptr, sink.get(),
                            CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) != 1)
        return untrusted("CMS signature does not verify");
    X509* certificate = nullptr;
    CMS_SignerInfo_get0_algs(signer, nullptr, &certificate, nullptr, nullptr);
    if (!certificate) return untrusted("document signer certificate not in SignedData");
    return certificate;
}

// Chains the document signer to a CSCA of `trust` as of `now`; every trusted certificate is an
// anchor (CSCA link certificates included).
Result<void> verifyDocumentSigner(CMS_ContentInfo* cms, X509* documentSigner,
                                  const CscaTrustList& trust,
                                  std::chrono::system_clock::time_point now) {
    if (!(X509_get_extension_flags(documentSigner) & EXFLAG_KUSAGE) ||
        !(X509_get_key_usage(documentSigner) & KU_DIGITAL_SIGNATURE))
        return untrusted("document signer certificate lacks key usage digitalSignature");
    StorePtr store(X509_STORE_new());
    if (!store) return untrusted("X509_STORE_new");
    for (const auto& csca : trust.certificates())
        if (X509_STORE_add_cert(store.get(), csca.get()) != 1)
            return untrusted("X509_STORE_add_cert");
    CertificatesPtr embedded(CMS_get1_certs(cms));
    StoreContextPtr context(X509_STORE_CTX_new());
    if (!context ||
        X509_STORE_CTX_init(context.get(), store.get(), documentSigner, embedded.get()) != 1)
        return untrusted("X509_STORE_CTX_init");
    X509_VERIFY_PARAM* parameters = X509_STORE_CTX_get0_param(context.get());
    X509_VERIFY_PARAM_set_time(parameters, std::chrono::system_clock::to_time_t(now));
    X509_VERIFY_PARAM_set_flags(parameters, X509_V_FLAG_PARTIAL_CHAIN);
    if (X509_verify_cert(context.get()) == 1) return {};
    const int error = X509_STORE_CTX_get_error(context.get());
    const int depth = X509_STORE_CTX_get_error_depth(context.get());
    const std::string detail =
        "document signer " + nameText(X509_get_subject_name(documentSigner)) + ": " +
        X509_verify_cert_error_string(error) + " at depth " + std::to_string(depth);
    if (error == X509_V_ERR_CERT_HAS_EXPIRED)
        return crypto::openSslError(ErrorCode::AuthenticationFailed, kExpired,
                                    "EF.CardSecurity: " + detail);
    return untrusted(detail);
}

bool same(const PaceInfo& a, const PaceInfo& b) {
    return a.protocol == b.protocol && a.version == b.version && a.parameterId == b.parameterId;
}

bool same(const ChipAuthenticationInfo& a, const ChipAuthenticationInfo& b) {
    return a.protocol == b.protocol && a.version == b.version && a.keyId == b.keyId;
}

bool same(const ChipAuthenticationDomainParameterInfo& a,
          const ChipAuthenticationDomainParameterInfo& b) {
    return a.protocol == b.protocol && a.parameterAlgorithm == b.parameterAlgorithm &&
           a.parameters == b.parameters && a.keyId == b.keyId;
}

template <typename Info>
bool allSigned(const std::vector<Info>& offered, const std::vector<Info>& signedInfos) {
    return std::all_of(offered.begin(), offered.end(), [&](const Info& info) {
        return std::any_of(signedInfos.begin(), signedInfos.end(),
                           [&](const Info& other) { return same(info, other); });
    });
}

}  // namespace

Result<void> checkCardAccessIsSigned(const SecurityInfos& cardAccess,
                                     const VerifiedCardSecurity& cardSecurity) {
    const SecurityInfos& signedInfos = cardSecurity.infos;
    const char* unsignedInfo = nullptr;
    if (!allSigned(cardAccess.paceInfos(), signedInfos.paceInfos()))
        unsignedInfo = "PACEInfo";
    else if (!allSigned(cardAccess.chipAuthenticationInfos(),
                        signedInfos.chipAuthenticationInfos()))
        unsignedInfo = "ChipAuthenticationInfo";
    else if (!allSigned(cardAccess.chipAuthenticationDomainParameters(),
                        signedInfos.chipAuthenticationDomainParameters()))
        unsignedInfo = "ChipAuthenticationDomainParameterInfo";
    else if (cardAccess.terminalAuthenticationInfo() &&
             (!signedInfos.terminalAuthenticationInfo() ||
              signedInfos.terminalAuthenticationInfo()->version !=
                  cardAccess.terminalAuthenticationInfo()->version))
        unsignedInfo = "TerminalAuthenticationInfo";
    if (!unsignedInfo) return {};
    return makeError(ErrorCode::AuthenticationFailed, kUntrusted,
                     std::string("EF.CardAccess has a ") + unsignedInfo +
                         " that the signed EF.CardSecurity does not contain");
}

Result<VerifiedCardSecurity> verifyCardSecurity(ByteView efCardSecurity, const CscaTrustList& trust,
                                                std::chrono::system_clock::time_point now) {
    auto cms = readSignedData(efCardSecurity);
    if (!cms) return cms.error();
    ASN1_OCTET_STRING** content = CMS_get0_content(cms->get());
    if (!content || !*content) return damaged("eContent missing");
    STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms->get());
    if (sk_CMS_SignerInfo_num(signers) != 1)
        return untrusted(std::to_string(sk_CMS_SignerInfo_num(signers)) +
                         " signers instead of exactly one");
    CMS_SignerInfo* signer = sk_CMS_SignerInfo_value(signers, 0);
    if (auto type = checkContentType(cms->get(), signer); !type) return type.error();
    auto documentSigner = verifySignature(cms->get(), signer);
    if (!documentSigner) return documentSigner.error();
    if (auto chain = verifyDocumentSigner(cms->get(), *documentSigner, trust, now); !chain)
        return chain.error();

    const ByteView eContent(ASN1_STRING_get0_data(*content),
                            static_cast<std::size_t>(ASN1_STRING_length(*content)));
    auto infos = SecurityInfos::parse(eContent);
    if (!infos) return damaged("signed SecurityInfos: " + infos.error().detail);
    const X509_NAME* subject = X509_get_subject_name(*documentSigner);
    return VerifiedCardSecurity{std::move(*infos), nameText(subject), countryOf(subject)};
}

}  // namespace oa::eac
