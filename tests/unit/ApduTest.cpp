#include <catch2/catch.hpp>

#include "card/CommandApdu.h"
#include "card/ResponseApdu.h"

using namespace oa;

TEST_CASE("Case 1 APDU is just the header") {
    CommandApdu apdu(0x00, 0x2C, 0x03, 0x03);
    CHECK(apdu.isoCase() == 1);
    CHECK(apdu.encode() == hexBytes("002C0303"));
}

TEST_CASE("Case 2 short APDU encodes Le 256 as 00") {
    CHECK(CommandApdu(0x00, 0xB0, 0x9C, 0x00, {}, 256).encode() == hexBytes("00B09C0000"));
    CHECK(CommandApdu(0x00, 0x84, 0x00, 0x00, {}, 8).encode() == hexBytes("0084000008"));
}

TEST_CASE("Case 2 extended APDU encodes Le 65536 as 000000") {
    CommandApdu apdu(0x00, 0xB0, 0x9D, 0x00, {}, 65536);
    CHECK(apdu.isExtended());
    CHECK(apdu.encode() == hexBytes("00B09D00000000"));
    CHECK(CommandApdu(0x00, 0xB0, 0x00, 0x00, {}, 300).encode() == hexBytes("00B0000000012C"));
}

TEST_CASE("Case 3 APDU short and extended") {
    CHECK(CommandApdu(0x00, 0xA4, 0x02, 0x0C, hexBytes("011C")).encode() ==
          hexBytes("00A4020C02011C"));
    Bytes data(300, 0x5A);
    const Bytes encoded = CommandApdu(0x00, 0x2A, 0x00, 0xBE, data).encode();
    CHECK(Bytes(encoded.begin(), encoded.begin() + 7) == hexBytes("002A00BE00012C"));
    CHECK(encoded.size() == 7 + 300);
}

TEST_CASE("Case 4 APDU short and extended") {
    CHECK(CommandApdu(0x10, 0x86, 0x00, 0x00, hexBytes("7C00"), 256).encode() ==
          hexBytes("10860000027C0000"));
    Bytes data(256, 0x01);
    const Bytes encoded = CommandApdu(0x00, 0x86, 0x00, 0x00, data, 65536).encode();
    CHECK(encoded.size() == 4 + 3 + 256 + 2);
    CHECK(encoded[4] == 0x00);
    CHECK(encoded[5] == 0x01);
    CHECK(encoded[6] == 0x00);
    CHECK(encoded[encoded.size() - 2] == 0x00);
    CHECK(encoded.back() == 0x00);
}

TEST_CASE("Forcing extended length on a small APDU") {
    CommandApdu apdu(0x00, 0xB0, 0x00, 0x00, {}, 256);
    apdu.forceExtended();
    CHECK(apdu.encode() == hexBytes("00B00000000100"));
}

TEST_CASE("Command APDU parsing recognises all seven encodings") {
    struct Sample {
        const char* hex;
        int isoCase;
        std::size_t lc;
        std::size_t le;
        bool extended;
    };
    const Sample samples[] = {
        {"002C0303", 1, 0, 0, false},
        {"00B09C0000", 2, 0, 256, false},
        {"00B09D00000000", 2, 0, 65536, true},
        {"00A4020C02011C", 3, 2, 0, false},
        {"00A4020C000002011C", 3, 2, 0, true},
        {"10860000027C0000", 4, 2, 256, false},
        {"10860000000002 7C00 0000", 4, 2, 65536, true},
    };
    for (const Sample& s : samples) {
        INFO(s.hex);
        auto apdu = CommandApdu::parse(hexBytes(s.hex));
        REQUIRE(apdu.ok());
        CHECK(apdu->isoCase() == s.isoCase);
        CHECK(apdu->data().size() == s.lc);
        CHECK(apdu->le() == s.le);
        CHECK(apdu->isExtended() == s.extended);
        CHECK(apdu->encode() == hexBytes(s.hex));
    }
}

TEST_CASE("Command APDU parsing rejects inconsistent lengths") {
    CHECK_FALSE(CommandApdu::parse(hexBytes("00A402")).ok());
    CHECK_FALSE(CommandApdu::parse(hexBytes("00A4020C0301")).ok());        // Lc 3, one byte
    CHECK_FALSE(CommandApdu::parse(hexBytes("00A4020C02011C0000")).ok());  // two bytes after data
    CHECK_FALSE(CommandApdu::parse(hexBytes("00A4020C0000")).ok());        // extended, truncated
    CHECK_FALSE(CommandApdu::parse(hexBytes("00A4020C000003011C")).ok());  // Lc 3, two bytes
}

TEST_CASE("Chaining bit is visible on the command") {
    CHECK(CommandApdu(0x10, 0x86, 0, 0, hexBytes("7C00"), 256).isChained());
    CHECK_FALSE(CommandApdu(0x00, 0x86, 0, 0, hexBytes("7C00"), 256).isChained());
}

TEST_CASE("Response APDU splits data and status word") {
    auto r = ResponseApdu::parse(hexBytes("7C0A86083ABB9674BCE93C089000"));
    REQUIRE(r.ok());
    CHECK(r->isSuccess());
    CHECK(r->data().size() == 12);
    CHECK(r->encode() == hexBytes("7C0A86083ABB9674BCE93C089000"));
    CHECK(r->swHex() == "9000");
}

TEST_CASE("Response APDU without a status word is refused") {
    CHECK_FALSE(ResponseApdu::parse(hexBytes("90")).ok());
    CHECK_FALSE(ResponseApdu::parse(Bytes{}).ok());
}

TEST_CASE("Status word helpers read PIN retry counters") {
    CHECK(ResponseApdu({}, 0x63C2).retryCounter() == 2);
    CHECK(ResponseApdu({}, 0x63C1).retryCounter() == 1);
    CHECK(ResponseApdu({}, StatusWord::PinBlocked).retryCounter() == 0);
    CHECK(ResponseApdu({}, 0x9000).retryCounter() == -1);
    CHECK(ResponseApdu({}, 0x6110).hasMoreData());
    CHECK(ResponseApdu({}, 0x6C10).isWrongLe());
    CHECK(describe(0x6982) == "6982 security status not satisfied");
}
