// Self-authentication against the virtual card in the in-process reader, with the test PKI's
// terminal identity and CSCA: PACE, TA, passive authentication, CA, then the data groups.
#include <catch2/catch.hpp>

#include "InProcessCard.h"
#include "TestTerminal.h"
#include "eid/SelfAuthentication.h"
#include "sim/pki/TestPki.h"

using namespace oa;
using namespace oa::eid;
using oa::test::InProcessCard;
using oa::test::secret;
using oa::test::testCscaOnly;
using oa::test::testTerminal;

namespace {

SelfAuthenticationRequest request(std::vector<DataGroup> groups, const char* pin = "123456") {
    SelfAuthenticationRequest request;
    request.dataGroups = std::move(groups);
    request.pin = secret(pin);
    return request;
}

std::vector<DataGroup> everyDataGroup() {
    return allDataGroups();
}

std::string described(const EidData& data) {
    std::string text;
    for (const auto& [label, value] : data.describe())
        text += label + ": " + value + "\n";
    return text;
}

}  // namespace

TEST_CASE("Self-authentication reads and decodes every data group of every test person",
          "[selfauth]") {
    for (const auto& name : sim::builtInProfileNames()) {
        if (name == "deactivated" || name == "transport-pin") continue;
        DYNAMIC_SECTION("profile " << name) {
            const sim::CardProfile profile = InProcessCard::profile(name);
            InProcessCard sim(profile);
            SelfAuthentication session(*sim.card, testTerminal(), testCscaOnly());
            auto result = session.run(request(everyDataGroup()));
            INFO((result ? std::string() : result.error().message + " / " + result.error().detail));
            REQUIRE(result);
            CHECK(session.pinStatus() == PinStatus::Operational);
            CHECK(sim.virtualCard->chipAuthenticated());
            CHECK_FALSE(result->documentSigner.empty());
            const EidData& data = result->data;
            CHECK(data.givenNames == profile.person.givenNames);
            CHECK(data.familyNames == profile.person.familyNames);
            CHECK(data.documentType == profile.person.documentType);
            CHECK(data.nationality == profile.person.nationality);
            REQUIRE(data.dateOfBirth.has_value());
            CHECK(data.municipalityId.has_value());
            CHECK(result->read.size() + result->absent.size() == everyDataGroup().size());
            CHECK(std::find(result->absent.begin(), result->absent.end(), DataGroup::DG16) !=
                  result->absent.end());
            const std::string text = described(data);
            CHECK(text.find(profile.person.familyNames) != std::string::npos);
        }
    }
}

TEST_CASE("Self-authentication reads only what was asked, in one session", "[selfauth]") {
    InProcessCard sim;
    SelfAuthentication session(*sim.card, testTerminal(), testCscaOnly());
    auto result = session.run(request({DataGroup::DG4, DataGroup::DG5, DataGroup::DG17}));
    REQUIRE(result);
    CHECK(result->data.givenNames == "ERIKA");
    CHECK(result->data.familyNames == "MUSTERMANN");
    CHECK(result->data.placeOfResidence.has_value());
    CHECK_FALSE(result->data.dateOfBirth.has_value());
    CHECK(result->read.size() == 3);
}

TEST_CASE("A card signed under an unknown CSCA is not trusted and gives no data", "[selfauth]") {
    InProcessCard sim;
    SelfAuthentication session(*sim.card, testTerminal(),
                               passiveAuthentication(eac::CscaTrustList::production()));
    auto result = session.run(request({DataGroup::DG4}));
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::AuthenticationFailed);
    CHECK(result.error().message.find("genuine") != std::string::npos);
    CHECK_FALSE(sim.virtualCard->chipAuthenticated());
}

TEST_CASE("Self-authentication with a wrong PIN reports 2 tries left", "[selfauth]") {
    InProcessCard sim;
    SelfAuthentication session(*sim.card, testTerminal(), testCscaOnly());
    auto result = session.run(request({DataGroup::DG4}, "111111"));
    REQUIRE_FALSE(result);
    CHECK(result.error().message == "The PIN is wrong");
    CHECK(session.pinStatus() == PinStatus::TwoTriesLeft);
}

