#include <catch2/catch.hpp>

#include "ScriptedCard.h"
#include "eac/SecureMessaging.h"
#include "eac/SecureMessagingCard.h"

using namespace oa;
using namespace oa::eac;

namespace {

SessionKeys aesKeys(const char* enc, const char* mac) {
    return SessionKeys{crypto::BlockCipher::Aes128, SecureBytes::fromAscii(enc),
                       SecureBytes::fromAscii(mac)};
}

// AusweisApp's SM test keys (card-protocols digest 3.5).
std::unique_ptr<SecureMessaging> ausweisAppSm() {
    return std::make_unique<SecureMessaging>(aesKeys("F1234567890ABCDE", "1234567890ABCDEF"));
}

Bytes protect(SecureMessaging& sm, const char* plainHex) {
    auto plain = CommandApdu::parse(hexBytes(plainHex));
    REQUIRE(plain);
    auto result = sm.protect(*plain);
    REQUIRE(result);
    return result->encode();
}

SessionKeys tdesKeys() {
    return SessionKeys{crypto::BlockCipher::Tdes,
                       SecureBytes(hexBytes("979EC13B1CBFE9DCD01AB0FED307EAE5")),
                       SecureBytes(hexBytes("F1CB1F1FB5ADF208806B89DC579DC1F8"))};
}

}  // namespace

TEST_CASE("SM protects commands as the AES-128 reference vectors", "[sm]") {
    const std::pair<const char*, const char*> vectors[] = {
        {"00222030", "0C2220300A8E086733A03D8E9AC66900"},
        {"10222030", "1C2220300A8E081211BCC1702D612B00"},
        {"0022203008", "0C2220300D9701088E0844B066BC91C77C4500"},
        {"0022203000", "0C2220300D9701008E0875F18DD4F6B913D500"},
        {"00222030000000", "0C22203000000E970200008E08E5A6AE57AD293C450000"},
        {"0022203004D0D1D2D300",
         "0C22203020871101CC30C03DBE01213486B74CE1F48F5C499701008E08A822685D1780FADD00"},
        {"00222030000004D0D1D2D30000",
         "0C222030000021871101CC30C03DBE01213486B74CE1F48F5C49970200008E08C076CEC6A1CC26020000"},
    };
    for (const auto& [plain, expected] : vectors) {
        auto sm = ausweisAppSm();
        INFO(plain);
        CHECK(toHex(protect(*sm, plain)) == toHex(hexBytes(expected)));
        CHECK(sm->sendSequenceCounter() == hexBytes("00000000000000000000000000000001"));
    }
}

TEST_CASE("SM increments the counter before every command", "[sm]") {
    auto sm = ausweisAppSm();
    const char* command = "00222030000004D0D1D2D30000";
    protect(*sm, command);
    CHECK(protect(*sm, command) == hexBytes("0C22203000002187110140EADE1A656A226767536A7CEC2AC6F997"
                                            "0200008E08451D5C632AB4EE240000"));
    CHECK(protect(*sm, command) == hexBytes("0C2220300000218711010BDF2B6181A9091E6FE0147D8B11069D97"
                                            "0200008E08DEB87800B60D6D110000"));
    CHECK(protect(*sm, command) == hexBytes("0C222030000021871101252538E3EBAD320FCD01905459F6B6E097"
                                            "0200008E080F1C93C6D9BDBCF20000"));
}

TEST_CASE("SM switches to extended length for long data", "[sm]") {
    auto sm = ausweisAppSm();
    auto protectedCommand = sm->protect(CommandApdu(0x00, 0x22, 0x20, 0x30, Bytes(250, 0x42), 256));
    REQUIRE(protectedCommand);
    const Bytes encoded = protectedCommand->encode();
    CHECK(protectedCommand->isExtended());
    CHECK(Bytes(encoded.begin(), encoded.begin() + 12) == hexBytes("0C2220300001128782010101"));
}

TEST_CASE("SM reproduces the BSI worked example after PACE", "[sm][bsi]") {
    SecureMessaging sm(SessionKeys{crypto::BlockCipher::Aes128,
                                   SecureBytes(hexBytes("68406B4162100563D9C901A6154D2901")),
                                   SecureBytes(hexBytes("73FF268784F72AF833FDC9464049AFC9"))});
    auto command =
        sm.protect(CommandApdu(0x00, 0x22, 0x81, 0xB6, hexBytes("830D44454356434141543030303031")));
    REQUIRE(command);
    CHECK(
        toHex(command->encode()) ==
        toHex(hexBytes("0C2281B61D871101BE90237EEB4BA0FF253EA246AE31C8B88E0892D21C73A1DFE99900")));
    auto response =
        sm.unprotect(*ResponseApdu::parse(hexBytes("990290008E08A89570A68664A7D69000")));
    REQUIRE(response);
    CHECK(response->isSuccess());
    CHECK(response->data().empty());
}

TEST_CASE("3DES SM reproduces ICAO 9303 App. D", "[sm][icao]") {
    SecureMessaging sm(tdesKeys(), hexBytes("887022120C06C226"));
    auto select = sm.protect(*CommandApdu::parse(hexBytes("00A4020C02011E")));
    REQUIRE(select);
    CHECK(toHex(select->encode()) ==
          toHex(hexBytes("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800")));
    auto selectResponse =
        sm.unprotect(*ResponseApdu::parse(hexBytes("990290008E08FA855A5D4C50A8ED9000")));
    REQUIRE(selectResponse);
    CHECK(selectResponse->isSuccess());

    auto read = sm.protect(*CommandApdu::parse(hexBytes("00B0000004")));
    REQUIRE(read);
    CHECK(read->encode() == hexBytes("0CB000000D9701048E08ED6705417E96BA5500"));
    auto readResponse = sm.unprotect(
        *ResponseApdu::parse(hexBytes("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000")));
    REQUIRE(readResponse);
    CHECK(readResponse->data() == hexBytes("60145F01"));

    auto read2 = sm.protect(*CommandApdu::parse(hexBytes("00B0000412")));
    REQUIRE(read2);
    CHECK(read2->encode() == hexBytes("0CB000040D9701128E082EA28A70F3C7B53500"));
    auto readResponse2 = sm.unprotect(*ResponseApdu::parse(hexBytes(
        "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000")));
    REQUIRE(readResponse2);
    CHECK(readResponse2->data() == hexBytes("04303130365F36063034303030305C026175"));
}

