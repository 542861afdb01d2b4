// The virtual card reassembles chained commands (ISO/IEC 7816-4 command chaining), plain and
// under secure messaging, and refuses chains that change command midway or grow too long.
#include <catch2/catch.hpp>

#include "BsiWorkedExample.h"
#include "TerminalChannel.h"
#include "asn1/Tlv.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace oa::test;
using namespace oa::test::bsi;

namespace {

std::string answer(VirtualCard& card, const char* command) {
    return toHex(card.process(hexBytes(command)));
}

std::string statusOf(const Bytes& response) {
    return toHex(ByteView(response).last(2));
}

Bytes certificateContent(const char* certificate) {
    const Bytes whole = hexBytes(certificate);
    const auto outer = asn1::readOne(whole);
    REQUIRE(outer.ok());
    return Bytes(outer->value.begin(), outer->value.end());
}

// Sends `command` in parts of `partSize` data bytes through the secure channel; every part but
// the last must be answered 9000 without data. Returns the answer to the last part.
ResponseApdu transmitChained(VirtualCard& card, TerminalChannel& channel,
                             const CommandApdu& command, std::size_t partSize) {
    const auto parts = command.chainedParts(partSize);
    REQUIRE(parts.size() > 1);
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        const ResponseApdu middle = channel.transmit(card, parts[i]);
        REQUIRE(middle.isSuccess());
        REQUIRE(middle.data().empty());
    }
    return channel.transmit(card, parts.back());
}

CommandApdu setDst(const std::string& reference) {
    return CommandApdu(0x00, 0x22, 0x81, 0xB6, asn1::encode(0x83, asciiBytes(reference)));
}

const char* kTerminalCaKey =
    "045A7A377FC9CAFC03AC7FF45441A8B2909D88EAB8E6B0173847AB49B949DF3799A34EE57EC55268CF8B1C3EC489"
    "F8BF4CF4C68D3FD9670E89C0D5D3FFF1AAF89F";

}  // namespace

TEST_CASE("Chaining: a plain chained SELECT acts once its last part arrives") {
    VirtualCard card;
    const std::string cardAccess = answer(card, "00B09C0004");
    REQUIRE(cardAccess.size() == 2 * (4 + 2));
    REQUIRE(cardAccess.substr(8) == "9000");

    CHECK(answer(card, "10A4020C0101") == "9000");  // first half of FID 011C
    CHECK(answer(card, "00A4020C011C") == "9000");
    CHECK(answer(card, "00B0000004") == cardAccess);  // EF.CardAccess is now selected
}

TEST_CASE("Chaining: a chain that switches INS midway is refused with 6883 and forgotten") {
    VirtualCard card;
    CHECK(answer(card, "10A4020C0101") == "9000");
    CHECK(answer(card, "00B0000004") == "6883");
    // The card does not wait for the rest of the broken chain.
    CHECK(statusOf(card.process(hexBytes("00B09C0004"))) == "9000");
}

TEST_CASE("Chaining: a chain that switches P1-P2 or class midway is refused with 6883") {
    VirtualCard card;
    CHECK(answer(card, "10A4020C0101") == "9000");
    CHECK(answer(card, "00A4040C011C") == "6883");
    CHECK(answer(card, "10A4020C0101") == "9000");
    CHECK(answer(card, "80A4020C011C") == "6883");
    CHECK(answer(card, "00A4020C02011C") == "9000");
}

TEST_CASE("Chaining: a chain beyond the card's buffer is refused with 6700") {
    VirtualCard card;
    const Bytes part = concat({hexBytes("102A00BEFF"), Bytes(255, 0x5A)});
    // 16 parts of 255 bytes (4080) still fit the card's 4096 bytes; the 17th does not.
    for (int i = 0; i < 16; ++i)
        REQUIRE(statusOf(card.process(part)) == "9000");
    CHECK(statusOf(card.process(part)) == "6700");
    // The chain is gone: the next command stands on its own.
    CHECK(statusOf(card.process(hexBytes("00B09C0004"))) == "9000");
}

TEST_CASE("Chaining: GENERAL AUTHENTICATE keeps its chained PACE steps, each answered in full") {
    VirtualCard card;
    workedExamplePace(card);  // REQUIREs 9000 for every step, with data for steps 1 to 3
    CHECK(card.secureMessagingActive());
}

TEST_CASE(
    "Chaining: under secure messaging each protected part is opened and the whole "
    "certificate and signature verify (worked example TA in chained parts)") {
    VirtualCard card;
    workedExamplePace(card);
    TerminalChannel channel = paceChannel();
    REQUIRE(channel.transmit(card, setDst("DECVCAAT00001")).isSuccess());
    CHECK(transmitChained(card, channel,
                          CommandApdu(0x00, 0x2A, 0x00, 0xBE, certificateContent(kDvCertificate)),
                          100)
              .isSuccess());
    REQUIRE(channel.transmit(card, setDst("DETESTDVDE019")).isSuccess());
    CHECK(transmitChained(
              card, channel,
              CommandApdu(0x00, 0x2A, 0x00, 0xBE, certificateContent(kTerminalCertificate)), 64)
              .isSuccess());
    const Bytes terminalKey = hexBytes(kTerminalCaKey);
    const Bytes compressedKey(terminalKey.begin() + 1, terminalKey.begin() + 33);
    const Bytes setAt = concat({asn1::encode(0x80, hexBytes("04007F00070202020205")),
                                asn1::encode(0x83, asciiBytes("DETESTATDE019")),
                                asn1::encode(0x91, compressedKey)});
    CHECK(
        transmitChained(card, channel, CommandApdu(0x00, 0x22, 0x81, 0xA4, setAt), 20).isSuccess());
    const auto challenge = channel.transmit(card, CommandApdu(0x00, 0x84, 0x00, 0x00, {}, 8));
    REQUIRE(toHex(challenge.data()) == "547E4EAB03B235D2");
    CHECK(transmitChained(card, channel,
                          CommandApdu(0x00, 0x82, 0x00, 0x00, hexBytes(kTerminalSignature)), 33)
              .sw() == 0x9000);
}

TEST_CASE(
    "Chaining: under secure messaging a switched chain is refused protected and the "
    "channel stays") {
    VirtualCard card;
    workedExamplePace(card);
    TerminalChannel channel = paceChannel();
    CHECK(channel.transmit(card, CommandApdu(0x10, 0xA4, 0x02, 0x0C, hexBytes("01"))).sw() ==
          0x9000);
    CHECK(channel.transmit(card, CommandApdu(0x00, 0x84, 0x00, 0x00, {}, 8)).sw() == 0x6883);
    CHECK(card.secureMessagingActive());
    CHECK(channel.transmit(card, CommandApdu(0x00, 0xA4, 0x02, 0x0C, hexBytes("011C"))).sw() ==
          0x9000);
}

TEST_CASE("Chaining: a plain command in the middle of a protected chain ends the channel") {
    VirtualCard card;
    workedExamplePace(card);
    TerminalChannel channel = paceChannel();
    CHECK(channel.transmit(card, CommandApdu(0x10, 0xA4, 0x02, 0x0C, hexBytes("01"))).sw() ==
          0x9000);
    // Plain: the channel and its chain are gone, so this is a SELECT of its own.
    CHECK(answer(card, "00A4020C02011C") == "9000");
    CHECK_FALSE(card.secureMessagingActive());
}
