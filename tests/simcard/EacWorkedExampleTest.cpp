// The BSI worked example for EAC (v1.01) end to end against the card: PACE with the PIN, then TA
// with the example's certificate chain and signature, then CA, all under secure messaging.
#include <catch2/catch.hpp>

#include "BsiWorkedExample.h"
#include "TerminalChannel.h"
#include "asn1/Tlv.h"
#include "sim/card/CardCvCertificate.h"
#include "sim/card/CardSecureMessaging.h"
#include "sim/card/ChipCrypto.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace oa::test;
using namespace oa::test::bsi;

namespace {

const char* kTerminalCaKey =
    "045A7A377FC9CAFC03AC7FF45441A8B2909D88EAB8E6B0173847AB49B949DF3799A34EE57EC55268CF8B1C3EC489"
    "F8BF4CF4C68D3FD9670E89C0D5D3FFF1AAF89F";

Bytes certificateContent(const char* certificate) {
    const Bytes whole = hexBytes(certificate);
    const auto outer = asn1::readOne(whole);
    REQUIRE(outer.ok());
    return Bytes(outer->value.begin(), outer->value.end());
}

CommandApdu setDst(const std::string& reference) {
    return CommandApdu(0x00, 0x22, 0x81, 0xB6, asn1::encode(0x83, asciiBytes(reference)));
}

// TA with the worked example's chain and signature; returns the status of EXTERNAL AUTHENTICATE.
std::uint16_t workedExampleTerminalAuthentication(VirtualCard& card, TerminalChannel& channel) {
    REQUIRE(channel.transmit(card, setDst("DECVCAAT00001")).isSuccess());
    REQUIRE(
        channel
            .transmit(card, CommandApdu(0x00, 0x2A, 0x00, 0xBE, certificateContent(kDvCertificate)))
            .isSuccess());
    REQUIRE(channel.transmit(card, setDst("DETESTDVDE019")).isSuccess());
    REQUIRE(channel
                .transmit(card, CommandApdu(0x00, 0x2A, 0x00, 0xBE,
                                            certificateContent(kTerminalCertificate)))
                .isSuccess());
    const Bytes terminalKey = hexBytes(kTerminalCaKey);
    const Bytes compressedKey(terminalKey.begin() + 1, terminalKey.begin() + 33);  // x
    const Bytes setAt = concat({asn1::encode(0x80, hexBytes("04007F00070202020205")),
                                asn1::encode(0x83, asciiBytes("DETESTATDE019")),
                                asn1::encode(0x91, compressedKey)});
    REQUIRE(channel.transmit(card, CommandApdu(0x00, 0x22, 0x81, 0xA4, setAt)).isSuccess());
    const auto challenge = channel.transmit(card, CommandApdu(0x00, 0x84, 0x00, 0x00, {}, 8));
    REQUIRE(toHex(challenge.data()) == "547E4EAB03B235D2");
    return channel.transmit(card, CommandApdu(0x00, 0x82, 0x00, 0x00, hexBytes(kTerminalSignature)))
        .sw();
}

}  // namespace

TEST_CASE("EAC worked example: the first protected command and response match the example") {
    VirtualCard card;
    workedExamplePace(card);
    const Bytes response = card.process(
        hexBytes("0C2281B61D871101BE90237EEB4BA0FF253EA246AE31C8B88E0892D21C73A1DFE99900"));
    CHECK(toHex(response) == "990290008E08A89570A68664A7D69000");
}

TEST_CASE("EAC worked example: TA accepts the example's chain and terminal signature") {
    VirtualCard card;
    workedExamplePace(card);
    TerminalChannel channel = paceChannel();
    CHECK(workedExampleTerminalAuthentication(card, channel) == 0x9000);
}

