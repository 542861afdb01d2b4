#include "crypto/DhGroup.h"

#include <openssl/core_names.h>
#include <openssl/dh.h>

#include "crypto/OpenSsl.h"

namespace oa::crypto {
namespace {

const char* kFailed = "A cryptographic operation failed";

Result<Bytes> bigNumberParameter(EVP_PKEY* key, const char* name) {
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1)
        return openSslError(ErrorCode::Unknown, kFailed, name);
    BignumPtr number(raw);
    return fromBignum(number.get(), static_cast<std::size_t>(BN_num_bytes(number.get())));
}

}  // namespace

Result<DhGroup> DhGroup::standardized(int parameterId) {
    if (parameterId < 0 || parameterId > 2)
        return makeError(ErrorCode::Unsupported, "The card uses unsupported cryptography",
                         "no standardized DH group with ID " + std::to_string(parameterId));
    PkeyContextPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "DHX", nullptr));
    EVP_PKEY* raw = nullptr;
    if (!context || EVP_PKEY_paramgen_init(context.get()) != 1 ||
        EVP_PKEY_CTX_set_dh_rfc5114(context.get(), parameterId + 1) != 1 ||
        EVP_PKEY_paramgen(context.get(), &raw) != 1)
        return openSslError(ErrorCode::Unsupported, kFailed, "RFC 5114 group");
    PkeyPtr key(raw);
    auto p = bigNumberParameter(key.get(), OSSL_PKEY_PARAM_FFC_P);
    auto g = bigNumberParameter(key.get(), OSSL_PKEY_PARAM_FFC_G);
    auto q = bigNumberParameter(key.get(), OSSL_PKEY_PARAM_FFC_Q);
    if (!p) return p.error();
    if (!g) return g.error();
    if (!q) return q.error();
    return DhGroup(std::move(*p), std::move(*g), std::move(*q));
}

Result<DhGroup> DhGroup::fromParameters(ByteView prime, ByteView generator, ByteView order) {
    DhGroup group(Bytes(prime.begin(), prime.end()), {}, Bytes(order.begin(), order.end()));
    if (auto ok = group.checkPublicKey(generator); !ok)
        return makeError(ErrorCode::InvalidInput, "Invalid Diffie-Hellman parameters",
                         "generator: " + ok.error().detail);
    auto g = fromBignum(toBignum(generator).get(), group.primeSize());
    if (!g) return g.error();
    group.generator_ = std::move(*g);
    return group;
}

Result<DhGroup> DhGroup::withGenerator(ByteView generator) const {
    return fromParameters(prime_, generator, order_);
}

std::size_t DhGroup::primeSize() const {
    return prime_.size();
}

Result<void> DhGroup::checkPublicKey(ByteView y) const {
    BignumContextPtr context(BN_CTX_new());
    auto p = toBignum(prime_), q = toBignum(order_), value = toBignum(y);
    BignumPtr pMinusOne(BN_dup(p.get())), check(BN_new());
    if (!context || !p || !q || !value || !pMinusOne || !check) throw std::bad_alloc();
    BN_sub_word(pMinusOne.get(), 1);
    auto bad = [](const char* why) {
        return makeError(ErrorCode::InvalidInput, "The card sent an invalid public key", why);
    };
    if (y.size() > primeSize()) return bad("longer than p");
    if (BN_cmp(value.get(), BN_value_one()) <= 0 || BN_cmp(value.get(), pMinusOne.get()) >= 0)
        return bad("outside 1 < y < p-1");
    if (BN_mod_exp(check.get(), value.get(), q.get(), p.get(), context.get()) != 1)
        return openSslError(ErrorCode::Unknown, kFailed, "BN_mod_exp");
    if (!BN_is_one(check.get())) return bad("not in the prime-order subgroup");
    return {};
}

Result<Bytes> DhGroup::power(ByteView base, ByteView exponent) const {
    BignumContextPtr context(BN_CTX_secure_new());
    auto p = toBignum(prime_), b = toBignum(base), e = toBignum(exponent);
    BignumPtr result(BN_new());
    if (!context || !p || !b || !e || !result) throw std::bad_alloc();
    BN_set_flags(e.get(), BN_FLG_CONSTTIME);
    if (BN_mod_exp(result.get(), b.get(), e.get(), p.get(), context.get()) != 1)
        return openSslError(ErrorCode::Unknown, kFailed, "BN_mod_exp");
    if (BN_is_one(result.get()) || BN_is_zero(result.get()))
        return makeError(ErrorCode::InvalidInput, "The card sent an invalid public key",
                         "degenerate power");
    return fromBignum(result.get(), primeSize());
}

Result<Bytes> DhGroup::powerOfGenerator(ByteView exponent) const {
    return power(generator_, exponent);
}

Result<Bytes> DhGroup::multiply(ByteView a, ByteView b) const {
    BignumContextPtr context(BN_CTX_new());
    auto p = toBignum(prime_), x = toBignum(a), y = toBignum(b);
    BignumPtr result(BN_new());
    if (!context || !p || !x || !y || !result) throw std::bad_alloc();
    if (BN_mod_mul(result.get(), x.get(), y.get(), p.get(), context.get()) != 1)
        return openSslError(ErrorCode::Unknown, kFailed, "BN_mod_mul");
    return fromBignum(result.get(), primeSize());
}

Result<SecureBytes> DhGroup::generatePrivateKey() const {
    auto q = toBignum(order_);
    BignumPtr k(BN_new());
    if (!q || !k) throw std::bad_alloc();
    do {
        if (BN_priv_rand_range(k.get(), q.get()) != 1)
            return openSslError(ErrorCode::Unknown, "No random numbers are available",
                                "BN_priv_rand_range");
    } while (BN_is_zero(k.get()));
    auto bytes = fromBignum(k.get(), order_.size());
    if (!bytes) return bytes.error();
    SecureBytes key(view(*bytes));
    wipe(*bytes);
    return key;
}

}  // namespace oa::crypto
