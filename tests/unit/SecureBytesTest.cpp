#include <catch2/catch.hpp>

#include "base/SecureBytes.h"

using namespace oa;

TEST_CASE("Secure bytes keep the secret until cleared") {
    SecureBytes pin = SecureBytes::fromAscii("123456");
    CHECK(pin.size() == 6);
    CHECK(Bytes(pin.bytes().begin(), pin.bytes().end()) == asciiBytes("123456"));
    pin.clear();
    CHECK(pin.empty());
}

TEST_CASE("Moving secure bytes leaves the source empty") {
    SecureBytes pin = SecureBytes::fromAscii("123456");
    SecureBytes moved = std::move(pin);
    CHECK(moved.size() == 6);
    CHECK(pin.empty());  // NOLINT(bugprone-use-after-move): the contract under test
}

TEST_CASE("Wiping a byte vector overwrites its whole buffer") {
    Bytes secret = asciiBytes("9876543210");
    const std::uint8_t* buffer = secret.data();
    const std::size_t capacity = secret.capacity();
    wipe(secret);
    CHECK(secret.empty());
    // The vector keeps its allocation after clear(), so the old buffer is still ours to inspect.
    for (std::size_t i = 0; i < capacity; ++i)
        CHECK(buffer[i] == 0);
}

TEST_CASE("Hex conversion round-trips and rejects malformed text") {
    Bytes out;
    CHECK(fromHex("00 a4 02 0C", out));
    CHECK(out == Bytes{0x00, 0xA4, 0x02, 0x0C});
    CHECK(toHex(out) == "00A4020C");
    CHECK_FALSE(fromHex("0", out));
    CHECK_FALSE(fromHex("zz", out));
}

TEST_CASE("Constant-time comparison compares content and length") {
    CHECK(constantTimeEqual(hexBytes("0102"), hexBytes("0102")));
    CHECK_FALSE(constantTimeEqual(hexBytes("0102"), hexBytes("0103")));
    CHECK_FALSE(constantTimeEqual(hexBytes("0102"), hexBytes("01")));
}