TEST_CASE("Self-authentication resumes a suspended PIN with the CAN", "[selfauth]") {
    sim::CardProfile profile = sim::defaultProfile();
    profile.pinState.retryCounter = 1;
    InProcessCard sim(std::move(profile));
    SelfAuthentication session(*sim.card, testTerminal(), testCscaOnly());
    auto withoutCan = session.run(request({DataGroup::DG4}));
    REQUIRE_FALSE(withoutCan);
    CHECK(session.pinStatus() == PinStatus::Suspended);

    auto withCan = request({DataGroup::DG4});
    withCan.can = secret("500540");
    auto result = session.run(withCan);
    INFO((result ? std::string() : result.error().message + " / " + result.error().detail));
    REQUIRE(result);
    CHECK(result->data.givenNames == "ERIKA");
    CHECK(session.pinStatus() == PinStatus::Operational);
}

TEST_CASE("Self-authentication refuses the transport PIN and a deactivated card with the next step",
          "[selfauth]") {
    {
        InProcessCard sim(InProcessCard::profile("transport-pin"));
        SelfAuthentication session(*sim.card, testTerminal(), testCscaOnly());
        auto result = session.run(request({DataGroup::DG4}, "12345"));
        REQUIRE_FALSE(result);
        CHECK(session.pinStatus() == PinStatus::TransportPin);
        CHECK(result.error().message.find("change-pin") != std::string::npos);
    }
    {
        InProcessCard sim(InProcessCard::profile("deactivated"));
        SelfAuthentication session(*sim.card, testTerminal(), testCscaOnly());
        auto result = session.run(request({DataGroup::DG4}));
        REQUIRE_FALSE(result);
        CHECK(session.pinStatus() == PinStatus::Deactivated);
        CHECK(result.error().message.find("switched off") != std::string::npos);
    }
}

TEST_CASE("A card pulled out at any point ends self-authentication with CardRemoved",
          "[selfauth]") {
    // EF.CardAccess, PACE (5), TA (chain, MSE, challenge, signature), EF.CardSecurity, CA, DGs.
    for (int removeBefore : {1, 3, 7, 9, 13, 15, 17, 19}) {
        DYNAMIC_SECTION("removed before APDU " << removeBefore) {
            InProcessCard sim;
            oa::test::RemovingCard removing(*sim.card, sim.backend, removeBefore);
            SelfAuthentication session(removing, testTerminal(), testCscaOnly());
            auto result = session.run(request({DataGroup::DG4, DataGroup::DG5}));
            REQUIRE_FALSE(result);
            INFO(result.error().message << " / " << result.error().detail);
            CHECK(result.error().code == ErrorCode::CardRemoved);
        }
    }
}

TEST_CASE("Broken secure messaging ends self-authentication for good", "[selfauth]") {
    // The card's session is reset behind our back after PACE: its next answer is unprotected.
    class ResettingCard : public Card {
    public:
        ResettingCard(Card& inner, VirtualCard& card) : inner_(inner), card_(card) {}
        Result<ResponseApdu> transmit(const CommandApdu& command) override {
            // The second protected command: the first one's answer came under SM.
            if ((command.cla() & 0x0C) == 0x0C && ++protected_ == 2) card_.reset();
            return inner_.transmit(command);
        }
        const Bytes& atr() const override { return inner_.atr(); }
        std::string readerName() const override { return inner_.readerName(); }

    private:
        Card& inner_;
        VirtualCard& card_;
        int protected_ = 0;
    };
    InProcessCard sim;
    ResettingCard resetting(*sim.card, *sim.virtualCard);
    SelfAuthentication session(resetting, testTerminal(), testCscaOnly());
    auto result = session.run(request({DataGroup::DG4}));
    REQUIRE_FALSE(result);
    INFO(result.error().message << " / " << result.error().detail);
    CHECK(result.error().code == ErrorCode::SecureMessaging);
}

TEST_CASE("A data group the terminal may not read is refused before the card is asked",
          "[selfauth]") {
    InProcessCard sim;
    oa::test::RemovingCard counting(*sim.card, sim.backend, 1000);
    SelfAuthentication session(counting, testTerminal(), testCscaOnly());
    CHECK_FALSE(session.run(request({})));
    CHECK(counting.sent() == 0);
}
