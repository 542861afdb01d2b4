#pragma once

#include <memory>

#include "base/Bytes.h"
#include "base/Result.h"
#include "base/SecureBytes.h"

typedef struct ec_group_st EC_GROUP;
typedef struct ec_point_st EC_POINT;

namespace oa::crypto {

class EcCurve;

// A point on one EcCurve (never the point at infinity once it came out of EcCurve).
class EcPoint {
public:
    EcPoint(const EcPoint& other);
    EcPoint& operator=(const EcPoint& other);
    EcPoint(EcPoint&&) noexcept = default;
    EcPoint& operator=(EcPoint&&) noexcept = default;
    ~EcPoint();

    const EC_POINT* get() const { return point_.get(); }

private:
    friend class EcCurve;
    struct Free {
        void operator()(EC_POINT* p) const;
    };
    EcPoint(std::shared_ptr<const EC_GROUP> group, EC_POINT* point);
    std::shared_ptr<const EC_GROUP> group_;
    std::unique_ptr<EC_POINT, Free> point_;
};

// A prime curve with its generator: the standardized domain parameters of TR-03110 Part 3 A.2.1.1
// or explicit ones (CV certificates, the mapped generator of PACE generic mapping).
class EcCurve {
public:
    // Standardized domain parameter IDs 8..18 (NIST and brainpool curves).
    static Result<EcCurve> standardized(int parameterId);
    // Unsigned big-endian integers; the generator as uncompressed point.
    static Result<EcCurve> fromParameters(ByteView prime, ByteView a, ByteView b,
                                          ByteView generator, ByteView order, ByteView cofactor);
    // The same curve with another generator of the same order (G~ of generic mapping).
    Result<EcCurve> withGenerator(const EcPoint& generator) const;

    std::size_t fieldSize() const;  // bytes of a coordinate
    std::size_t orderSize() const;  // bytes of the order
    Bytes prime() const;
    Bytes a() const;
    Bytes b() const;
    Bytes order() const;
    Bytes cofactor() const;
    EcPoint generator() const;

    // Uncompressed points only; rejects points off the curve and the point at infinity.
    Result<EcPoint> decodePoint(ByteView uncompressed) const;
    Bytes encodePoint(const EcPoint& point) const;  // 04 || x || y
    Bytes xCoordinate(const EcPoint& point) const;  // fieldSize() bytes

    // Results equal to the point at infinity are errors: they mean a hostile or broken peer.
    Result<EcPoint> multiply(const EcPoint& point, ByteView scalar) const;
    Result<EcPoint> multiplyGenerator(ByteView scalar) const;
    Result<EcPoint> add(const EcPoint& p, const EcPoint& q) const;

    // Uniform in [1, order-1], orderSize() bytes.
    Result<SecureBytes> generatePrivateKey() const;

    const EC_GROUP* get() const { return group_.get(); }

private:
    explicit EcCurve(std::shared_ptr<const EC_GROUP> group) : group_(std::move(group)) {}
    std::shared_ptr<const EC_GROUP> group_;
};

}  // namespace oa::crypto
