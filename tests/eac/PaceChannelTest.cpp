#include <catch2/catch.hpp>

#include "ScriptedCard.h"
#include "eac/PaceChannel.h"
#include "eac/SecurityInfos.h"

using namespace oa;
using namespace oa::eac;
using Script = std::vector<std::pair<Bytes, Bytes>>;

namespace {

PaceInfo paceFrom(const char* cardAccessHex) {
    auto infos = SecurityInfos::parse(hexBytes(cardAccessHex));
    REQUIRE(infos);
    auto pace = infos->choosePace();
    REQUIRE(pace);
    return *pace;
}

std::deque<SecureBytes> keys(const char* mapping, const char* ephemeral) {
    std::deque<SecureBytes> result;
    result.emplace_back(hexBytes(mapping));
    result.emplace_back(hexBytes(ephemeral));
    return result;
}

Bytes keyBytes(const SecureBytes& key) {
    return Bytes(key.bytes().begin(), key.bytes().end());
}

// ICAO 9303-11 App. G.1 (ECDH-GM, brainpoolP256r1, AES-128, MRZ).
const char* kG1CardAccess = "31143012060A04007F0007020204020202010202010D";
Script g1Script(const char* ga4Response = "7C0A86083ABB9674BCE93C089000") {
    return {
        {hexBytes("0022C1A40F800A04007F00070202040202830101"), hexBytes("9000")},
        {hexBytes("10860000027C0000"), hexBytes("7C12801095A3A016522EE98D01E76CB6B98B42C39000")},
        {hexBytes(
             "10860000457C438141047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E5"
             "44552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D00"),
         hexBytes(
             "7C43824104824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AA"
             "A9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C549000")},
        {hexBytes(
             "10860000457C438341042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3"
             "556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB3646200"),
         hexBytes(
             "7C438441049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277"
             "A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F0949000")},
        {hexBytes("008600000C7C0A8508C2B0BD78D94BA86600"), hexBytes(ga4Response)},
    };
}

PaceRequest mrzRequest() {
    PaceRequest request;
    request.passwordType = PasswordType::Mrz;
    request.password = SecureBytes::fromAscii("T22000129364081251010318");
    request.sendParameterId = false;
    return request;
}

}  // namespace

TEST_CASE("PACE ECDH-GM sends exactly the ICAO G.1 commands and derives its keys", "[pace][icao]") {
    test::ScriptedCard card(g1Script());
    PaceChannel pace(card, paceFrom(kG1CardAccess));
    pace.useTerminalKeysForTesting(
        keys("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99",
             "A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595"));
    auto result = pace.establish(mrzRequest());
    CHECK(card.mismatches.empty());
    REQUIRE(result);
    CHECK(card.finished());
    CHECK(keyBytes(result->keys.encryption) == hexBytes("F5F0E35C0D7161EE6724EE513A0D9A7F"));
    CHECK(keyBytes(result->keys.mac) == hexBytes("FE251C7858B356B24514B3BD5F4297D1"));
    CHECK(result->idPicc ==
          hexBytes("9E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"));
    CHECK_FALSE(result->currentCar);
    CHECK_FALSE(result->pinState);
}

TEST_CASE("PACE rejects a card token that does not verify", "[pace]") {
    test::ScriptedCard card(g1Script("7C0A86083ABB9674BCE93C099000"));
    PaceChannel pace(card, paceFrom(kG1CardAccess));
    pace.useTerminalKeysForTesting(
        keys("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99",
             "A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595"));
    auto result = pace.establish(mrzRequest());
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::AuthenticationFailed);
}

TEST_CASE("PACE reports a wrong MRZ answered with 6300", "[pace]") {
    test::ScriptedCard card(g1Script("6300"));
    PaceChannel pace(card, paceFrom(kG1CardAccess));
    pace.useTerminalKeysForTesting(
        keys("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99",
             "A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595"));
    auto result = pace.establish(mrzRequest());
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::AuthenticationFailed);
    CHECK(result.error().message == "The MRZ is wrong");
}

