#include "sim/card/ChipCrypto.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/rand.h>

#include <cstdlib>

namespace oa::sim::chip {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;

void freeBignum(BIGNUM* bn) {
    BN_clear_free(bn);
}
using Bignum = Owned<BIGNUM, freeBignum>;
using Point = Owned<EC_POINT, EC_POINT_free>;
using CipherContext = Owned<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>;
using Mac = Owned<EVP_MAC, EVP_MAC_free>;
using MacContext = Owned<EVP_MAC_CTX, EVP_MAC_CTX_free>;
using BignumContext = Owned<BN_CTX, BN_CTX_free>;

// The chip cannot continue without its primitives; a failure here is a broken installation.
[[noreturn]] void fail() {
    std::abort();
}

const char* aesCbcName(std::size_t keySize) {
    switch (keySize) {
        case 16:
            return "AES-128-CBC";
        case 24:
            return "AES-192-CBC";
        case 32:
            return "AES-256-CBC";
        default:
            fail();
    }
}

std::optional<Bytes> aesCbc(ByteView key, ByteView iv, ByteView input, bool encrypt) {
    if (input.size() % 16 != 0 || iv.size() != 16) return std::nullopt;
    EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, aesCbcName(key.size()), nullptr);
    CipherContext context(EVP_CIPHER_CTX_new());
    if (!cipher || !context ||
        EVP_CipherInit_ex2(context.get(), cipher, key.data(), iv.data(), encrypt ? 1 : 0,
                           nullptr) != 1) {
        EVP_CIPHER_free(cipher);
        fail();
    }
    EVP_CIPHER_free(cipher);
    EVP_CIPHER_CTX_set_padding(context.get(), 0);
    Bytes out(input.size() + 16);
    int written = 0;
    int finalWritten = 0;
    if (EVP_CipherUpdate(context.get(), out.data(), &written, input.data(),
                         static_cast<int>(input.size())) != 1 ||
        EVP_CipherFinal_ex(context.get(), out.data() + written, &finalWritten) != 1) {
        return std::nullopt;
    }
    out.resize(static_cast<std::size_t>(written + finalWritten));
    return out;
}

Bytes hash(const char* name, ByteView data) {
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned size = 0;
    EVP_MD* md = EVP_MD_fetch(nullptr, name, nullptr);
    if (!md || EVP_Digest(data.data(), data.size(), out.data(), &size, md, nullptr) != 1) fail();
    EVP_MD_free(md);
    out.resize(size);
    return out;
}

int curveNid(int domainParameterId) {
    switch (domainParameterId) {
        case 8:
            return NID_X9_62_prime192v1;
        case 9:
            return NID_brainpoolP192r1;
        case 10:
            return NID_secp224r1;
        case 11:
            return NID_brainpoolP224r1;
        case 12:
            return NID_X9_62_prime256v1;
        case 13:
            return NID_brainpoolP256r1;
        case 14:
            return NID_brainpoolP320r1;
        case 15:
            return NID_secp384r1;
        case 16:
            return NID_brainpoolP384r1;
        case 17:
            return NID_brainpoolP512r1;
        case 18:
            return NID_secp521r1;
        default:
            return NID_undef;
    }
}

}  // namespace

SecureBytes deriveKey(ByteView secret, ByteView nonce, std::uint32_t counter, int keyBits) {
    const Bytes counterBytes{
        static_cast<std::uint8_t>(counter >> 24), static_cast<std::uint8_t>(counter >> 16),
        static_cast<std::uint8_t>(counter >> 8), static_cast<std::uint8_t>(counter)};
    Bytes input = concat({secret, nonce, counterBytes});
    Bytes digest = keyBits == 128 ? sha1(input) : sha256(input);
    wipe(input);
    digest.resize(static_cast<std::size_t>(keyBits / 8));
    SecureBytes key(digest);
    wipe(digest);
    return key;
}

Bytes sha1(ByteView data) {
    return hash("SHA1", data);
}

Bytes sha256(ByteView data) {
    return hash("SHA256", data);
}

Bytes aesCbcEncrypt(ByteView key, ByteView iv, ByteView plain) {
    auto out = aesCbc(key, iv, plain, true);
    if (!out) fail();
    return *out;
}

std::optional<Bytes> aesCbcDecrypt(ByteView key, ByteView iv, ByteView cryptogram) {
    return aesCbc(key, iv, cryptogram, false);
}

Bytes aesEncryptBlock(ByteView key, ByteView block) {
    // One block of CBC with a zero IV is one block of ECB.
    return aesCbcEncrypt(key, Bytes(16, 0), block);
}