TEST_CASE("SM rejects responses with a wrong MAC, missing objects or a different status", "[sm]") {
    const char* good = "990290008E08FA855A5D4C50A8ED9000";
    auto fresh = [] {
        auto sm = std::make_unique<SecureMessaging>(tdesKeys(), hexBytes("887022120C06C226"));
        REQUIRE(sm->protect(*CommandApdu::parse(hexBytes("00A4020C02011E"))));
        return sm;
    };
    CHECK(fresh()->unprotect(*ResponseApdu::parse(hexBytes(good))));
    CHECK(fresh()
              ->unprotect(*ResponseApdu::parse(hexBytes("990290008E08FA855A5D4C50A8ED9100")))
              .error()
              .code == ErrorCode::SecureMessaging);
    CHECK(fresh()
              ->unprotect(*ResponseApdu::parse(hexBytes("990290008E08FA855A5D4C50A8ED9001")))
              .error()
              .code == ErrorCode::SecureMessaging);
    CHECK(fresh()
              ->unprotect(*ResponseApdu::parse(hexBytes("99029000"
                                                        "9000")))
              .error()
              .code == ErrorCode::SecureMessaging);
    CHECK(fresh()->unprotect(*ResponseApdu::parse(hexBytes("6988"))).error().code ==
          ErrorCode::SecureMessaging);
    CHECK(fresh()
              ->unprotect(*ResponseApdu::parse(hexBytes("8E08FA855A5D4C50A8ED990290009000")))
              .error()
              .code == ErrorCode::SecureMessaging);
}

TEST_CASE("SecureMessagingCard wraps APDUs transparently and keeps the chaining bit", "[sm]") {
    test::ScriptedCard inner(
        {{hexBytes("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800"),
          hexBytes("990290008E08FA855A5D4C50A8ED9000")},
         {hexBytes("0CB000000D9701048E08ED6705417E96BA5500"),
          hexBytes("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000")}});
    SecureMessagingCard card(
        inner, std::make_unique<SecureMessaging>(tdesKeys(), hexBytes("887022120C06C226")));
    auto select = card.transmit(*CommandApdu::parse(hexBytes("00A4020C02011E")));
    REQUIRE(select);
    CHECK(select->isSuccess());
    auto read = card.transmit(*CommandApdu::parse(hexBytes("00B0000004")));
    REQUIRE(read);
    CHECK(read->data() == hexBytes("60145F01"));
    CHECK(inner.finished());
    CHECK(inner.mismatches.empty());

    auto sm = ausweisAppSm();
    auto chained = sm->protect(*CommandApdu::parse(hexBytes("1022203004D0D1D2D300")));
    REQUIRE(chained);
    CHECK(chained->cla() == 0x1C);
}

TEST_CASE("SecureMessagingCard ends the session on the first SM error", "[sm]") {
    test::ScriptedCard inner({{hexBytes("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800"),
                               hexBytes("990290008E08FA855A5D4C50A8ED9100")}});
    SecureMessagingCard card(
        inner, std::make_unique<SecureMessaging>(tdesKeys(), hexBytes("887022120C06C226")));
    auto first = card.transmit(*CommandApdu::parse(hexBytes("00A4020C02011E")));
    REQUIRE_FALSE(first);
    CHECK(first.error().code == ErrorCode::SecureMessaging);
    CHECK_FALSE(card.isOpen());
    auto later = card.transmit(*CommandApdu::parse(hexBytes("00B0000004")));
    REQUIRE_FALSE(later);
    CHECK(later.error().code == ErrorCode::SecureMessaging);
    CHECK(inner.sent.size() == 1);
}

TEST_CASE("SM rejects every single-byte change of a protected response", "[sm]") {
    const Bytes good = hexBytes("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000");
    for (std::size_t i = 0; i < good.size(); ++i) {
        Bytes damaged = good;
        damaged[i] ^= 0x01;
        SecureMessaging sm(tdesKeys(), hexBytes("887022120C06C228"));
        REQUIRE(sm.protect(*CommandApdu::parse(hexBytes("00B0000004"))));
        INFO("byte " << i);
        auto response = sm.unprotect(*ResponseApdu::parse(damaged));
        REQUIRE_FALSE(response);
        CHECK(response.error().code == ErrorCode::SecureMessaging);
    }
}

namespace {
class ShortOnlyCard : public test::ScriptedCard {
public:
    ShortOnlyCard() : ScriptedCard({}) {}
    bool supportsExtendedLength() const override { return false; }
};
}  // namespace

TEST_CASE("SecureMessagingCard refuses extended length on a reader without it", "[sm]") {
    ShortOnlyCard inner;
    SecureMessagingCard card(inner, ausweisAppSm());
    auto result =
        card.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, {}, CommandApdu::kExtendedMaxLe));
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::Unsupported);
    CHECK(inner.sent.empty());
    CHECK_FALSE(card.isOpen());
}
