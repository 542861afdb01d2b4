#include "crypto/SignatureVerification.h"

#include <memory>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

namespace oa::crypto {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;

void freeBignum(BIGNUM* bn) {
    BN_free(bn);
}

using Bignum = Owned<BIGNUM, freeBignum>;
using ParamBuilder = Owned<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using Params = Owned<OSSL_PARAM, OSSL_PARAM_free>;
using KeyContext = Owned<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using Key = Owned<EVP_PKEY, EVP_PKEY_free>;
using DigestContext = Owned<EVP_MD_CTX, EVP_MD_CTX_free>;
using EcdsaSignature = Owned<ECDSA_SIG, ECDSA_SIG_free>;

Error invalidKey(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "A public key of the service is unusable",
                     std::move(detail));
}

Error badSignature(std::string detail) {
    return makeError(ErrorCode::AuthenticationFailed, "A signature of the service is not valid",
                     std::move(detail));
}

const EVP_MD* evpDigest(DigestAlgorithm algorithm) {
    switch (algorithm) {
        case DigestAlgorithm::Sha1:
            return EVP_sha1();
        case DigestAlgorithm::Sha224:
            return EVP_sha224();
        case DigestAlgorithm::Sha256:
            return EVP_sha256();
        case DigestAlgorithm::Sha384:
            return EVP_sha384();
        case DigestAlgorithm::Sha512:
            return EVP_sha512();
    }
    return EVP_sha256();
}

Bignum toBignum(ByteView bytes) {
    return Bignum(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
}

// OSSL_PARAM_BLD keeps pointers to the BIGNUMs until the parameters are built.
bool pushBignum(OSSL_PARAM_BLD* builder, const char* name, ByteView bytes,
                std::vector<Bignum>& keepAlive) {
    keepAlive.push_back(toBignum(bytes));
    return keepAlive.back() && OSSL_PARAM_BLD_push_BN(builder, name, keepAlive.back().get()) == 1;
}

Result<Key> keyFromParams(const char* type, OSSL_PARAM* params) {
    KeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY* raw = nullptr;
    if (!context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
        EVP_PKEY_fromdata(context.get(), &raw, EVP_PKEY_PUBLIC_KEY, params) != 1)
        return invalidKey(std::string("OpenSSL rejected the ") + type + " key");
    return Key(raw);
}

Result<Key> ecKey(const EcDomainParameters& curve, ByteView point) {
    ParamBuilder builder(OSSL_PARAM_BLD_new());
    std::vector<Bignum> keepAlive;
    const bool built =
        builder &&
        OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_EC_FIELD_TYPE,
                                        SN_X9_62_prime_field, 0) == 1 &&
        pushBignum(builder.get(), OSSL_PKEY_PARAM_EC_P, curve.prime, keepAlive) &&
        pushBignum(builder.get(), OSSL_PKEY_PARAM_EC_A, curve.a, keepAlive) &&
        pushBignum(builder.get(), OSSL_PKEY_PARAM_EC_B, curve.b, keepAlive) &&
        pushBignum(builder.get(), OSSL_PKEY_PARAM_EC_ORDER, curve.order, keepAlive) &&
        pushBignum(builder.get(), OSSL_PKEY_PARAM_EC_COFACTOR, curve.cofactor, keepAlive) &&
        OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_EC_GENERATOR,
                                         curve.generator.data(), curve.generator.size()) == 1 &&
        OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                         point.size()) == 1;
    if (!built) return invalidKey("EC: could not assemble key parameters");
    Params params(OSSL_PARAM_BLD_to_param(builder.get()));
    if (!params) return invalidKey("EC: could not assemble key parameters");
    auto key = keyFromParams("EC", params.get());
    if (!key) return key;
    KeyContext check(EVP_PKEY_CTX_new_from_pkey(nullptr, key->get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return invalidKey("EC: public point is not on the curve");
    return key;
}

std::size_t significantSize(ByteView number) {
    std::size_t skip = 0;
    while (skip < number.size() && number[skip] == 0)
        ++skip;
    return number.size() - skip;
}

Result<Bytes> plainToDer(ByteView signature, std::size_t orderSize) {
    if (orderSize == 0 || signature.size() != 2 * orderSize)
        return badSignature("ECDSA: plain signature of " + std::to_string(signature.size()) +
                            " bytes for an order of " + std::to_string(orderSize) + " bytes");
    EcdsaSignature sig(ECDSA_SIG_new());
    Bignum r = toBignum(signature.first(orderSize));
    Bignum s = toBignum(signature.last(orderSize));
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
        return badSignature("ECDSA: could not convert signature");
    r.release();
    s.release();
    unsigned char* der = nullptr;
    const int length = i2d_ECDSA_SIG(sig.get(), &der);
    if (length <= 0) return badSignature("ECDSA: could not encode signature");
    Bytes out(der, der + length);
    OPENSSL_free(der);
    return out;
}

template <typename Configure>
Result<void> verifyWith(EVP_PKEY* key, DigestAlgorithm algorithm, ByteView message,
                        ByteView signature, Configure configure, const char* what) {
    DigestContext context(EVP_MD_CTX_new());
    EVP_PKEY_CTX* keyContext = nullptr;
    if (!context ||
        EVP_DigestVerifyInit(context.get(), &keyContext, evpDigest(algorithm), nullptr, key) != 1 ||
        !configure(keyContext))
        return invalidKey(std::string(what) + ": could not set up verification");
    if (EVP_DigestVerify(context.get(), signature.data(), signature.size(), message.data(),
                         message.size()) != 1)
        return badSignature(std::string(what) + ": signature does not verify");
    return {};
}

}  // namespace

Bytes digest(DigestAlgorithm algorithm, ByteView data) {
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned int length = 0;
    EVP_Digest(data.data(), data.size(), out.data(), &length, evpDigest(algorithm), nullptr);
    out.resize(length);
    return out;
}

Result<void> verifyEcdsa(const EcDomainParameters& curve, ByteView point, DigestAlgorithm digest,
                         ByteView message, ByteView signature) {
    auto key = ecKey(curve, point);
    if (!key) return key.error();
    auto der = plainToDer(signature, significantSize(curve.order));
    if (!der) return der.error();
    return verifyWith(
        key->get(), digest, message, *der, [](EVP_PKEY_CTX*) { return true; }, "ECDSA");
}

Result<void> verifyRsa(ByteView modulus, ByteView exponent, RsaPadding padding,
                       DigestAlgorithm digest, ByteView message, ByteView signature) {
    ParamBuilder builder(OSSL_PARAM_BLD_new());
    std::vector<Bignum> keepAlive;
    if (!builder || !pushBignum(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus, keepAlive) ||
        !pushBignum(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent, keepAlive))
        return invalidKey("RSA: could not assemble key parameters");
    Params params(OSSL_PARAM_BLD_to_param(builder.get()));
    if (!params) return invalidKey("RSA: could not assemble key parameters");
    auto key = keyFromParams("RSA", params.get());
    if (!key) return key.error();
    const auto configure = [padding](EVP_PKEY_CTX* context) {
        if (padding == RsaPadding::Pkcs1v15)
            return EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PADDING) == 1;
        return EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PSS_PADDING) == 1 &&
               EVP_PKEY_CTX_set_rsa_pss_saltlen(context, RSA_PSS_SALTLEN_AUTO) == 1;
    };
    return verifyWith(key->get(), digest, message, signature, configure, "RSA");
}

}  // namespace oa::crypto
