#include <catch2/catch.hpp>

#include "ScriptedCard.h"
#include "eac/ChipAuthentication.h"

using namespace oa;
using namespace oa::eac;

namespace {

// BSI Worked Example v1.01, Chip Authentication v2 on brainpoolP256r1.
const char* kChipStaticKey =
    "04A44EBE5451DF7AADB01E459B8C928A87746A57927C8C28A6775C97A7E1FE8D9A46FF4A1CC7E4D1389AEA19758E4"
    "F75C28C598FD734AEBEB135337CF95BE12E94";
const char* kTerminalPrivate = "00A6A4D255C5BF7A77EC3D0553DB74F693CF044E18C98364D4977A296108AF19BD";
const char* kTerminalPublic =
    "045A7A377FC9CAFC03AC7FF45441A8B2909D88EAB8E6B0173847AB49B949DF3799A34EE57EC55268CF8B1C3EC489F"
    "8BF4CF4C68D3FD9670E89C0D5D3FFF1AAF89F";

ChipAuthenticationInfo workedExampleInfo() {
    ChipAuthenticationInfo info;
    info.protocol = hexBytes("04007F00070202030202");
    info.version = 2;
    info.keyId = 1;
    return info;
}

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
