#include <catch2/catch.hpp>

#include "ChipAuthenticationWorkedExample.h"
#include "ScriptedCard.h"
#include "eac/ChipAuthentication.h"

using namespace oa;
using namespace oa::eac;
using namespace oa::eac::test;

namespace {

std::vector<std::pair<Bytes, Bytes>> script(const char* token) {
    return {
        {hexBytes("002241A40F800A04007F00070202030202840101"), hexBytes("9000")},
        {concat({hexBytes("00860000457C438041"), hexBytes(kTerminalPublic), hexBytes("00")}),
         concat({hexBytes("7C1481084287B3072A3EDC608208"), hexBytes(token), hexBytes("9000")})}};
}

}  // namespace

TEST_CASE("Chip Authentication reproduces the BSI worked example", "[ca][bsi]") {
    test::ScriptedCard card(script("FF0117D68DEE8E72"));
    ChipAuthentication ca(card, workedExampleInfo(), *DomainParameters::standardized(13));
    auto comp = ca.prepareEphemeralKey(SecureBytes(hexBytes(kTerminalPrivate)));
    REQUIRE(comp);
    CHECK(*comp == hexBytes("5A7A377FC9CAFC03AC7FF45441A8B2909D88EAB8E6B0173847AB49B949DF3799"));
    auto keys = ca.authenticate(hexBytes(kChipStaticKey));
    CHECK(card.mismatches.empty());
    REQUIRE(keys);
    CHECK(Bytes(keys->encryption.bytes().begin(), keys->encryption.bytes().end()) ==
          hexBytes("94ABCD271AB7D9A5590BA52CB518B831"));
    CHECK(Bytes(keys->mac.bytes().begin(), keys->mac.bytes().end()) ==
          hexBytes("78B5709E7ABEDB185B424D0EE3A82499"));
}

TEST_CASE("Chip Authentication rejects a chip that does not hold the static key", "[ca]") {
    test::ScriptedCard card(script("FF0117D68DEE8E73"));
    ChipAuthentication ca(card, workedExampleInfo(), *DomainParameters::standardized(13));
    REQUIRE(ca.prepareEphemeralKey(SecureBytes(hexBytes(kTerminalPrivate))));
    auto keys = ca.authenticate(hexBytes(kChipStaticKey));
    REQUIRE_FALSE(keys);
    CHECK(keys.error().code == ErrorCode::AuthenticationFailed);
}
