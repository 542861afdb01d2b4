#include <catch2/catch.hpp>

#include "sim/card/MseSetAt.h"

using namespace oa;
using namespace oa::sim;

TEST_CASE("MSE:Set AT for PACE yields protocol, password and domain parameters") {
    const auto mse = parseMseSetAt(hexBytes("800A04007F0007020204020283010384010D"));
    REQUIRE(mse);
    CHECK(toHex(mse->protocol) == "04007F00070202040202");
    CHECK(pacePassword(*mse) == Password::Pin);
    REQUIRE(mse->privateKeyId);
    CHECK(toHex(*mse->privateKeyId) == "0D");
    CHECK_FALSE(mse->chat);
}

TEST_CASE("MSE:Set AT keeps a CHAT and auxiliary data as whole data objects") {
    const auto mse =
        parseMseSetAt(hexBytes("800A04007F000702020402028301037F4C0E060904007F000703010202530103"));
    REQUIRE(mse);
    REQUIRE(mse->chat);
    CHECK(toHex(*mse->chat) == "7F4C0E060904007F000703010202530103");
}

TEST_CASE("MSE:Set AT password references map to MRZ, CAN, PIN and PUK") {
    CHECK(pacePassword(*parseMseSetAt(hexBytes("800100830102"))) == Password::Can);
    CHECK(pacePassword(*parseMseSetAt(hexBytes("800100830104"))) == Password::Puk);
    CHECK(pacePassword(*parseMseSetAt(hexBytes("800100830101"))) == Password::Mrz);
    CHECK_FALSE(pacePassword(*parseMseSetAt(hexBytes("800100830105"))));
    CHECK_FALSE(pacePassword(*parseMseSetAt(hexBytes("80010083020003"))));
    CHECK_FALSE(pacePassword(*parseMseSetAt(hexBytes("800100"))));
}

TEST_CASE("MSE:Set AT without data is a wrong length, as AusweisApp uses to end PACE") {
    const auto mse = parseMseSetAt({});
    REQUIRE_FALSE(mse);
    CHECK(mse.refusal() == StatusWord::WrongLength);
}

TEST_CASE("MSE:Set AT with unknown, repeated or missing tags or garbage is wrong data") {
    CHECK(parseMseSetAt(hexBytes("800100990100")).refusal() == StatusWord::WrongData);
    CHECK(parseMseSetAt(hexBytes("800100800100")).refusal() == StatusWord::WrongData);
    CHECK(parseMseSetAt(hexBytes("830103")).refusal() == StatusWord::WrongData);
    CHECK(parseMseSetAt(hexBytes("8005010203")).refusal() == StatusWord::WrongData);
}
