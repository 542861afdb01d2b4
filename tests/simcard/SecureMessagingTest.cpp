#include <catch2/catch.hpp>

#include "sim/card/CardSecureMessaging.h"

using namespace oa;
using namespace oa::sim;

namespace {

// AusweisApp's secure messaging test keys (card-protocols §3.5).
CardSecureMessaging ausweisAppChannel() {
    return CardSecureMessaging(SecureBytes::fromAscii("F1234567890ABCDE"),
                               SecureBytes::fromAscii("1234567890ABCDEF"));
}

std::string unwrap(CardSecureMessaging& channel, std::string_view protectedHex) {
    const auto command = CommandApdu::parse(hexBytes(protectedHex));
    REQUIRE(command.ok());
    const auto plain = channel.unwrap(*command);
    if (!plain)
        return "refused " + toHex(Bytes{static_cast<std::uint8_t>(
                                            static_cast<std::uint16_t>(plain.refusal()) >> 8),
                                        static_cast<std::uint8_t>(plain.refusal())});
    return toHex(plain->encode());
}

}  // namespace

TEST_CASE("SM: the card recovers AusweisApp's protected commands (SSC 1)") {
    const std::pair<std::string_view, std::string_view> vectors[] = {
        {"0C2220300A8E086733A03D8E9AC66900", "00222030"},
        {"1C2220300A8E081211BCC1702D612B00", "10222030"},
        {"0C2220300D9701088E0844B066BC91C77C4500", "0022203008"},
        {"0C2220300D9701008E0875F18DD4F6B913D500", "0022203000"},
        {"0C22203000000E970200008E08E5A6AE57AD293C450000", "00222030000000"},
        {"0C22203020871101CC30C03DBE01213486B74CE1F48F5C499701008E08A822685D1780FADD00",
         "0022203004D0D1D2D300"},
        {"0C222030000021871101CC30C03DBE01213486B74CE1F48F5C49970200008E08C076CEC6A1CC26020000",
         "00222030000004D0D1D2D30000"},
    };
    for (const auto& [protectedCommand, plain] : vectors) {
        auto channel = ausweisAppChannel();
        CHECK(unwrap(channel, protectedCommand) == plain);
    }
}

TEST_CASE("SM: command and response each advance the send sequence counter") {
    auto channel = ausweisAppChannel();
    CHECK(unwrap(channel,
                 "0C222030000021871101CC30C03DBE01213486B74CE1F48F5C49970200008E08C076CEC6A1CC2602"
                 "0000") == "00222030000004D0D1D2D30000");
    (void)channel.wrap(ResponseApdu({}, StatusWord::Success));  // SSC 2
    CHECK(unwrap(channel,
                 "0C2220300000218711010BDF2B6181A9091E6FE0147D8B11069D970200008E08DEB87800B60D6D11"
                 "0000") == "00222030000004D0D1D2D30000");  // SSC 3
    CHECK(channel.sendSequenceCounter().back() == 3);
}

TEST_CASE("SM: the BSI worked example's MSE:Set DST and its protected response") {
    CardSecureMessaging channel(SecureBytes(hexBytes("68406B4162100563D9C901A6154D2901")),
                                SecureBytes(hexBytes("73FF268784F72AF833FDC9464049AFC9")));
    CHECK(
        unwrap(channel, "0C2281B61D871101BE90237EEB4BA0FF253EA246AE31C8B88E0892D21C73A1DFE99900") ==
        "002281B60F830D" + toHex(asciiBytes("DECVCAAT00001")));
    const ResponseApdu response = channel.wrap(ResponseApdu({}, StatusWord::Success));
    CHECK(toHex(response.encode()) == "990290008E08A89570A68664A7D69000");
}

TEST_CASE("SM: a response with data is encrypted, and carries the plain status word") {
    auto channel = ausweisAppChannel();
    const ResponseApdu response = channel.wrap(ResponseApdu(hexBytes("0102"), 0x6282));
    const std::string encoded = toHex(response.encode());
    CHECK(encoded.substr(0, 6) == "871101");  // indicator and one encrypted block
    CHECK(encoded.find("99026282") == 38);
    CHECK(response.sw() == 0x6282);
}

TEST_CASE("SM: a wrong MAC, missing MAC or plain command is refused") {
    auto tampered = ausweisAppChannel();
    CHECK(unwrap(tampered, "0C2220300D9701088E0844B066BC91C77C4600") == "refused 6988");
    auto missing = ausweisAppChannel();
    CHECK(unwrap(missing, "0C2220300397010800") == "refused 6987");
    auto plain = ausweisAppChannel();
    CHECK(unwrap(plain, "0022203008") == "refused 6987");
    auto garbage = ausweisAppChannel();
    CHECK(unwrap(garbage, "0C222030038E0100") == "refused 6988");
}

TEST_CASE("SM: ISO 9797-1 padding round trip and strict removal") {
    CHECK(toHex(padIso9797(hexBytes("01"))) == "01800000000000000000000000000000");
    CHECK(padIso9797(Bytes(16, 1)).size() == 32);
    CHECK(unpadIso9797(padIso9797(hexBytes("0102"))) == hexBytes("0102"));
    CHECK_FALSE(unpadIso9797(Bytes(16, 0)));
    CHECK_FALSE(unpadIso9797(hexBytes("0102")));
}
