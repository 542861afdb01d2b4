// Restricted Identification after self-authentication: the card's pseudonym for the sector that
// the terminal certificate names, against the virtual card in the in-process reader.
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

Result<SelfAuthenticationResult> pseudonymOf(const std::string& profile, Bytes sectorKey) {
    InProcessCard sim(InProcessCard::profile(profile));
    SelfAuthentication session(*sim.card, testTerminal(), testCscaOnly());
    SelfAuthenticationRequest request;
    request.dataGroups = {DataGroup::DG4};
    request.pin = secret("123456");
    request.sectorPublicKey = std::move(sectorKey);
    return session.run(request);
}

}  // namespace

TEST_CASE("The card gives the same pseudonym for the same sector every time", "[ri]") {
    const Bytes sector = sim::TestPki::builtIn().sectorPublicKey();
    auto first = pseudonymOf("mustermann", sector);
    INFO((first ? std::string() : first.error().message + " / " + first.error().detail));
    REQUIRE(first);
    REQUIRE(first->sectorIdentifier.has_value());
    CHECK(first->sectorIdentifier->size() == 32);  // SHA-256 of the key agreement
    CHECK(first->data.givenNames.has_value());

    auto second = pseudonymOf("mustermann", sector);
    REQUIRE(second);
    CHECK(second->sectorIdentifier == first->sectorIdentifier);
}

TEST_CASE("Two cards give two different pseudonyms for one sector", "[ri]") {
    const Bytes sector = sim::TestPki::builtIn().sectorPublicKey();
    auto adult = pseudonymOf("mustermann", sector);
    auto minor = pseudonymOf("under18", sector);
    REQUIRE(adult);
    REQUIRE(minor);
    CHECK(adult->sectorIdentifier != minor->sectorIdentifier);
}

TEST_CASE("A sector key the terminal certificate does not name gets no pseudonym", "[ri]") {
    auto other = sim::TestPki::generate("00077");
    REQUIRE(other);
    auto refused = pseudonymOf("mustermann", other->sectorPublicKey());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::AuthenticationFailed);
    CHECK(refused.error().message.find("pseudonym") != std::string::npos);
}

TEST_CASE("A malformed sector key is refused before the card is asked", "[ri]") {
    auto refused = pseudonymOf("mustermann", hexBytes("86 03 010203"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::InvalidInput);
}
