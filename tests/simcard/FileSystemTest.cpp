#include <catch2/catch.hpp>

#include "asn1/Tlv.h"
#include "sim/card/VirtualCard.h"

using namespace oa;

namespace {

std::string exchange(VirtualCard& card, std::string_view commandHex) {
    return toHex(card.process(hexBytes(commandHex)));
}

}  // namespace

TEST_CASE("The ATR is a well-formed T=1 ATR with a correct check byte") {
    const Bytes atr = VirtualCard::defaultAtr();
    REQUIRE(atr.size() > 2);
    CHECK(atr[0] == 0x3B);
    std::uint8_t check = 0;
    for (std::size_t i = 1; i < atr.size(); ++i)
        check ^= atr[i];
    CHECK(check == 0);
}

TEST_CASE("EF.CardAccess is readable by short identifier without any authentication") {
    VirtualCard card;
    const Bytes response = card.process(hexBytes("00B09C0000"));
    REQUIRE(response.size() > 2);
    CHECK(toHex(ByteView(response).last(2)) == "6282");
    const Bytes content(response.begin(), response.end() - 2);
    const auto set = asn1::readOne(content);
    REQUIRE(set.ok());
    CHECK(set->tag == 0x31);
    const auto infos = set->children();
    REQUIRE(infos.ok());
    CHECK(infos->size() == 4);
}

TEST_CASE("EF.CardAccess carries the nPA's PACEInfo for ECDH-GM AES-128 on brainpoolP256r1") {
    VirtualCard card;
    const std::string content = exchange(card, "00B09C0000");
    CHECK(content.find("3012060A04007F0007020204020202010202010D") != std::string::npos);
    CHECK(content.find("300D060804007F0007020202020102") != std::string::npos);
    CHECK(content.find("3012060A04007F00070202030202020102020141") != std::string::npos);
    CHECK(content.find("301C060904007F000702020302300C060704007F0007010202010D020141") !=
          std::string::npos);
}

TEST_CASE("A larger profile announces its own PACE and CA algorithms") {
    VirtualCard card(*sim::builtInProfile("mustermann-p384"));
    const std::string content = exchange(card, "00B09C0000");
    CHECK(content.find("3012060A04007F00070202040203020102020110") != std::string::npos);
}

TEST_CASE("SELECT of the master file, EFs and applications") {
    VirtualCard card;
    CHECK(exchange(card, "00A4000C023F00") == "9000");
    CHECK(exchange(card, "00A4020C02011C") == "9000");
    CHECK(exchange(card, "00A4020C022F00") == "9000");
    CHECK(exchange(card, "00A4040C09E80704007F00070302") == "9000");
    CHECK(exchange(card, "00A4000C") == "9000");
}

TEST_CASE("SELECT of unknown files and applications is refused with file not found") {
    VirtualCard card;
    CHECK(exchange(card, "00A4020C02ABCD") == "6A82");
    CHECK(exchange(card, "00A4040C05A000000001") == "6A82");
}

TEST_CASE("SELECT with wrong parameters or lengths is refused") {
    VirtualCard card;
    CHECK(exchange(card, "00A4090C023F00") == "6A86");
    CHECK(exchange(card, "00A4020C0301") == "6700");  // Lc says 3, one byte follows
    CHECK(exchange(card, "00A4020C03011C00") == "6700");
}

TEST_CASE("SELECT with P2 00 answers the file control parameters") {
    VirtualCard card;
    const std::string answer = exchange(card, "00A4020002011C00");
    CHECK(answer.substr(0, 2) == "62");
    CHECK(answer.find("8302011C") != std::string::npos);
    CHECK(answer.substr(answer.size() - 4) == "9000");
}

TEST_CASE("READ BINARY after SELECT reads from the offset in P1 P2") {
    VirtualCard card;
    const std::string whole = exchange(card, "00B09C0000");
    REQUIRE(exchange(card, "00A4020C02011C") == "9000");
    CHECK(exchange(card, "00B0000004") == whole.substr(0, 8) + "9000");
    CHECK(exchange(card, "00B0000302") == whole.substr(6, 4) + "9000");
}

TEST_CASE("READ BINARY with an SFI reads from the offset in P2") {
    VirtualCard card;
    const std::string whole = exchange(card, "00B09C0000");
    CHECK(exchange(card, "00B09C0503") == whole.substr(10, 6) + "9000");
}

TEST_CASE("READ BINARY with Le past the end returns what is there with 6282") {
    VirtualCard card;
    const std::string whole = exchange(card, "00B09C0000");
    const std::size_t size = (whole.size() - 4) / 2;
    char command[16];
    std::snprintf(command, sizeof command, "00B09C%02zX10", size - 3);
    CHECK(exchange(card, command) == whole.substr((size - 3) * 2, 6) + "6282");
}

TEST_CASE("READ BINARY with an offset beyond the end is refused with 6B00") {
    VirtualCard card;
    CHECK(exchange(card, "00B09CFF01") == "6B00");
    REQUIRE(exchange(card, "00A4020C02011C") == "9000");
    CHECK(exchange(card, "00B0100001") == "6B00");
}

TEST_CASE("READ BINARY with extended Le reads the whole file") {
    VirtualCard card;
    const std::string shortRead = exchange(card, "00B09C0000");
    CHECK(exchange(card, "00B09C00000000") == shortRead);
}

TEST_CASE("READ BINARY of an unknown SFI, without a current EF or with data is refused") {
    VirtualCard card;
    CHECK(exchange(card, "00B0850000") == "6A82");
    CHECK(exchange(card, "00B0000000") == "6986");
    CHECK(exchange(card, "00B09C000101") == "6700");
    CHECK(exchange(card, "00B09C00") == "6700");
}

TEST_CASE("EF.DIR lists the eID application") {
    VirtualCard card;
    const std::string dir = exchange(card, "00B09E0000");
    CHECK(dir.find("610B4F09E80704007F00070302") != std::string::npos);
}

TEST_CASE("Malformed APDUs, unknown classes and instructions get status words") {
    VirtualCard card;
    CHECK(exchange(card, "00A4") == "6700");
    CHECK(exchange(card, "") == "6700");
    CHECK(exchange(card, "00A4020C05011C") == "6700");
    CHECK(exchange(card, "FFA4000C") == "6E00");
    CHECK(exchange(card, "00EE0000") == "6D00");
}

TEST_CASE("A reset returns the selection to the master file") {
    VirtualCard card;
    REQUIRE(exchange(card, "00A4040C09E80704007F00070302") == "9000");
    CHECK(exchange(card, "00B09C0001") == "6A82");
    card.reset();
    CHECK(exchange(card, "00B09C0001").size() == 6);
}