TEST_CASE("PACE rejects malformed General Authenticate answers", "[pace]") {
    auto script = g1Script();
    script[1].second =
        hexBytes("7C14801095A3A016522EE98D01E76CB6B98B42C381009000");  // extra object
    test::ScriptedCard card(script);
    PaceChannel pace(card, paceFrom(kG1CardAccess));
    auto result = pace.establish(mrzRequest());
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::CardError);

    auto offCurve = g1Script();
    offCurve[2].second.back() = 0x00;  // damages nothing: SW; damage y instead
    offCurve[2].second[offCurve[2].second.size() - 3] ^= 0x01;
    test::ScriptedCard card2(offCurve);
    PaceChannel pace2(card2, paceFrom(kG1CardAccess));
    pace2.useTerminalKeysForTesting(
        keys("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99",
             "A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595"));
    auto result2 = pace2.establish(mrzRequest());
    REQUIRE_FALSE(result2);
    CHECK(card2.sent.size() == 3);
}

TEST_CASE("PACE DH-GM sends exactly the ICAO G.2 commands", "[pace][icao]") {
    const Bytes pkMapIfd = hexBytes(
        "23FB3749EA030D2A25B278D2A562047ADE3F01B74F17A15402CB7352CA7D2B3EB71C343DB13D1DEBCE9A3666DB"
        "CFC920B49174A602CB47965CAA73DC702489A44D41DB914DE9613DC5E98C94160551C0DF86274B9359BC0490D0"
        "1B03AD54022DCB4F57FAD6322497D7A1E28D46710F461AFE710FBBBC5F8BA166F4311975EC6C");
    const Bytes pkMapIc = hexBytes(
        "78879F57225AA8080D52ED0FC890A4B25336F699AA89A2D3A189654AF70729E623EA5738B26381E4DA19E00470"
        "6FACE7B235C2DBF2F38748312F3C98C2DD4882A41947B324AA1259AC22579DB93F7085655AF30889DBB845D9E6"
        "783FE42C9F2449400306254C8AE8EE9DD812A804C0B66E8CAFC14F84D8258950A91B44126EE6");
    const Bytes pkIfd = hexBytes(
        "907D89E2D425A178AA81AF4A7774EC8E388C115CAE67031E85EECE520BD911551B9AE4D04369F29A02626C86FB"
        "C6747CC7BC352645B6161A2A42D44EDA80A08FA8D61B76D3A154AD8A5A51786B0BC07147057871A922212C5F67"
        "F43173172236B7747D1671E6D692A3C7D40A0C3C5CE397545D015C175EB5130551EDBC2EE5D4");
    const Bytes pkIc = hexBytes(
        "075693D9AE941877573E634B6E644F8E60AF17A0076B8B123D9201074D36152BD8B3A213F53820C42ADC79AB5D"
        "0AEEC3AEFB91394DA476BD97B9B14D0A65C1FC71A0E019CB08AF55E1F729005FBA7E3FA5DC41899238A250767A"
        "6D46DB974064386CD456743585F8E5D90CC8B4004B1F6D866C79CE0584E49687FF61BC29AEA1");
    auto ga = [](const char* head, std::uint8_t tag, const Bytes& key) {
        Bytes out = hexBytes(head);
        append(out, Bytes{tag, 0x81, 0x80});
        append(out, key);
        return out;
    };
    Script script{
        {hexBytes("0022C1A40F800A04007F00070202040102830101"), hexBytes("9000")},
        {hexBytes("10860000027C0000"), hexBytes("7C1280 10854D8DF5827FA6852D1A4FA701CDDDCA9000")},
        {concat({ga("10860000867C8183", 0x81, pkMapIfd), hexBytes("00")}),
         concat({ga("7C8183", 0x82, pkMapIc), hexBytes("9000")})},
        {concat({ga("10860000867C8183", 0x83, pkIfd), hexBytes("00")}),
         concat({ga("7C8183", 0x84, pkIc), hexBytes("9000")})},
        {hexBytes("008600000C7C0A8508B46DD9BD4D98381F00"),
         hexBytes("7C1B8608917F37B5C0E6D8D1870F4445544553544356434130303030339000")},
    };
    test::ScriptedCard card(script);
    PaceChannel pace(card, paceFrom("31143012060A04007F00070202040102020102020100"));
    pace.useTerminalKeysForTesting(keys("5265030F751F4AD18B08AC565FC7AC952E41618D",
                                        "89CCD99B0E8D3B1F11E1296DCA68EC53411CF2CA"));
    auto result = pace.establish(mrzRequest());
    CHECK(card.mismatches.empty());
    REQUIRE(result);
    CHECK(card.finished());
    CHECK(keyBytes(result->keys.encryption) == hexBytes("2F7F46ADCC9E7E521B45D192FAFA9126"));
    CHECK(keyBytes(result->keys.mac) == hexBytes("805A1D27D45A5116F73C54469462B7D8"));
    REQUIRE(result->currentCar);
    CHECK(*result->currentCar == asciiBytes("DETESTCVCA00003"));
    CHECK(result->idPicc.size() == 20);
}

