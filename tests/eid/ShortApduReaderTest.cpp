// The full self-authentication (PACE, TA, passive authentication, CA, data groups) through a
// reader that has no extended length: long commands go out as chained short APDUs under secure
// messaging, long files come in short pieces.
#include <catch2/catch.hpp>

#include <algorithm>

#include "InProcessCard.h"
#include "PassThroughCard.h"
#include "TestTerminal.h"
#include "eid/SelfAuthentication.h"
#include "sim/pki/TestPki.h"

using namespace oa;
using namespace oa::eid;
using namespace oa::test;

namespace {

// A reader path that refuses every extended APDU, as many contactless and older PC/SC readers.
class ShortApduReader : public PassThroughCard {
public:
    explicit ShortApduReader(Card& inner) : PassThroughCard(inner) {}
    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        const Bytes encoded = command.encode();
        if (command.isExtended() || encoded.size() > 261) {
            ++extendedRefused;
            return makeError(ErrorCode::CardError, "extended APDU on a short-only reader",
                             toHex(command.header()));
        }
        // GENERAL AUTHENTICATE chains PACE's steps; every other chained command is a split one.
        if (command.isChained() && command.ins() != 0x86) ++chainedParts;
        if (command.isChained() && command.ins() == 0x2A) ++chainedCertificateParts;
        ++commands;
        auto response = inner_.transmit(command);
        if (response) largestResponse = std::max(largestResponse, response->data().size());
        return response;
    }
    bool supportsExtendedLength() const override { return false; }

    int extendedRefused = 0;
    int chainedParts = 0;
    int chainedCertificateParts = 0;
    int commands = 0;
    std::size_t largestResponse = 0;  // response data, protected as it came from the card
};

SelfAuthenticationRequest everything() {
    SelfAuthenticationRequest request;
    request.dataGroups = allDataGroups();
    request.pin = secret("123456");
    return request;
}

}  // namespace

TEST_CASE("Self-authentication through a reader without extended length reads every data group",
          "[selfauth][short]") {
    const char* profileName = GENERATE("mustermann", "mustermann-p512");
    DYNAMIC_SECTION("profile " << profileName) {
        const sim::CardProfile profile = InProcessCard::profile(profileName);
        InProcessCard sim(profile);
        ShortApduReader reader(*sim.card);
        SelfAuthentication session(reader, testTerminal(), testCscaOnly());
        auto result = session.run(everything());
        INFO((result ? std::string() : result.error().message + " / " + result.error().detail));
        REQUIRE(result);
        CHECK(reader.extendedRefused == 0);
        CHECK(sim.virtualCard->chipAuthenticated());
        CHECK(result->data.familyNames == profile.person.familyNames);
        CHECK(result->data.givenNames == profile.person.givenNames);
        CHECK_FALSE(result->documentSigner.empty());
        // The certificates of the terminal chain outgrow one short protected APDU.
        CHECK(reader.chainedCertificateParts > 0);
        // Short Le throughout: no answer is longer than a short response carries.
        CHECK(reader.largestResponse <= 256);
    }
}

TEST_CASE("After a self-authentication over a short-only reader the next one works as well",
          "[selfauth][short]") {
    InProcessCard sim(InProcessCard::profile("mustermann-p512"));
    ShortApduReader reader(*sim.card);
    for (int run = 0; run < 2; ++run) {
        SelfAuthentication session(reader, testTerminal(), testCscaOnly());
        auto result = session.run(everything());
        INFO("run " << run);
        REQUIRE(result);
        CHECK(result->data.familyNames == "MUSTERMANN");
    }
    CHECK(reader.extendedRefused == 0);
}
