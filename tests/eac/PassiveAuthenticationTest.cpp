#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <string>

#include "eac/PassiveAuthentication.h"

using namespace oa;
using namespace oa::eac;
using namespace std::chrono;

namespace {

const std::string kPaData = std::string(OA_EAC_TEST_DATA) + "/pa/";

// The chip's static CA key of the BSI worked example (spec digest 3.4).
const char* kBsiChipAuthenticationKey =
    "04A44EBE5451DF7AADB01E459B8C928A87746A57927C8C28A6775C97A7E1FE8D9A46FF4A1CC7E4D1389AEA19758E"
    "4F75C28C598FD734AEBEB135337CF95BE12E94";

Bytes readFile(const std::string& name) {
    std::ifstream file(kPaData + name, std::ios::binary);
    REQUIRE(file);
    return Bytes(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

CscaTrustList trustFrom(const std::string& pemFile) {
    auto list = CscaTrustList::fromFile(kPaData + pemFile);
    REQUIRE(list);
    return std::move(*list);
}

// Inside the validity of the fixtures' document signers, after the one-day signer expired.
system_clock::time_point fixtureNow() {
    return sys_days{year{2028} / January / 15};
}

void requireRefused(const Result<VerifiedCardSecurity>& result, ErrorCode code,
                    const std::string& message, const std::string& detail) {
    REQUIRE_FALSE(result);
    CHECK(result.error().code == code);
    CHECK(result.error().message == message);
    CHECK_THAT(result.error().detail, Catch::Contains(detail));
}

const std::string kUntrusted = "The ID card's security data is not signed by a trusted authority";
const std::string kDamaged = "The ID card's security data is damaged";

}  // namespace

TEST_CASE("Passive authentication accepts EF.CardSecurity signed under a trusted CSCA", "[pa]") {
    auto verified =
        verifyCardSecurity(readFile("card-security.der"), trustFrom("test-csca.pem"), fixtureNow());
    REQUIRE(verified);
    CHECK(verified->issuingCountry == "DE");
    CHECK_THAT(verified->documentSigner, Catch::Contains("CN=ds"));
    CHECK_THAT(verified->documentSigner, Catch::Contains("O=OpenAusweis test"));
    REQUIRE(verified->infos.chipAuthenticationPublicKeys().size() == 1);
    CHECK(verified->infos.chipAuthenticationPublicKeys()[0].publicKey ==
          hexBytes(kBsiChipAuthenticationKey));
    CHECK(verified->infos.paceInfos().size() == 1);
}

TEST_CASE("Passive authentication refuses a document signer of an untrusted CSCA", "[pa]") {
    const Bytes cardSecurity = readFile("card-security.der");
    requireRefused(verifyCardSecurity(cardSecurity, trustFrom("other-csca.pem"), fixtureNow()),
                   ErrorCode::AuthenticationFailed, kUntrusted, "unable to get local issuer");
    requireRefused(verifyCardSecurity(cardSecurity, CscaTrustList{}, fixtureNow()),
                   ErrorCode::AuthenticationFailed, kUntrusted, "unable to get local issuer");
}

TEST_CASE("Passive authentication refuses tampered signed content", "[pa]") {
    Bytes cardSecurity = readFile("card-security.der");
    const Bytes key = hexBytes(kBsiChipAuthenticationKey);
    auto at = std::search(cardSecurity.begin(), cardSecurity.end(), key.begin(), key.end());
    REQUIRE(at != cardSecurity.end());
    at[10] ^= 0x01;  // another chip key: the card would be a clone
    requireRefused(verifyCardSecurity(cardSecurity, trustFrom("test-csca.pem"), fixtureNow()),
                   ErrorCode::AuthenticationFailed, kUntrusted, "CMS signature does not verify");
}

TEST_CASE("Passive authentication refuses a broken signature", "[pa]") {
    Bytes cardSecurity = readFile("card-security.der");
    // The signature value is the last element of the only SignerInfo, at the very end.
    cardSecurity[cardSecurity.size() - 5] ^= 0x40;
    auto result = verifyCardSecurity(cardSecurity, trustFrom("test-csca.pem"), fixtureNow());
    REQUIRE_FALSE(result);
    CHECK(result.error().message == kUntrusted);
}

TEST_CASE("Passive authentication refuses an expired document signer", "[pa]") {
    requireRefused(verifyCardSecurity(readFile("card-security-expired-ds.der"),
                                      trustFrom("test-csca.pem"), fixtureNow()),
                   ErrorCode::AuthenticationFailed,
                   "The ID card's security data is signed with an expired certificate",
                   "certificate has expired at depth 0");
}

TEST_CASE("Passive authentication refuses a document signer not valid yet", "[pa]") {
    requireRefused(verifyCardSecurity(readFile("card-security.der"), trustFrom("test-csca.pem"),
                                      sys_days{year{2020} / January / 1}),
                   ErrorCode::AuthenticationFailed, kUntrusted, "not yet valid");
}

TEST_CASE("Passive authentication refuses a document signer without signature key usage", "[pa]") {
    requireRefused(verifyCardSecurity(readFile("card-security-no-signature-usage.der"),
                                      trustFrom("test-csca.pem"), fixtureNow()),
                   ErrorCode::AuthenticationFailed, kUntrusted, "digitalSignature");
}

TEST_CASE("Passive authentication refuses content other than id-SecurityObject", "[pa]") {
    requireRefused(verifyCardSecurity(readFile("card-security-id-data.der"),
                                      trustFrom("test-csca.pem"), fixtureNow()),
                   ErrorCode::AuthenticationFailed, kUntrusted,
                   "eContentType is 1.2.840.113549.1.7.1, not id-SecurityObject");
}

TEST_CASE("Passive authentication refuses two signers", "[pa]") {
    requireRefused(verifyCardSecurity(readFile("card-security-two-signers.der"),
                                      trustFrom("test-csca.pem"), fixtureNow()),
                   ErrorCode::AuthenticationFailed, kUntrusted, "2 signers instead of exactly one");
}

TEST_CASE("Passive authentication refuses garbage and trailing data", "[pa]") {
    const auto trust = trustFrom("test-csca.pem");
    requireRefused(verifyCardSecurity({}, trust, fixtureNow()), ErrorCode::InvalidInput, kDamaged,
                   "EF.CardSecurity");
    requireRefused(verifyCardSecurity(hexBytes("3003020101"), trust, fixtureNow()),
                   ErrorCode::InvalidInput, kDamaged, "not a CMS ContentInfo");
    requireRefused(verifyCardSecurity(readFile("security-infos.der"), trust, fixtureNow()),
                   ErrorCode::InvalidInput, kDamaged, "not a SEQUENCE");
    Bytes trailing = readFile("card-security.der");
    trailing.push_back(0x00);
    requireRefused(verifyCardSecurity(trailing, trust, fixtureNow()), ErrorCode::InvalidInput,
                   kDamaged, "EF.CardSecurity");
    Bytes truncated = readFile("card-security.der");
    truncated.resize(truncated.size() - 1);
    requireRefused(verifyCardSecurity(truncated, trust, fixtureNow()), ErrorCode::InvalidInput,
                   kDamaged, "EF.CardSecurity");
}

TEST_CASE("The BSI worked example EF.CardSecurity verifies with its document signer as anchor",
          "[pa]") {
    // Its CSCA was never published; trusting the DS itself still checks the RSASSA-PSS signature.
    const Bytes cardSecurity = readFile("bsi-we-card-security.der");
    auto verified = verifyCardSecurity(cardSecurity, trustFrom("bsi-we-document-signer.pem"),
                                       sys_days{year{2010} / January / 1});
    REQUIRE(verified);
    CHECK(verified->documentSigner == "CN=HJP PB DS,OU=Document Signer,O=HJP Consulting,C=DE");
    CHECK(verified->issuingCountry == "DE");
    const auto& infos = verified->infos;
    REQUIRE(infos.chipAuthenticationInfos().size() == 1);
    auto key = infos.chipAuthenticationPublicKey(infos.chipAuthenticationInfos()[0]);
    REQUIRE(key);
    CHECK(key->publicKey == hexBytes(kBsiChipAuthenticationKey));
    CHECK(key->keyId == 1);
    CHECK(key->domainParameters.parameterId == 13);

    requireRefused(verifyCardSecurity(cardSecurity, trustFrom("test-csca.pem"),
                                      sys_days{year{2010} / January / 1}),
                   ErrorCode::AuthenticationFailed, kUntrusted, "unable to get local issuer");
    requireRefused(verifyCardSecurity(cardSecurity, trustFrom("bsi-we-document-signer.pem"),
                                      sys_days{year{2011} / January / 1}),
                   ErrorCode::AuthenticationFailed,
                   "The ID card's security data is signed with an expired certificate", "expired");
}

TEST_CASE("A real German EF.CardSecurity verifies up to its document signer", "[pa]") {
    // A 2023 passport: ECDSA-SHA384 with explicit brainpoolP384r1 parameters, two CA keys.
    const Bytes cardSecurity = readFile("de-passport-card-security.der");
    const auto now = sys_days{year{2024} / March / 1};
    auto verified =
        verifyCardSecurity(cardSecurity, trustFrom("de-passport-document-signer.pem"), now);
    REQUIRE(verified);
    CHECK(verified->issuingCountry == "DE");
    CHECK_THAT(verified->documentSigner, Catch::Contains("O=Bundesdruckerei GmbH"));
    const auto& keys = verified->infos.chipAuthenticationPublicKeys();
    REQUIRE(keys.size() == 2);
    CHECK(keys[0].keyId == 13);
    CHECK(keys[1].keyId == 72);
    CHECK(keys[0].publicKey.size() == 65);
    REQUIRE(verified->infos.chipAuthenticationInfos().size() == 1);
    auto key =
        verified->infos.chipAuthenticationPublicKey(verified->infos.chipAuthenticationInfos()[0]);
    REQUIRE(key);
    CHECK(key->keyId == 72);

    // Its CSCA generation is not shipped yet (resources/csca/README.md): then it must be refused.
    auto production = verifyCardSecurity(cardSecurity, CscaTrustList::production(), now);
    if (!production) {
        CHECK(production.error().message == kUntrusted);
        CHECK_THAT(production.error().detail, Catch::Contains("unable to get local issuer"));
    }
}

TEST_CASE("EF.CardAccess must be covered by the signed EF.CardSecurity", "[pa]") {
    auto verified = verifyCardSecurity(readFile("bsi-we-card-security.der"),
                                       trustFrom("bsi-we-document-signer.pem"),
                                       sys_days{year{2010} / January / 1});
    REQUIRE(verified);
    // The worked example's EF.CardAccess (with a PrivilegedTerminalInfo the signed copy lacks).
    auto cardAccess = SecurityInfos::parse(hexBytes(
        "3181C6300D060804007F00070202020201023012060A04007F000702020302020201020201013012060A04007F"
        "0007020204020202010202010D301C060904007F000702020302300C060704007F0007010202010D02010130"
        "2F060804007F0007020206162368747470733A2F2F7777772E686A702D636F6E73756C74696E672E636F6D2F"
        "686F6D65303E060804007F000702020831323012060A04007F00070202030202020102020102301C060904007F"
        "000702020302300C060704007F0007010202010D020102"));
    REQUIRE(cardAccess);
    CHECK(checkCardAccessIsSigned(*cardAccess, *verified));

    // A card offering PACE on other domain parameters than it signed is not genuine.
    auto swapped =
        SecurityInfos::parse(hexBytes("3114"
                                      "3012060A04007F0007020204020202010202010C"));
    REQUIRE(swapped);
    auto refused = checkCardAccessIsSigned(*swapped, *verified);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message == kUntrusted);
    CHECK_THAT(refused.error().detail, Catch::Contains("PACEInfo"));
    auto otherKey =
        SecurityInfos::parse(hexBytes("3114"
                                      "3012060A04007F00070202030202020102020109"));
    REQUIRE(otherKey);
    CHECK_FALSE(checkCardAccessIsSigned(*otherKey, *verified));
}