TEST_CASE("EAC worked example: CA answers the example's nonce and token and switches keys") {
    VirtualCard card;
    workedExamplePace(card);
    TerminalChannel channel = paceChannel();
    REQUIRE(workedExampleTerminalAuthentication(card, channel) == 0x9000);
    const Bytes setAt = asn1::encode(0x80, hexBytes("04007F00070202030202"));
    REQUIRE(channel.transmit(card, CommandApdu(0x00, 0x22, 0x41, 0xA4, setAt)).isSuccess());
    const auto answer = channel.transmit(
        card, CommandApdu(0x00, 0x86, 0x00, 0x00,
                          asn1::encode(0x7C, asn1::encode(0x80, hexBytes(kTerminalCaKey))), 256));
    REQUIRE(answer.isSuccess());
    CHECK(toHex(answer.data()) == "7C1481084287B3072A3EDC608208FF0117D68DEE8E72");
    CHECK(card.chipAuthenticated());

    TerminalChannel caChannel(hexBytes("94ABCD271AB7D9A5590BA52CB518B831"),
                              hexBytes("78B5709E7ABEDB185B424D0EE3A82499"));
    CHECK(caChannel
              .transmit(card, CommandApdu(0x00, 0xA4, 0x04, 0x0C, hexBytes("E80704007F00070302")))
              .isSuccess());
    // The chain grants DG1 (document type) only.
    const auto dg1 = caChannel.transmit(card, CommandApdu(0x00, 0xB0, 0x81, 0x00, {}, 256));
    CHECK(dg1.sw() == 0x6282);
    CHECK(toHex(dg1.data()) == "610413024944");
    CHECK(caChannel.transmit(card, CommandApdu(0x00, 0xB0, 0x84, 0x00, {}, 256)).sw() == 0x6982);
}

TEST_CASE("EAC worked example: a wrong terminal signature fails TA and CA stays closed") {
    VirtualCard card;
    workedExamplePace(card);
    TerminalChannel channel = paceChannel();
    REQUIRE(channel.transmit(card, setDst("DECVCAAT00001")).isSuccess());
    Bytes forged = certificateContent(kDvCertificate);
    forged[forged.size() - 1] ^= 0x01;
    CHECK(channel.transmit(card, CommandApdu(0x00, 0x2A, 0x00, 0xBE, forged)).sw() == 0x6982);
    CHECK(channel.transmit(card, setDst("DETESTDVDE019")).sw() == 0x6A88);
    const Bytes setAt = asn1::encode(0x80, hexBytes("04007F00070202030202"));
    CHECK(channel.transmit(card, CommandApdu(0x00, 0x22, 0x41, 0xA4, setAt)).sw() == 0x6985);
}

TEST_CASE("EAC worked example: data groups stay closed before TA and CA") {
    VirtualCard card;
    workedExamplePace(card);
    TerminalChannel channel = paceChannel();
    REQUIRE(
        channel.transmit(card, CommandApdu(0x00, 0xA4, 0x04, 0x0C, hexBytes("E80704007F00070302")))
            .isSuccess());
    CHECK(channel.transmit(card, CommandApdu(0x00, 0xB0, 0x81, 0x00, {}, 256)).sw() == 0x6982);
}

TEST_CASE("EAC worked example: the default trust anchor is the example's CVCA") {
    const auto anchor = sim::parseCardCvCertificate(sim::workedExampleCvcaCertificate());
    REQUIRE(anchor);
    CHECK(anchor->holderReference == "DECVCAAT00001");
    CHECK(anchor->isCvca());
    CHECK(anchor->prime.has_value());
}

TEST_CASE("PACE inside a secure channel answers under the old keys, then switches") {
    VirtualCard card;
    workedExamplePace(card);
    TerminalChannel outer = paceChannel();
    const char* steps[] = {
        "0022C1A412800A04007F0007020204020283010384010D", "10860000027C0000",
        "10860000457C438141043DD29BBE5907FD21A152ADA4895FAAE7ACC55F5E50EFBFDE5AB0C6EB54F198D6159136"
        "35F0FDF5BEB383E00355F82D3C41ED0DF2E28363433DFB73856A15DC9F00",
        "10860000457C43834104518BC4E532AD2A9BD6527804D5D665ABD51041037A0CC8AA922804EB501C222B342738"
        "8599AFAAE9FBACE2DF93E13C3C4979CD12F0AE3E3C012602839155458200",
        "008600000C7C0A8508A27AE7B36573C1D900"};
    for (const char* step : steps) {
        const auto plain = CommandApdu::parse(hexBytes(step));
        REQUIRE(plain.ok());
        CHECK(outer.transmit(card, *plain).isSuccess());
    }
    TerminalChannel renewed = paceChannel();  // same keys again, counter back at zero
    CHECK(
        renewed.transmit(card, CommandApdu(0x00, 0xA4, 0x04, 0x0C, hexBytes("E80704007F00070302")))
            .isSuccess());
}
