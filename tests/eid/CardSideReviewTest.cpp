// Card side review (stop 15): what a card, or an attacker between reader and card, can change in
// the unprotected answers before PACE must not survive passive authentication.
#include <catch2/catch.hpp>

#include "InProcessCard.h"
#include "TestTerminal.h"
#include "asn1/Tlv.h"
#include "eid/SelfAuthentication.h"

using namespace oa;
using namespace oa::eid;
using oa::test::InProcessCard;
using oa::test::secret;
using oa::test::testCscaOnly;
using oa::test::testTerminal;

namespace {

// Passes every APDU on, but adds one SecurityInfo to EF.CardAccess (read unprotected before
// PACE through its short file identifier 1C).
class CardAccessAddingCard : public Card {
public:
    CardAccessAddingCard(Card& inner, Bytes extraInfo)
        : inner_(inner), extraInfo_(std::move(extraInfo)) {}

    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        auto response = inner_.transmit(command);
        if (!response || command.ins() != 0xB0 || command.p1() != 0x9C) return response;
        auto set = asn1::readOne(response->data());
        if (!set || set->tag != 0x31) return response;
        ++changed;
        return ResponseApdu(asn1::encode(0x31, {set->value, extraInfo_}), response->sw());
    }
    const Bytes& atr() const override { return inner_.atr(); }
    std::string readerName() const override { return inner_.readerName(); }
    bool supportsExtendedLength() const override { return inner_.supportsExtendedLength(); }

    int changed = 0;

private:
    Card& inner_;
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
