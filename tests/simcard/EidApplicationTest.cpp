#include <catch2/catch.hpp>

#include "sim/card/VirtualCard.h"

using namespace oa;

namespace {

std::string exchange(VirtualCard& card, std::string_view commandHex) {
    return toHex(card.process(hexBytes(commandHex)));
}

}  // namespace

TEST_CASE("The eID application holds the personalised data groups under FID 01nn") {
    VirtualCard card;
    REQUIRE(exchange(card, "00A4040C09E80704007F00070302") == "9000");
    CHECK(exchange(card, "00A4020C020101") == "9000");  // DG1
    CHECK(exchange(card, "00A4020C020104") == "9000");  // DG4 given names
    CHECK(exchange(card, "00A4020C020111") == "9000");  // DG17 residence
    CHECK(exchange(card, "00A4020C020112") == "9000");  // DG18 municipality
    CHECK(exchange(card, "00A4020C020110") == "6A82");  // DG16 RFU
    CHECK(exchange(card, "00A4020C020113") == "6A82");  // DG19 only on residence permits
}

TEST_CASE("Data groups are not readable without authentication") {
    VirtualCard card;
    REQUIRE(exchange(card, "00A4040C09E80704007F00070302") == "9000");
    CHECK(exchange(card, "00B0810000") == "6982");
    REQUIRE(exchange(card, "00A4020C020104") == "9000");
    CHECK(exchange(card, "00B0000000") == "6982");
}

TEST_CASE("A residence permit card carries DG19 and DG20") {
    VirtualCard card(*sim::builtInProfile("eat"));
    REQUIRE(exchange(card, "00A4040C09E80704007F00070302") == "9000");
    CHECK(exchange(card, "00A4020C020113") == "9000");
    CHECK(exchange(card, "00A4020C020114") == "9000");
}

TEST_CASE("RESET RETRY COUNTER without a secure channel is refused") {
    VirtualCard card;
    CHECK(exchange(card, "002C0303") == "6982");
    CHECK(exchange(card, "002C020306363534333231") == "6982");
    CHECK(exchange(card, "002C0302") == "6982");
}

TEST_CASE("A restored state replaces the profile's PIN state") {
    VirtualCard card;
    card.restoreState({{1, 4, false, false}, SecureBytes::fromAscii("424242")});
    CHECK(card.pinState().retryCounter == 1);
    CHECK(card.pinState().pukUsesLeft == 4);
}