Bytes cmac8(ByteView key, ByteView data) {
    Mac mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr));
    MacContext context(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
    char cipherName[16];
    std::snprintf(cipherName, sizeof cipherName, "AES-%zu-CBC", key.size() * 8);
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipherName, 0),
        OSSL_PARAM_construct_end()};
    Bytes out(16);
    std::size_t size = 0;
    if (!context || EVP_MAC_init(context.get(), key.data(), key.size(), params) != 1 ||
        EVP_MAC_update(context.get(), data.data(), data.size()) != 1 ||
        EVP_MAC_final(context.get(), out.data(), &size, out.size()) != 1) {
        fail();
    }
    out.resize(8);
    return out;
}

Bytes randomBytes(std::size_t size) {
    Bytes out(size);
    if (RAND_bytes(out.data(), static_cast<int>(size)) != 1) fail();
    return out;
}

struct EcCurve::Impl {
    Owned<EC_GROUP, EC_GROUP_free> group;
    BignumContext context{BN_CTX_new()};

    Point decode(ByteView encoded) const {
        Point point(EC_POINT_new(group.get()));
        if (encoded.empty() || encoded[0] != 0x04 ||
            EC_POINT_oct2point(group.get(), point.get(), encoded.data(), encoded.size(),
                               context.get()) != 1 ||
            EC_POINT_is_on_curve(group.get(), point.get(), context.get()) != 1 ||
            EC_POINT_is_at_infinity(group.get(), point.get())) {
            return nullptr;
        }
        return point;
    }

    std::optional<Bytes> encode(const EC_POINT* point) const {
        if (EC_POINT_is_at_infinity(group.get(), point)) return std::nullopt;
        Bytes out(1 + 2 * fieldSize());
        if (EC_POINT_point2oct(group.get(), point, POINT_CONVERSION_UNCOMPRESSED, out.data(),
                               out.size(), context.get()) != out.size()) {
            fail();
        }
        return out;
    }

    std::size_t fieldSize() const {
        return static_cast<std::size_t>((EC_GROUP_get_degree(group.get()) + 7) / 8);
    }
};

EcCurve::EcCurve(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EcCurve::EcCurve(EcCurve&&) noexcept = default;
EcCurve& EcCurve::operator=(EcCurve&&) noexcept = default;
EcCurve::~EcCurve() = default;

std::optional<EcCurve> EcCurve::standardized(int domainParameterId) {
    const int nid = curveNid(domainParameterId);
    if (nid == NID_undef) return std::nullopt;
    auto impl = std::make_unique<Impl>();
    impl->group.reset(EC_GROUP_new_by_curve_name(nid));
    if (!impl->group || !impl->context) fail();
    return EcCurve(std::move(impl));
}

std::size_t EcCurve::fieldSize() const {
    return impl_->fieldSize();
}

Bytes EcCurve::generator() const {
    return *impl_->encode(EC_GROUP_get0_generator(impl_->group.get()));
}

Bytes EcCurve::randomScalar() const {
    const BIGNUM* order = EC_GROUP_get0_order(impl_->group.get());
    Bignum scalar(BN_new());
    do {
        if (BN_priv_rand_range(scalar.get(), order) != 1) fail();
    } while (BN_is_zero(scalar.get()));
    Bytes out(static_cast<std::size_t>(BN_num_bytes(order)));
    BN_bn2binpad(scalar.get(), out.data(), static_cast<int>(out.size()));
    return out;
}

std::optional<Bytes> EcCurve::multiply(ByteView point, ByteView scalar) const {
    const Point base = impl_->decode(point);
    if (!base) return std::nullopt;
    Bignum factor(BN_bin2bn(scalar.data(), static_cast<int>(scalar.size()), nullptr));
    Point result(EC_POINT_new(impl_->group.get()));
    if (EC_POINT_mul(impl_->group.get(), result.get(), nullptr, base.get(), factor.get(),
                     impl_->context.get()) != 1) {
        return std::nullopt;
    }
    return impl_->encode(result.get());
}

std::optional<Bytes> EcCurve::add(ByteView a, ByteView b) const {
    const Point first = impl_->decode(a);
    const Point second = impl_->decode(b);
    if (!first || !second) return std::nullopt;
    Point result(EC_POINT_new(impl_->group.get()));
    if (EC_POINT_add(impl_->group.get(), result.get(), first.get(), second.get(),
                     impl_->context.get()) != 1) {
        return std::nullopt;
    }
    return impl_->encode(result.get());
}

bool EcCurve::isValidPoint(ByteView point) const {
    return impl_->decode(point) != nullptr;
}

Bytes EcCurve::xCoordinate(ByteView point) const {
    const std::size_t size = fieldSize();
    return Bytes(point.begin() + 1, point.begin() + 1 + static_cast<std::ptrdiff_t>(size));
}

}  // namespace oa::sim::chip
