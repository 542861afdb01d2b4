// Card side review (stop 15): what a card, or an attacker between reader and card, can change in
// the unprotected answers before PACE must not survive passive authentication.
#include <catch2/catch.hpp>

#include "InProcessCard.h"
#include "PassThroughCard.h"
#include "TestTerminal.h"
#include "asn1/Tlv.h"
#include "eid/CharacterString.h"
#include "eid/EidData.h"
#include "eid/SelfAuthentication.h"

using namespace oa;
using namespace oa::eid;
using namespace oa::test;

namespace {

// Passes every APDU on, but adds one SecurityInfo to EF.CardAccess (read unprotected before
// PACE through its short file identifier 1C).
class CardAccessAddingCard : public PassThroughCard {
public:
    CardAccessAddingCard(Card& inner, Bytes extraInfo)
        : PassThroughCard(inner), extraInfo_(std::move(extraInfo)) {}

    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        auto response = inner_.transmit(command);
        if (!response || command.ins() != 0xB0 || command.p1() != 0x9C) return response;
        auto set = asn1::readOne(response->data());
        if (!set || set->tag != 0x31) return response;
        ++changed;
        return ResponseApdu(asn1::encode(0x31, {set->value, extraInfo_}), response->sw());
    }

    int changed = 0;

private:
    Bytes extraInfo_;
};

SelfAuthenticationRequest readGivenNames() {
    SelfAuthenticationRequest request;
    request.dataGroups = {DataGroup::DG4};
    request.pin = secret("123456");
    return request;
}

}  // namespace

TEST_CASE(
    "Self-authentication refuses an EF.CardAccess whose PACEInfo the signed "
    "EF.CardSecurity does not contain",
    "[selfauth][review]") {
    InProcessCard sim;
    // id-PACE-ECDH-GM-AES-CBC-CMAC-128, version 2, NIST P-256 (12): the card runs PACE with its
    // own first PACEInfo, but this one is nowhere in what the document signer signed.
    CardAccessAddingCard card(*sim.card, hexBytes("3012060A04007F0007020204020202010202010C"));
    SelfAuthentication session(card, testTerminal(), testCscaOnly());
    auto result = session.run(readGivenNames());
    REQUIRE(card.changed == 1);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::AuthenticationFailed);
    CHECK(result.error().detail.find("PACEInfo") != std::string::npos);
    CHECK_FALSE(sim.virtualCard->chipAuthenticated());
}

TEST_CASE("Self-authentication accepts an EF.CardAccess with an unknown SecurityInfo",
          "[selfauth][review]") {
    InProcessCard sim;
    // An unknown OID (a CardInfoLocator-like arc): kept, not compared, not fatal.
    CardAccessAddingCard card(*sim.card, hexBytes("300E060904007F000702020901020101"));
    SelfAuthentication session(card, testTerminal(), testCscaOnly());
    auto result = session.run(readGivenNames());
    INFO((result ? std::string() : result.error().message + " / " + result.error().detail));
    REQUIRE(card.changed == 1);
    REQUIRE(result);
    CHECK(result->data.givenNames == "ERIKA");
}

namespace {

// DG5 (family names) holding one UTF8String with the given bytes.
Result<void> decodeFamilyNames(const Bytes& utf8) {
    EidData data;
    return decodeDataGroup(DataGroup::DG5, asn1::encode(0x65, asn1::encode(0x0C, utf8)), data);
}

}  // namespace

TEST_CASE("Names with bidirectional controls or Unicode line separators are refused",
          "[datagroups][review]") {
    // "MÜLLER" and "ŁUKASZ-ĆWIK" are names; the rest are MUSTER<control>MANN.
    CHECK(decodeFamilyNames(hexBytes("4DC39C4C4C4552")));
    CHECK(decodeFamilyNames(hexBytes("C5815552415A2DC48657494B")));
    for (const char* control : {"D89C",       // U+061C arabic letter mark
                                "E2808E",     // U+200E left-to-right mark
                                "E2808F",     // U+200F right-to-left mark
                                "E280AA",     // U+202A left-to-right embedding
                                "E280AE",     // U+202E right-to-left override
                                "E281A6",     // U+2066 left-to-right isolate
                                "E281A9",     // U+2069 pop directional isolate
                                "E280A8",     // U+2028 line separator
                                "E280A9"}) {  // U+2029 paragraph separator
        INFO(control);
        const Bytes name =
            concat({hexBytes("4D5553544552"), hexBytes(control), hexBytes("4D414E4E")});
        auto decoded = decodeFamilyNames(name);
        REQUIRE_FALSE(decoded);
        CHECK(decoded.error().code == ErrorCode::InvalidInput);
        CHECK_FALSE(checkCharacters(name, CharacterString::Utf8, true));
    }
}
