#include "crypto/RsaSignature.h"

#include <new>

#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

#include "crypto/HashAlgorithmEvp.h"
#include "crypto/OpenSsl.h"

namespace oa::crypto {
namespace {

using ParamBuilderPtr = OpenSslPtr<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using ParamsPtr = OpenSslPtr<OSSL_PARAM, OSSL_PARAM_free>;

Result<PkeyPtr> publicKey(ByteView modulus, ByteView exponent) {
    auto n = toBignum(modulus), e = toBignum(exponent);
    ParamBuilderPtr builder(OSSL_PARAM_BLD_new());
    if (!n || !e || !builder ||
        !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) ||
        !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()))
        throw std::bad_alloc();
    ParamsPtr params(OSSL_PARAM_BLD_to_param(builder.get()));
    PkeyContextPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY* raw = nullptr;
    if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
        EVP_PKEY_fromdata(context.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return openSslError(ErrorCode::InvalidInput, "A public key is unusable",
                            "RSA key from data");
    return PkeyPtr(raw);
}

bool setPadding(EVP_PKEY_CTX* context, RsaPadding padding) {
    if (padding == RsaPadding::Pkcs1v15)
        return EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PADDING) == 1;
    return EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PSS_PADDING) == 1 &&
           EVP_PKEY_CTX_set_rsa_pss_saltlen(context, RSA_PSS_SALTLEN_AUTO) == 1;
}

}  // namespace

Result<void> verifyRsaSignature(ByteView modulus, ByteView exponent, RsaPadding padding,
                                HashAlgorithm hash, ByteView message, ByteView signature) {
    auto key = publicKey(modulus, exponent);
    if (!key) return key.error();
    DigestContextPtr context(EVP_MD_CTX_new());
    EVP_PKEY_CTX* keyContext = nullptr;
    if (!context ||
        EVP_DigestVerifyInit(context.get(), &keyContext, evpHash(hash), nullptr, key->get()) != 1 ||
        !setPadding(keyContext, padding))
        return openSslError(ErrorCode::InvalidInput, "A public key is unusable", "RSA verify init");
    if (EVP_DigestVerify(context.get(), signature.data(), signature.size(), message.data(),
                         message.size()) != 1)
        return openSslError(ErrorCode::AuthenticationFailed, "A signature is not valid",
                            "RSA verification failed");
    return {};
}

}  // namespace oa::crypto
