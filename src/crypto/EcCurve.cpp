#include "crypto/EcCurve.h"

#include <openssl/obj_mac.h>

#include <vector>

#include "crypto/OpenSsl.h"
#include "crypto/Random.h"

namespace oa::crypto {
namespace {

const char* kFailed = "A cryptographic operation failed";

Error invalidPoint(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "The card sent an invalid public key",
                     std::move(detail));
}

int curveNid(int parameterId) {
    switch (parameterId) {
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

std::shared_ptr<const EC_GROUP> share(EC_GROUP* group) {
    return std::shared_ptr<const EC_GROUP>(
        group, [](const EC_GROUP* g) { EC_GROUP_free(const_cast<EC_GROUP*>(g)); });
}

struct CurveNumbers {
    BignumPtr p{BN_new()}, a{BN_new()}, b{BN_new()};
};

Bytes withoutLeadingZeros(ByteView number) {
    std::size_t first = 0;
    while (first + 1 < number.size() && number[first] == 0)
        ++first;
    return Bytes(number.begin() + static_cast<std::ptrdiff_t>(first), number.end());
}

// A standardized curve's parameters as fromParameters() receives them, leading zeros dropped.
struct KnownCurve {
    int parameterId;
    Bytes prime, a, b, generator, order, cofactor;

    bool matches(ByteView p, ByteView ca, ByteView cb, ByteView g, ByteView n, ByteView h) const {
        return prime == withoutLeadingZeros(p) && a == withoutLeadingZeros(ca) &&
               b == withoutLeadingZeros(cb) && generator == Bytes(g.begin(), g.end()) &&
               order == withoutLeadingZeros(n) && cofactor == withoutLeadingZeros(h);
    }
};

const std::vector<KnownCurve>& knownCurves() {
    static const std::vector<KnownCurve> curves = [] {
        std::vector<KnownCurve> known;
        for (int id = 8; id <= 18; ++id) {
            auto curve = EcCurve::standardized(id);
            if (!curve) continue;
            known.push_back(
                {id, withoutLeadingZeros(curve->prime()), withoutLeadingZeros(curve->a()),
                 withoutLeadingZeros(curve->b()), curve->encodePoint(curve->generator()),
                 withoutLeadingZeros(curve->order()), withoutLeadingZeros(curve->cofactor())});
        }
        return known;
    }();
    return curves;
}

}  // namespace

void EcPoint::Free::operator()(EC_POINT* p) const {
    EC_POINT_clear_free(p);
}

EcPoint::EcPoint(std::shared_ptr<const EC_GROUP> group, EC_POINT* point)
    : group_(std::move(group)), point_(point) {}

EcPoint::EcPoint(const EcPoint& other)
    : group_(other.group_), point_(EC_POINT_dup(other.point_.get(), other.group_.get())) {
    if (!point_) throw std::bad_alloc();
}

EcPoint& EcPoint::operator=(const EcPoint& other) {
    if (this != &other) *this = EcPoint(other);
    return *this;
}

EcPoint::~EcPoint() = default;

Result<EcCurve> EcCurve::standardized(int parameterId) {
    const int nid = curveNid(parameterId);
    if (nid == NID_undef)
        return makeError(
            ErrorCode::Unsupported, "The card uses unsupported cryptography",
            "no standardized EC domain parameters with ID " + std::to_string(parameterId));
    EC_GROUP* group = EC_GROUP_new_by_curve_name(nid);
    if (!group) return openSslError(ErrorCode::Unsupported, kFailed, "EC_GROUP_new_by_curve_name");
    return EcCurve(share(group));
}

Result<EcCurve> EcCurve::fromParameters(ByteView prime, ByteView a, ByteView b, ByteView generator,
                                        ByteView order, ByteView cofactor) {
    // CV certificates carry standardized curves as explicit numbers; recognising them spares a
    // primality test of p (most of the cost of building a chain) and keeps OpenSSL's fast paths.
    for (const auto& known : knownCurves()) {
        if (known.matches(prime, a, b, generator, order, cofactor))
            return standardized(known.parameterId);
    }
    auto bad = [](const char* what) {
        return makeError(ErrorCode::InvalidInput, "Invalid elliptic curve parameters", what);
    };
    BignumContextPtr context(BN_CTX_new());
    auto p = toBignum(prime), ba = toBignum(a), bb = toBignum(b);
    auto n = toBignum(order), h = toBignum(cofactor);
    if (!context || !p || !ba || !bb || !n || !h) throw std::bad_alloc();
    if (BN_num_bits(p.get()) < 160 || !BN_is_odd(p.get())) return bad("prime too small or even");
    if (BN_cmp(ba.get(), p.get()) >= 0 || BN_cmp(bb.get(), p.get()) >= 0) return bad("a or b >= p");
    if (BN_check_prime(p.get(), context.get(), nullptr) != 1) return bad("p is not prime");
    EcGroupPtr group(EC_GROUP_new_curve_GFp(p.get(), ba.get(), bb.get(), context.get()));
    if (!group)
        return openSslError(ErrorCode::InvalidInput, "Invalid elliptic curve parameters", "curve");
    EcPointPtr g(EC_POINT_new(group.get()));
    if (!g || generator.empty() || generator[0] != 0x04 ||
        EC_POINT_oct2point(group.get(), g.get(), generator.data(), generator.size(),
                           context.get()) != 1 ||
        EC_POINT_is_on_curve(group.get(), g.get(), context.get()) != 1)
        return openSslError(ErrorCode::InvalidInput, "Invalid elliptic curve parameters",
                            "generator");
    if (EC_GROUP_set_generator(group.get(), g.get(), n.get(), h.get()) != 1)
        return openSslError(ErrorCode::InvalidInput, "Invalid elliptic curve parameters", "order");
    return EcCurve(share(group.release()));
}

// The field and curve stay those of this (already checked) group, so only the new generator needs
// checking: rebuilding from numbers would run a primality test on p in every PACE.
Result<EcCurve> EcCurve::withGenerator(const EcPoint& generator) const {
    EcGroupPtr group(EC_GROUP_dup(group_.get()));
    if (!group) throw std::bad_alloc();
    EC_GROUP_set_curve_name(group.get(), NID_undef);
    EC_GROUP_set_asn1_flag(group.get(), OPENSSL_EC_EXPLICIT_CURVE);
    if (EC_POINT_is_on_curve(group.get(), generator.get(), nullptr) != 1 ||
        EC_POINT_is_at_infinity(group.get(), generator.get()) ||
        EC_GROUP_set_generator(group.get(), generator.get(), EC_GROUP_get0_order(group_.get()),
                               EC_GROUP_get0_cofactor(group_.get())) != 1)
        return openSslError(ErrorCode::InvalidInput, "Invalid elliptic curve parameters",
                            "generator");
    return EcCurve(share(group.release()));
}

std::size_t EcCurve::fieldSize() const {
    return static_cast<std::size_t>((EC_GROUP_get_degree(group_.get()) + 7) / 8);
}

std::size_t EcCurve::orderSize() const {
    return static_cast<std::size_t>(BN_num_bytes(EC_GROUP_get0_order(group_.get())));
}

namespace {
Bytes curveNumber(const EC_GROUP* group, int which) {
    CurveNumbers numbers;
    EC_GROUP_get_curve(group, numbers.p.get(), numbers.a.get(), numbers.b.get(), nullptr);
    const BIGNUM* chosen = which == 0   ? numbers.p.get()
                           : which == 1 ? numbers.a.get()
                                        : numbers.b.get();
    const auto length = static_cast<std::size_t>(BN_num_bytes(numbers.p.get()));
    return *fromBignum(chosen, length);
}
}  // namespace

Bytes EcCurve::prime() const {
    return curveNumber(group_.get(), 0);
}
Bytes EcCurve::a() const {
    return curveNumber(group_.get(), 1);
}
Bytes EcCurve::b() const {
    return curveNumber(group_.get(), 2);
}
Bytes EcCurve::order() const {
    return *fromBignum(EC_GROUP_get0_order(group_.get()), orderSize());
}
Bytes EcCurve::cofactor() const {
    const BIGNUM* h = EC_GROUP_get0_cofactor(group_.get());
    return *fromBignum(h, std::max<std::size_t>(1, static_cast<std::size_t>(BN_num_bytes(h))));
}

EcPoint EcCurve::generator() const {
    EC_POINT* g = EC_POINT_dup(EC_GROUP_get0_generator(group_.get()), group_.get());
    if (!g) throw std::bad_alloc();
    return EcPoint(group_, g);
}

Result<EcPoint> EcCurve::decodePoint(ByteView uncompressed) const {
    if (uncompressed.size() != 1 + 2 * fieldSize() || uncompressed[0] != 0x04)
        return invalidPoint("not an uncompressed point of " + std::to_string(fieldSize()) +
                            "-byte field");
    EcPointPtr point(EC_POINT_new(group_.get()));
    if (!point) throw std::bad_alloc();
    if (EC_POINT_oct2point(group_.get(), point.get(), uncompressed.data(), uncompressed.size(),
                           nullptr) != 1 ||
        EC_POINT_is_on_curve(group_.get(), point.get(), nullptr) != 1 ||
        EC_POINT_is_at_infinity(group_.get(), point.get()))
        return openSslError(ErrorCode::InvalidInput, "The card sent an invalid public key",
                            "point not on curve");
    return EcPoint(group_, point.release());
}

Bytes EcCurve::encodePoint(const EcPoint& point) const {
    Bytes out(1 + 2 * fieldSize());
    EC_POINT_point2oct(group_.get(), point.get(), POINT_CONVERSION_UNCOMPRESSED, out.data(),
                       out.size(), nullptr);
    return out;
}

Bytes EcCurve::xCoordinate(const EcPoint& point) const {
    Bytes encoded = encodePoint(point);
    return Bytes(encoded.begin() + 1,
                 encoded.begin() + 1 + static_cast<std::ptrdiff_t>(fieldSize()));
}

Result<EcPoint> EcCurve::multiply(const EcPoint& point, ByteView scalar) const {
    auto k = toBignum(scalar);
    EcPointPtr result(EC_POINT_new(group_.get()));
    if (!k || !result) throw std::bad_alloc();
    if (EC_POINT_mul(group_.get(), result.get(), nullptr, point.get(), k.get(), nullptr) != 1)
        return openSslError(ErrorCode::Unknown, kFailed, "EC_POINT_mul");
    if (EC_POINT_is_at_infinity(group_.get(), result.get()))
        return invalidPoint("scalar multiplication gave the point at infinity");
    return EcPoint(group_, result.release());
}

Result<EcPoint> EcCurve::multiplyGenerator(ByteView scalar) const {
    return multiply(generator(), scalar);
}

Result<EcPoint> EcCurve::add(const EcPoint& p, const EcPoint& q) const {
    EcPointPtr result(EC_POINT_new(group_.get()));
    if (!result) throw std::bad_alloc();
    if (EC_POINT_add(group_.get(), result.get(), p.get(), q.get(), nullptr) != 1)
        return openSslError(ErrorCode::Unknown, kFailed, "EC_POINT_add");
    if (EC_POINT_is_at_infinity(group_.get(), result.get()))
        return invalidPoint("point addition gave the point at infinity");
    return EcPoint(group_, result.release());
}

Result<SecureBytes> EcCurve::generatePrivateKey() const {
    BignumPtr k(BN_new());
    if (!k) throw std::bad_alloc();
    // BN_priv_rand_range gives [0, n); zero is drawn again.
    do {
        if (BN_priv_rand_range(k.get(), EC_GROUP_get0_order(group_.get())) != 1)
            return openSslError(ErrorCode::Unknown, "No random numbers are available",
                                "BN_priv_rand_range");
    } while (BN_is_zero(k.get()));
    auto bytes = fromBignum(k.get(), orderSize());
    if (!bytes) return bytes.error();
    SecureBytes key(view(*bytes));
    wipe(*bytes);
    return key;
}

}  // namespace oa::crypto
