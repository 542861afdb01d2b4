#include <catch2/catch.hpp>

#include "asn1/Tlv.h"
#include "eac/SecurityInfos.h"

using namespace oa;
using namespace oa::eac;

namespace {

const char* kBsiCardAccess =
    "3181C6300D060804007F00070202020201023012060A04007F000702020302020201020201013012060A04007F00"
    "07020204020202010202010D301C060904007F000702020302300C060704007F0007010202010D020101302F0608"
    "04007F0007020206162368747470733A2F2F7777772E686A702D636F6E73756C74696E672E636F6D2F686F6D6530"
    "3E060804007F000702020831323012060A04007F00070202030202020102020102301C060904007F000702020302"
    "300C060704007F0007010202010D020102";

Bytes paceInfo(const char* protocol, int version, int parameterId) {
    return asn1::encode(0x30, {asn1::encode(0x06, hexBytes(protocol)),
                               asn1::encode(0x02, Bytes{static_cast<std::uint8_t>(version)}),
                               asn1::encode(0x02, Bytes{static_cast<std::uint8_t>(parameterId)})});
}

Bytes setOf(std::initializer_list<ByteView> infos) {
    return asn1::encode(0x31, infos);
}

}  // namespace

TEST_CASE("SecurityInfos reads the BSI worked example EF.CardAccess", "[securityinfos]") {
    auto infos = SecurityInfos::parse(hexBytes(kBsiCardAccess));
    REQUIRE(infos);
    REQUIRE(infos->paceInfos().size() == 1);
    const auto& pace = infos->paceInfos()[0];
    CHECK(pace.protocol == hexBytes("04007F00070202040202"));
    CHECK(pace.version == 2);
    CHECK(pace.parameterId == 13);
    CHECK(pace.keyAgreement == KeyAgreement::Ecdh);
    CHECK(pace.mapping == PaceMapping::Generic);
    CHECK(pace.cipher == crypto::BlockCipher::Aes128);
    REQUIRE(infos->chipAuthenticationInfos().size() == 1);
    CHECK(infos->chipAuthenticationInfos()[0].version == 2);
    CHECK(infos->chipAuthenticationInfos()[0].keyId == 1);
    REQUIRE(infos->chipAuthenticationDomainParameters().size() == 1);
    CHECK(infos->chipAuthenticationDomainParameters()[0].parameterId == 13);
    CHECK(infos->chipAuthenticationDomainParameters()[0].keyId == 1);
    REQUIRE(infos->terminalAuthenticationInfo());
    CHECK(infos->terminalAuthenticationInfo()->version == 2);
    // CardInfoLocator and PrivilegedTerminalInfo stay as unknown infos.
    REQUIRE(infos->unknownInfos().size() == 2);
    CHECK(infos->unknownInfos()[0].protocol == hexBytes("04007F0007020206"));
    CHECK(infos->unknownInfos()[1].protocol == hexBytes("04007F0007020208"));
    auto chosen = infos->choosePace();
    REQUIRE(chosen);
    CHECK(chosen->parameterId == 13);
}

TEST_CASE("PACE choice prefers ECDH with AES and takes 3DES only as last resort",
          "[securityinfos]") {
    const Bytes tdesEc = paceInfo("04007F00070202040201", 2, 13);
    const Bytes aesDh = paceInfo("04007F00070202040102", 2, 2);
    const Bytes aesEc = paceInfo("04007F00070202040204", 2, 15);
    const Bytes imEc = paceInfo("04007F00070202040402", 2, 13);
    auto all = SecurityInfos::parse(setOf({tdesEc, aesDh, imEc, aesEc}));
    REQUIRE(all);
    CHECK(all->choosePace()->protocol == hexBytes("04007F00070202040204"));
    auto noEcAes = SecurityInfos::parse(setOf({tdesEc, aesDh}));
    CHECK(noEcAes->choosePace()->protocol == hexBytes("04007F00070202040102"));
    auto onlyTdes = SecurityInfos::parse(setOf({tdesEc, imEc}));
    CHECK(onlyTdes->choosePace()->cipher == crypto::BlockCipher::Tdes);
}

TEST_CASE("PACE choice refuses what we cannot run", "[securityinfos]") {
    const Bytes integrated = paceInfo("04007F00070202040402", 2, 13);
    const Bytes version1 = paceInfo("04007F00070202040202", 1, 13);
    const Bytes proprietary = paceInfo("04007F00070202040202", 2, 32);
    auto infos = SecurityInfos::parse(setOf({integrated, version1, proprietary}));
    REQUIRE(infos);
    CHECK(infos->choosePace().error().code == ErrorCode::Unsupported);
    auto empty = SecurityInfos::parse(hexBytes("3100"));
    REQUIRE(empty);
    CHECK_FALSE(empty->choosePace());
}

TEST_CASE("SecurityInfos rejects malformed content", "[securityinfos]") {
    // Not a SET, trailing bytes, SecurityInfo without OID, negative or non-minimal version,
    // PACEInfo with too many fields, two TerminalAuthenticationInfos.
    const char* bad[] = {
        "30143012060A04007F0007020204020202010202010D",
        "31143012060A04007F0007020204020202010202010D00",
        "31053003020102",
        "31143012060A04007F000702020402020201FF02010D",
        "3115 3013 060A04007F00070202040202 02020002 02010D",
        "3117 3015 060A04007F00070202040202 020102 02010D 020100",
        "311E 300D060804007F0007020202020102 300D060804007F0007020202020102",
        "31143012060A04007F0007020204020202010202",
    };
    for (const char* hex : bad) {
        INFO(hex);
        auto result = SecurityInfos::parse(hexBytes(hex));
        REQUIRE_FALSE(result);
        CHECK(result.error().code == ErrorCode::InvalidInput);
    }
}
