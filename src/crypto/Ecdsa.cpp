#include "crypto/Ecdsa.h"

#include <openssl/core_names.h>
#include <openssl/param_build.h>

#include "crypto/HashAlgorithmEvp.h"
#include "crypto/OpenSsl.h"

namespace oa::crypto {
namespace {

using ParamBuilderPtr = OpenSslPtr<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using ParamsPtr = OpenSslPtr<OSSL_PARAM, OSSL_PARAM_free>;
using EcdsaSigPtr = OpenSslPtr<ECDSA_SIG, ECDSA_SIG_free>;

Error invalidSignature(std::string detail) {
    return makeError(ErrorCode::AuthenticationFailed, "A signature is not valid",
                     std::move(detail));
}

// An EVP key with the curve spelled out, so curves without an OpenSSL name work as well.
Result<PkeyPtr> publicKey(const EcCurve& curve, ByteView point) {
    if (auto decoded = curve.decodePoint(point); !decoded) return decoded.error();
    const Bytes prime = curve.prime(), a = curve.a(), b = curve.b(), order = curve.order(),
                cofactor = curve.cofactor(), generator = curve.encodePoint(curve.generator());
    std::vector<BignumPtr> numbers;
    for (const Bytes* n : {&prime, &a, &b, &order, &cofactor})
        numbers.push_back(toBignum(*n));
    ParamBuilderPtr builder(OSSL_PARAM_BLD_new());
    char fieldType[] = "prime-field";
    if (!builder ||
        !OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_EC_FIELD_TYPE, fieldType,
                                         0) ||
        !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_EC_P, numbers[0].get()) ||
        !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_EC_A, numbers[1].get()) ||
        !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_EC_B, numbers[2].get()) ||
        !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_EC_ORDER, numbers[3].get()) ||
        !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_EC_COFACTOR, numbers[4].get()) ||
        !OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_EC_GENERATOR,
                                          generator.data(), generator.size()) ||
        !OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                          point.size()))
        throw std::bad_alloc();
    ParamsPtr params(OSSL_PARAM_BLD_to_param(builder.get()));
    PkeyContextPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY* raw = nullptr;
    if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
        EVP_PKEY_fromdata(context.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return openSslError(ErrorCode::InvalidInput, "A public key is unusable",
                            "EC key from data");
    return PkeyPtr(raw);
}

Result<Bytes> derSignature(ByteView plain, std::size_t half) {
    if (plain.size() != 2 * half) return invalidSignature("plain signature has the wrong length");
    EcdsaSigPtr signature(ECDSA_SIG_new());
    auto r = toBignum(plain.first(half)), s = toBignum(plain.last(half));
    if (!signature || !r || !s || ECDSA_SIG_set0(signature.get(), r.get(), s.get()) != 1)
        throw std::bad_alloc();
    r.release();
    s.release();
    const int length = i2d_ECDSA_SIG(signature.get(), nullptr);
    if (length <= 0) return invalidSignature("cannot encode signature");
    Bytes der(static_cast<std::size_t>(length));
    unsigned char* out = der.data();
    i2d_ECDSA_SIG(signature.get(), &out);
    return der;
}

}  // namespace

Result<void> verifyEcdsaSignature(const EcCurve& curve, ByteView publicPoint, HashAlgorithm hash,
                                  ByteView message, ByteView signature) {
    auto key = publicKey(curve, publicPoint);
    if (!key) return key.error();
    auto der = derSignature(signature, curve.orderSize());
    if (!der) return der.error();
    DigestContextPtr context(EVP_MD_CTX_new());
    if (!context || EVP_DigestVerifyInit_ex(context.get(), nullptr, EVP_MD_get0_name(evpHash(hash)),
                                            nullptr, nullptr, key->get(), nullptr) != 1)
        return openSslError(ErrorCode::Unknown, "A cryptographic operation failed", "verify init");
    if (EVP_DigestVerify(context.get(), der->data(), der->size(), message.data(), message.size()) !=
        1)
        return openSslError(ErrorCode::AuthenticationFailed, "A signature is not valid",
                            "ECDSA verification failed");
    return {};
}

}  // namespace oa::crypto
