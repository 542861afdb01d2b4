#include <catch2/catch.hpp>

#include <chrono>

#include "eac/CardAccessReader.h"
#include "eac/PassiveAuthentication.h"
#include "sim/card/CardProfile.h"
#include "sim/card/EfCardAccess.h"
#include "sim/card/VirtualCard.h"
#include "sim/pki/TestPki.h"

using namespace oa;
using namespace oa::eac;
using namespace std::chrono;

namespace {

system_clock::time_point insideTestPki() {
    return sys_days{year{2030} / June / 1};
}

CscaTrustList testPkiCsca() {
    auto trust = CscaTrustList::fromPem(sim::TestPki::builtIn().cscaPem());
    REQUIRE(trust);
    return std::move(*trust);
}

}  // namespace

TEST_CASE("EF.CardSecurity of the virtual card verifies under the test PKI's CSCA only",
          "[pa][virtualcard]") {
    for (const auto& name : sim::builtInProfileNames()) {
        INFO(name);
        auto profile = sim::builtInProfile(name);
        REQUIRE(profile);
        VirtualCard card(*profile);
        const Bytes cardSecurity = card.cardSecurity();
        REQUIRE_FALSE(cardSecurity.empty());

        auto verified = verifyCardSecurity(cardSecurity, testPkiCsca(), insideTestPki());
        INFO((verified ? std::string() : verified.error().detail));
        REQUIRE(verified);
        CHECK(verified->issuingCountry == "DE");
        // The chip key it hands out is the card's own.
        const auto& infos = verified->infos;
        REQUIRE_FALSE(infos.chipAuthenticationInfos().empty());
        auto key = infos.chipAuthenticationPublicKey(infos.chipAuthenticationInfos()[0]);
        REQUIRE(key);
        CHECK(key->publicKey == card.chipAuthenticationPublicKey());
        CHECK(infos.restrictedIdentificationInfos().size() == 1);
        auto cardAccess = SecurityInfos::parse(sim::encodeEfCardAccess(profile->crypto));
        REQUIRE(cardAccess);
        CHECK(checkCardAccessIsSigned(*cardAccess, *verified));

        // Production trust never accepts the test PKI.
        auto production =
            verifyCardSecurity(cardSecurity, CscaTrustList::production(), insideTestPki());
        REQUIRE_FALSE(production);
        CHECK(production.error().code == ErrorCode::AuthenticationFailed);
    }
}
