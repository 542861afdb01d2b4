#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

#include "asn1/Tlv.h"
#include "eac/SecurityInfos.h"

using namespace oa;
using namespace oa::eac;

namespace {

Bytes readFixture(const std::string& name) {
    std::ifstream file(std::string(OA_EAC_TEST_DATA) + "/pa/" + name, std::ios::binary);
    REQUIRE(file);
    return Bytes(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

Bytes seq(std::initializer_list<ByteView> parts) {
    return asn1::encode(0x30, parts);
}

Bytes oid(const char* hex) {
    return asn1::encode(0x06, hexBytes(hex));
}

Bytes integer(std::uint8_t value) {
    return asn1::encode(0x02, Bytes{value});
}

Bytes setOf(const Bytes& info) {
    return asn1::encode(0x31, {info});
}

const char* kIdPkEcdh = "04007F000702020102";
const char* kIdPkDh = "04007F000702020101";
const char* kStandardized = "04007F00070102";
const char* kPoint =
    "04A44EBE5451DF7AADB01E459B8C928A87746A57927C8C28A6775C97A7E1FE8D9A46FF4A1CC7E4D1389AEA"
    "19758E4F75C28C598FD734AEBEB135337CF95BE12E94";

Bytes standardized(std::uint8_t id) {
    return seq({oid(kStandardized), integer(id)});
}

Bytes bitString(ByteView content) {
    return asn1::encode(0x03, {Bytes{0x00}, content});
}

Bytes caPublicKeyInfo(const char* protocol, ByteView algorithm, ByteView key, int keyId = -1) {
    const Bytes spki = seq({algorithm, bitString(key)});
    if (keyId < 0) return seq({oid(protocol), spki});
    return seq({oid(protocol), spki, integer(static_cast<std::uint8_t>(keyId))});
}

bool refused(const Bytes& info) {
    auto parsed = SecurityInfos::parse(setOf(info));
    return !parsed && parsed.error().code == ErrorCode::InvalidInput;
}

}  // namespace

TEST_CASE("SecurityInfos reads every info of the BSI worked example EF.CardSecurity",
          "[securityinfos]") {
    // security-infos.der is the eContent as `openssl cms -verify` extracted it.
    auto infos = SecurityInfos::parse(readFixture("security-infos.der"));
    REQUIRE(infos);
    REQUIRE(infos->chipAuthenticationPublicKeys().size() == 1);
    const auto& key = infos->chipAuthenticationPublicKeys()[0];
    CHECK(key.protocol == hexBytes(kIdPkEcdh));
    CHECK(key.keyAgreement == KeyAgreement::Ecdh);
    CHECK(key.domainParameters.algorithm == hexBytes(kStandardized));
    CHECK(key.domainParameters.parameterId == 13);
    CHECK(key.publicKey == hexBytes(kPoint));
    CHECK(key.keyId == 1);

    REQUIRE(infos->restrictedIdentificationInfos().size() == 2);
    const auto& first = infos->restrictedIdentificationInfos()[0];
    CHECK(first.protocol == hexBytes("04007F00070202050203"));
    CHECK(first.keyAgreement == KeyAgreement::Ecdh);
    CHECK(first.hash == crypto::HashAlgorithm::Sha256);
    CHECK(first.version == 1);
    CHECK(first.keyId == 1);
    CHECK_FALSE(first.authorizedOnly);
    CHECK_FALSE(first.maxKeyLength);
    CHECK(infos->restrictedIdentificationInfos()[1].keyId == 2);
    CHECK(infos->restrictedIdentificationInfos()[1].authorizedOnly);
    REQUIRE(infos->restrictedIdentificationDomainParameters().size() == 1);
    CHECK(infos->restrictedIdentificationDomainParameters()[0].domainParameters.parameterId == 13);

    // The copy of EF.CardAccess inside is read as before.
    CHECK(infos->paceInfos().size() == 1);
    CHECK(infos->chipAuthenticationInfos().size() == 1);
    CHECK(infos->terminalAuthenticationInfo());
    REQUIRE(infos->unknownInfos().size() == 1);  // CardInfoLocator
    CHECK(infos->unknownInfos()[0].protocol == hexBytes("04007F0007020206"));

    auto chosen = infos->chipAuthenticationPublicKey(infos->chipAuthenticationInfos()[0]);
    REQUIRE(chosen);
    CHECK(chosen->publicKey == hexBytes(kPoint));
}

TEST_CASE("ChipAuthenticationPublicKeyInfo with explicit EC domain parameters and no keyId",
          "[securityinfos]") {
    const Bytes explicitCurve = seq({oid("2A8648CE3D0201"), seq({integer(1)})});
    auto infos =
        SecurityInfos::parse(setOf(caPublicKeyInfo(kIdPkEcdh, explicitCurve, hexBytes(kPoint))));
    REQUIRE(infos);
    const auto& key = infos->chipAuthenticationPublicKeys().at(0);
    CHECK(key.domainParameters.algorithm == hexBytes("2A8648CE3D0201"));
    CHECK_FALSE(key.domainParameters.parameterId);
    CHECK(key.domainParameters.parameters == seq({integer(1)}));
    CHECK_FALSE(key.keyId);
    ChipAuthenticationInfo protocol;
    CHECK(infos->chipAuthenticationPublicKey(protocol));
    protocol.keyId = 7;
    CHECK_FALSE(infos->chipAuthenticationPublicKey(protocol));
    protocol.keyId.reset();
    protocol.keyAgreement = KeyAgreement::Dh;
    CHECK_FALSE(infos->chipAuthenticationPublicKey(protocol));
}

TEST_CASE("ChipAuthenticationPublicKeyInfo for DH carries y without the INTEGER wrapping",
          "[securityinfos]") {
    const Bytes y = asn1::encode(0x02, hexBytes("00C1D2E3F4"));
    auto infos = SecurityInfos::parse(setOf(caPublicKeyInfo(kIdPkDh, standardized(2), y, 3)));
    REQUIRE(infos);
    const auto& key = infos->chipAuthenticationPublicKeys().at(0);
    CHECK(key.keyAgreement == KeyAgreement::Dh);
    CHECK(key.publicKey == hexBytes("C1D2E3F4"));
    CHECK(key.keyId == 3);
    // A proprietary parameter ID is kept for the user of the key to judge.
    auto proprietary = SecurityInfos::parse(setOf(caPublicKeyInfo(kIdPkDh, standardized(40), y)));
    REQUIRE(proprietary);
    CHECK(proprietary->chipAuthenticationPublicKeys().at(0).domainParameters.parameterId == 40);
    const Bytes explicitGroup = seq({oid("2A8648CE3E0201"), seq({integer(23), integer(5)})});
    CHECK(SecurityInfos::parse(setOf(caPublicKeyInfo(kIdPkDh, explicitGroup, y))));
}

TEST_CASE("ChipAuthenticationPublicKeyInfo of the wrong shape is refused", "[securityinfos]") {
    const Bytes point = hexBytes(kPoint);
    CHECK(refused(seq({oid(kIdPkEcdh)})));
    CHECK(refused(
        seq({oid(kIdPkEcdh), seq({standardized(13), bitString(point)}), integer(1), integer(2)})));
    CHECK(refused(seq({oid(kIdPkEcdh), seq({standardized(13)}), integer(1)})));
    CHECK(refused(seq({oid(kIdPkEcdh), seq({standardized(13), asn1::encode(0x04, point)})})));
    // Unused bits in the BIT STRING, a compressed point, a DH group for ECDH, unknown algorithm.
    CHECK(refused(
        seq({oid(kIdPkEcdh), seq({standardized(13), asn1::encode(0x03, {Bytes{0x01}, point})})})));
    CHECK(refused(caPublicKeyInfo(kIdPkEcdh, standardized(13), hexBytes("02A44EBE"))));
    CHECK(refused(caPublicKeyInfo(kIdPkEcdh, standardized(2), point)));
    CHECK(refused(caPublicKeyInfo(kIdPkEcdh, seq({oid("2A864886F70D010101"), seq({})}), point)));
    CHECK(refused(caPublicKeyInfo(kIdPkEcdh, seq({oid(kStandardized)}), point)));
    // DH key that is not a minimal positive INTEGER, or has trailing bytes.
    CHECK(refused(caPublicKeyInfo(kIdPkDh, standardized(0), hexBytes("0202007F"))));
    CHECK(refused(caPublicKeyInfo(kIdPkDh, standardized(0), hexBytes("020180"))));
    CHECK(refused(caPublicKeyInfo(kIdPkDh, standardized(0), hexBytes("02017F00"))));
    CHECK(refused(caPublicKeyInfo(kIdPkDh, standardized(13), hexBytes("02017F"))));
}

TEST_CASE("RestrictedIdentification infos of the wrong shape are refused", "[securityinfos]") {
    const char* riEcdhSha256 = "04007F00070202050203";
    const Bytes params = seq({integer(1), integer(1), hexBytes("0101FF")});
    auto good = SecurityInfos::parse(setOf(seq({oid(riEcdhSha256), params, integer(64)})));
    REQUIRE(good);
    CHECK(good->restrictedIdentificationInfos().at(0).maxKeyLength == 64);
    CHECK(good->restrictedIdentificationInfos().at(0).authorizedOnly);

    CHECK(refused(seq({oid(riEcdhSha256)})));
    CHECK(refused(seq({oid(riEcdhSha256), seq({integer(1), integer(1)})})));
    CHECK(refused(seq({oid(riEcdhSha256), seq({integer(1), integer(1), hexBytes("010101")})})));
    CHECK(refused(seq({oid(riEcdhSha256), seq({integer(1), integer(1), integer(0)})})));
    CHECK(refused(seq({oid(riEcdhSha256), params, hexBytes("0101FF")})));
    CHECK(refused(seq({oid("04007F000702020502"), standardized(13), integer(1)})));
    CHECK(refused(seq({oid("04007F000702020502"), standardized(1)})));
    CHECK(refused(seq({oid("04007F000702020501"), hexBytes("0500")})));

    // An RI hash arc we do not know stays an unknown info, as new protocols do.
    auto future = SecurityInfos::parse(setOf(seq({oid("04007F00070202050209"), params})));
    REQUIRE(future);
    CHECK(future->unknownInfos().size() == 1);
}
