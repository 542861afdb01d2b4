// Explicit EC domain parameters (as CV certificates carry them) and the mapped curve of generic
// mapping: standardized numbers are recognised without a primality test, anything else is still
// checked in full.
#include <catch2/catch.hpp>

#include "crypto/EcCurve.h"

using namespace oa;
using namespace oa::crypto;

namespace {

Bytes withLeadingZero(const Bytes& number) {
    return concat({Bytes{0x00}, number});
}

}  // namespace

TEST_CASE("Explicit parameters of every standardized curve give the same curve", "[crypto][ec]") {
    for (int id = 8; id <= 18; ++id) {
        CAPTURE(id);
        const auto named = EcCurve::standardized(id);
        REQUIRE(named);
        const auto explicitCurve = EcCurve::fromParameters(named->prime(), named->a(), named->b(),
                                                           named->encodePoint(named->generator()),
                                                           named->order(), named->cofactor());
        REQUIRE(explicitCurve);
        CHECK(explicitCurve->prime() == named->prime());
        CHECK(explicitCurve->order() == named->order());
        const Bytes scalar = hexBytes("0123456789ABCDEF0123456789ABCDEF");
        CHECK(explicitCurve->encodePoint(*explicitCurve->multiplyGenerator(scalar)) ==
              named->encodePoint(*named->multiplyGenerator(scalar)));
    }
}

TEST_CASE("Standardized numbers with a leading zero octet are recognised too", "[crypto][ec]") {
    const auto named = EcCurve::standardized(13);
    REQUIRE(named);
    const auto curve = EcCurve::fromParameters(withLeadingZero(named->prime()), named->a(),
                                               named->b(), named->encodePoint(named->generator()),
                                               withLeadingZero(named->order()), Bytes{0x01});
    REQUIRE(curve);
    CHECK(curve->fieldSize() == 32);
}

TEST_CASE("Explicit parameters that differ from a standardized curve are still checked",
          "[crypto][ec]") {
    const auto named = EcCurve::standardized(13);
    REQUIRE(named);
    const Bytes generator = named->encodePoint(named->generator());

    SECTION("a composite p is refused") {
        Bytes composite = named->prime();
        composite.back() ^= 0x02;  // still odd, no longer prime
        CHECK_FALSE(EcCurve::fromParameters(composite, named->a(), named->b(), generator,
                                            named->order(), named->cofactor()));
    }
    SECTION("a generator off the curve is refused") {
        Bytes offCurve = generator;
        offCurve.back() ^= 0x01;
        CHECK_FALSE(EcCurve::fromParameters(named->prime(), named->a(), named->b(), offCurve,
                                            named->order(), named->cofactor()));
    }
    SECTION("another valid generator of the same curve is accepted") {
        const auto other = named->multiplyGenerator(hexBytes("05"));
        REQUIRE(other);
        const auto curve =
            EcCurve::fromParameters(named->prime(), named->a(), named->b(),
                                    named->encodePoint(*other), named->order(), named->cofactor());
        REQUIRE(curve);
        CHECK(curve->encodePoint(curve->generator()) == named->encodePoint(*other));
    }
}

TEST_CASE("A mapped generator keeps the curve and refuses points off it", "[crypto][ec]") {
    const auto named = EcCurve::standardized(16);
    REQUIRE(named);
    const auto mappedPoint = named->multiplyGenerator(hexBytes("1234"));
    REQUIRE(mappedPoint);
    const auto mapped = named->withGenerator(*mappedPoint);
    REQUIRE(mapped);
    CHECK(mapped->prime() == named->prime());
    CHECK(mapped->order() == named->order());
    CHECK(mapped->encodePoint(mapped->generator()) == named->encodePoint(*mappedPoint));
    // 2 * G~ computed on the mapped curve equals 2 * 0x1234 * G on the named one.
    CHECK(mapped->encodePoint(*mapped->multiplyGenerator(hexBytes("02"))) ==
          named->encodePoint(*named->multiplyGenerator(hexBytes("2468"))));
}