namespace {

// BSI Worked Example v1.01: PACE with PIN 123456 on brainpoolP256r1.
const char* kBsiCardAccess =
    "3181C6300D060804007F00070202020201023012060A04007F000702020302020201020201013012060A04007F00"
    "07020204020202010202010D301C060904007F000702020302300C060704007F0007010202010D020101302F0608"
    "04007F0007020206162368747470733A2F2F7777772E686A702D636F6E73756C74696E672E636F6D2F686F6D6530"
    "3E060804007F000702020831323012060A04007F00070202030202020102020102301C060904007F000702020302"
    "300C060704007F0007010202010D020102";

Script bsiScript(const char* mseAnswer, const char* ga4Answer) {
    return {
        {hexBytes("0022C1A412800A04007F00070202040202830103 84010D"), hexBytes(mseAnswer)},
        {hexBytes("10860000027C0000"), hexBytes("7C128010CE834CDE69FFBB1D1EB21585CD709F189000")},
        {hexBytes(
             "10860000457C438141043DD29BBE5907FD21A152ADA4895FAAE7ACC55F5E50EFBFDE5AB0C6EB54F198D6"
             "15913635F0FDF5BEB383E00355F82D3C41ED0DF2E28363433DFB73856A15DC9F00"),
         hexBytes(
             "7C438241049CFCF7582AC986D0DD52FA53123414C3E1B96B4D00ABA8E574679B70EFB5BC3B45D2F13729"
             "CC2AE178E7E241B443213533B77DBB44649A815DDC4A2384BA422A9000")},
        {hexBytes(
             "10860000457C43834104518BC4E532AD2A9BD6527804D5D665ABD51041037A0CC8AA922804EB501C222B"
             "3427388599AFAAE9FBACE2DF93E13C3C4979CD12F0AE3E3C0126028391554582 00"),
         hexBytes(
             "7C43844104282CF38073036AFAC216AF135BD994DA0C357F10BD4C34AFEA1042B2EB0FD6804DF3658B83"
             "5AC2E7133F13691184542BB50B109963A4662ABDC08B9763AF4B5B9000")},
        {hexBytes("008600000C7C0A8508A27AE7B36573C1D900"), hexBytes(ga4Answer)},
    };
}

PaceRequest pinRequest() {
    PaceRequest request;
    request.passwordType = PasswordType::Pin;
    request.password = SecureBytes::fromAscii("123456");
    return request;
}

std::deque<SecureBytes> bsiKeys() {
    return keys("752287F5B02DE3C4BC3E17945118C51B23C97278E4CD748048AC56BA5BDC3D46",
                "009D9A32DF93A57CCE33CA3CDD3457E33A976F293546C73550F397259C93BE0120");
}

}  // namespace

TEST_CASE("PACE with PIN reproduces the BSI worked example", "[pace][bsi]") {
    test::ScriptedCard card(bsiScript("63C2", "7C0A8608A2658C2F38600B0F9000"));
    PaceChannel pace(card, paceFrom(kBsiCardAccess));
    pace.useTerminalKeysForTesting(bsiKeys());
    auto result = pace.establish(pinRequest());
    CHECK(card.mismatches.empty());
    REQUIRE(result);
    CHECK(keyBytes(result->keys.encryption) == hexBytes("68406B4162100563D9C901A6154D2901"));
    CHECK(keyBytes(result->keys.mac) == hexBytes("73FF268784F72AF833FDC9464049AFC9"));
    CHECK(result->idPicc ==
          hexBytes("282CF38073036AFAC216AF135BD994DA0C357F10BD4C34AFEA1042B2EB0FD680"));
    CHECK(result->pinState == PinState::OneFailure);
    CHECK(pace.pinState() == PinState::Operational);
}

TEST_CASE("PACE with a wrong PIN reports the new retry counter", "[pace]") {
    test::ScriptedCard card(bsiScript("9000", "63C2"));
    PaceChannel pace(card, paceFrom(kBsiCardAccess));
    pace.useTerminalKeysForTesting(bsiKeys());
    auto result = pace.establish(pinRequest());
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::AuthenticationFailed);
    CHECK(result.error().message == "The PIN is wrong");
    CHECK(pace.pinState() == PinState::OneFailure);
}

TEST_CASE("PACE stops before General Authenticate when the PIN is blocked or deactivated",
          "[pace]") {
    for (const char* sw : {"63C0", "6283"}) {
        test::ScriptedCard card(bsiScript(sw, "9000"));
        PaceChannel pace(card, paceFrom(kBsiCardAccess));
        auto result = pace.establish(pinRequest());
        REQUIRE_FALSE(result);
        CHECK(result.error().code == ErrorCode::AuthenticationFailed);
        CHECK(card.sent.size() == 1);
    }
}

TEST_CASE("PIN state query maps every status word the card uses", "[pace]") {
    const std::pair<const char*, PinState> cases[] = {{"9000", PinState::Operational},
                                                      {"63C2", PinState::OneFailure},
                                                      {"63C1", PinState::Suspended},
                                                      {"63C0", PinState::Blocked},
                                                      {"6283", PinState::Deactivated}};
    for (const auto& [sw, state] : cases) {
        test::ScriptedCard card(
            {{hexBytes("0022C1A412800A04007F00070202040202830103 84010D"), hexBytes(sw)}});
        PaceChannel pace(card, paceFrom(kBsiCardAccess));
        auto result = pace.queryPinState();
        REQUIRE(result);
        CHECK(*result == state);
    }
    test::ScriptedCard card(
        {{hexBytes("0022C1A412800A04007F00070202040202830103 84010D"), hexBytes("6A88")}});
    PaceChannel pace(card, paceFrom(kBsiCardAccess));
    CHECK(pace.queryPinState().error().code == ErrorCode::CardError);
}

TEST_CASE("PACE sends a CHAT in MSE:Set AT and returns the CARs", "[pace]") {
    auto script = bsiScript("9000", "9000");
    const Bytes chat = hexBytes("7F4C12060904007F0007030102025305000513FF87");
    script[0].first = concat({hexBytes("0022C1A427800A04007F00070202040202830103 84010D"), chat});
    // Lc grows by the CHAT; the GA4 answer carries 87 and an empty 88.
    script[4].second = hexBytes("7C1B8608A2658C2F38600B0F870D444543564341415430303030318800 9000");
    test::ScriptedCard card(script);
    PaceChannel pace(card, paceFrom(kBsiCardAccess));
    pace.useTerminalKeysForTesting(bsiKeys());
    PaceRequest request = pinRequest();
    request.chat = chat;
    auto result = pace.establish(request);
    CHECK(card.mismatches.empty());
    INFO((result ? std::string() : result.error().detail));
    REQUIRE(result);
    REQUIRE(result->currentCar);
    CHECK(*result->currentCar == asciiBytes("DECVCAAT00001"));
    REQUIRE(result->previousCar);
    CHECK(result->previousCar->empty());
}

TEST_CASE("PACE sends the certificate description hash as certificate extension", "[pace]") {
    const Bytes chat = hexBytes("7F4C12060904007F0007030102025305000513FF87");
    const Bytes hash = Bytes(32, 0xAB);
    const Bytes extension = concat({hexBytes("652F 732D 060904007F000703010301 8020"), hash});
    test::ScriptedCard card(
        {{concat({hexBytes("0022C1A458800A04007F00070202040202830103 84010D"), chat, extension}),
          hexBytes("9000")}});
    PaceChannel pace(card, paceFrom(kBsiCardAccess));
    PaceRequest request = pinRequest();
    request.chat = chat;
    request.certificateDescriptionHash = hash;
    auto result = pace.establish(request);
    // MSE:Set AT matched the script; step 1 is not scripted and is the only mismatch.
    REQUIRE(card.sent.size() == 2);
    CHECK(card.mismatches.size() == 1);
    CHECK(card.mismatches[0] == toHex(card.sent[1]));
}

TEST_CASE("PACE with a suspended PIN tries and reports the card's refusal", "[pace]") {
    test::ScriptedCard card(bsiScript("63C1", "6985"));
    PaceChannel pace(card, paceFrom(kBsiCardAccess));
    pace.useTerminalKeysForTesting(bsiKeys());
    auto result = pace.establish(pinRequest());
    REQUIRE_FALSE(result);
    CHECK(result.error().message == "The PIN is suspended. Enter the CAN first.");
    CHECK(card.finished());
    CHECK(pace.pinState() == PinState::Suspended);
    CHECK(retryCounter(PinState::Suspended) == 1);
}
