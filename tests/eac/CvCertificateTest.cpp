#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include "asn1/Tlv.h"
#include "crypto/Ecdsa.h"
#include "eac/CvCertificate.h"

using namespace oa;
using namespace oa::eac;

namespace {

// Hex text of a fixture in data/cvc, upper case.
std::string fixture(const std::string& name) {
    std::ifstream in(std::string(OA_EAC_TEST_DATA) + "/cvc/" + name);
    std::stringstream text;
    text << in.rdbuf();
    auto hex = text.str();
    std::transform(hex.begin(), hex.end(), hex.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    return hex;
}

const std::string kLink1 = fixture("bsi-testpki-link-DETESTeID00002.hex");
const std::string kDv = fixture("bsi-testpki-dv-DEDVeIDDPST00035.hex");
const std::string kTerminal = fixture("bsi-testpki-at-DEDEMODEV00038.hex");

}  // namespace

TEST_CASE("A BSI test-PKI link certificate parses with full domain parameters", "[cvc]") {
    auto cvca = CvCertificate::parse(hexBytes(kLink1));
    REQUIRE(cvca.ok());
    CHECK(cvca->authorityReference() == "DETESTeID00001");
    CHECK(cvca->holderReference() == "DETESTeID00002");
    CHECK(cvca->role() == CertificateRole::Cvca);
    CHECK_FALSE(cvca->isSelfSigned());
    CHECK(cvca->publicKey().oid == oid::taEcdsaSha256);
    CHECK(cvca->publicKey().hasDomainParameters());
    CHECK(toHex(cvca->publicKey().prime) ==
          "A9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377");
    CHECK(cvca->publicKey().cofactor == Bytes{0x01});
    CHECK(cvca->publicKey().point.size() == 65);
    CHECK(toHex(cvca->chat().rawTemplate()) == "FE0F01FFFF");
    CHECK(cvca->effectiveDate() == CvDate{2010, 9, 21});
    CHECK(cvca->expirationDate() == CvDate{2013, 9, 21});
    CHECK(cvca->signature().size() == 64);
    CHECK(cvca->extensions().empty());
}

TEST_CASE("A terminal certificate exposes its description and sector hashes", "[cvc]") {
    auto terminal = CvCertificate::parse(hexBytes(kTerminal));
    REQUIRE(terminal.ok());
    CHECK(terminal->holderReference() == "DEDEMODEV00038");
    CHECK(terminal->authorityReference() == "DEDVeIDDPST00035");
    CHECK(terminal->role() == CertificateRole::Terminal);
    CHECK_FALSE(terminal->publicKey().hasDomainParameters());
    CHECK(toHex(terminal->chat().rawTemplate()) == "000513FF87");
    REQUIRE(terminal->descriptionHash().has_value());
    CHECK(toHex(*terminal->descriptionHash()) ==
          "12CA9D0A51DF9297EABA7EBE9AB49DF2F4CF83E0DBB02772EFAD89C8AD75FCCD");
    REQUIRE(terminal->sectorHashes().size() == 1);
    CHECK(toHex(terminal->sectorHashes()[0]) ==
          "CB1E1940159F11DC96845B87C23B86F9BAA755A789A914BBD5B8FA9784019D1C");
    CHECK(terminal->isValidOn({2014, 3, 13}));
    CHECK(terminal->isValidOn({2014, 4, 11}));
    CHECK_FALSE(terminal->isValidOn({2014, 4, 12}));
    CHECK_FALSE(terminal->isValidOn({2014, 3, 12}));
}

TEST_CASE("The body kept for the signature is the exact 7F4E element", "[cvc]") {
    const auto encoded = hexBytes(kDv);
    auto dv = CvCertificate::parse(encoded);
    REQUIRE(dv.ok());
    auto outer = asn1::readOne(encoded);
    REQUIRE(outer.ok());
    auto children = outer->children();
    REQUIRE(children.ok());
    CHECK(dv->body() == Bytes(children->at(0).encoded.begin(), children->at(0).encoded.end()));
    CHECK(dv->encoded() == encoded);
    auto again = CvCertificate::parseBodyAndSignature(dv->bodyAndSignature());
    REQUIRE(again.ok());
    CHECK(again->encoded() == encoded);
}

TEST_CASE("The BSI worked example certificates parse", "[cvc]") {
    auto cvca = CvCertificate::parse(hexBytes(fixture("bsi-we-cvca-DECVCAAT00001.hex")));
    auto dv = CvCertificate::parse(hexBytes(fixture("bsi-we-dv-DETESTDVDE019.hex")));
    auto at = CvCertificate::parse(hexBytes(fixture("bsi-we-at-DETESTATDE019.hex")));
    REQUIRE(cvca.ok());
    REQUIRE(dv.ok());
    REQUIRE(at.ok());
    CHECK(cvca->isSelfSigned());
    CHECK(cvca->holderReference() == "DECVCAAT00001");
    CHECK(cvca->publicKey().oid == oid::taEcdsaSha512);
    CHECK(cvca->publicKey().order.size() == 64);
    CHECK(toHex(cvca->chat().rawTemplate()) == "C3");
    CHECK(cvca->chat().terminalType() == TerminalType::Inspection);
    CHECK(cvca->chat().role() == CertificateRole::Cvca);
    CHECK(dv->role() == CertificateRole::DvOfficial);
    CHECK(dv->chat().terminalType() == TerminalType::Authentication);
    CHECK(at->holderReference() == "DETESTATDE019");
    CHECK(at->role() == CertificateRole::Terminal);
    CHECK(at->chat().rights() ==
          std::vector<AccessRight>{AccessRight::CanAllowed, AccessRight::ReadDg1});
    CHECK(at->effectiveDate() == CvDate{2010, 9, 30});
    CHECK(at->expirationDate() == CvDate{2010, 10, 30});
}

TEST_CASE("The BSI worked example CVCA's self-signature verifies", "[cvc]") {
    auto cvca = CvCertificate::parse(hexBytes(fixture("bsi-we-cvca-DECVCAAT00001.hex")));
    REQUIRE(cvca.ok());
    const auto& key = cvca->publicKey();
    auto curve = key.curve();
    REQUIRE(curve.ok());
    CHECK(curve->orderSize() == 64);
    CHECK(key.hashAlgorithm() == crypto::HashAlgorithm::Sha512);
    CHECK(crypto::verifyEcdsaSignature(*curve, key.point, key.hashAlgorithm(), cvca->body(),
                                       cvca->signature())
              .ok());
    auto tampered = cvca->body();
    tampered.back() ^= 1;
    CHECK_FALSE(crypto::verifyEcdsaSignature(*curve, key.point, key.hashAlgorithm(), tampered,
                                             cvca->signature())
                    .ok());
}

namespace {

// Replaces the first occurrence of `from` in a certificate (hex) by `to`.
Bytes patched(std::string_view certificate, std::string_view from, std::string_view to) {
    std::string text(certificate);
    const auto position = text.find(from);
    REQUIRE(position != std::string::npos);
    text.replace(position, from.size(), to);
    return hexBytes(text);
}

}  // namespace

TEST_CASE("Malformed certificates are rejected with a reason", "[cvc]") {
    const std::string_view dv = kDv;
    SECTION("wrong outer tag") {
        auto bad = CvCertificate::parse(patched(dv, "7F2181E7", "7F2281E7"));
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == ErrorCode::InvalidInput);
    }
    SECTION("trailing bytes") {
        auto bytes = hexBytes(dv);
        bytes.push_back(0);
        CHECK_FALSE(CvCertificate::parse(bytes).ok());
    }
    SECTION("truncated") {
        auto bytes = hexBytes(dv);
        bytes.pop_back();
        CHECK_FALSE(CvCertificate::parse(bytes).ok());
    }
    SECTION("profile identifier other than 0") {
        auto bad = CvCertificate::parse(patched(dv, "5F290100", "5F290101"));
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == ErrorCode::Unsupported);
    }
    SECTION("date digit above 9") {
        auto bad = CvCertificate::parse(patched(dv, "5F2506010400020101", "5F250601040002010A"));
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().detail.find("BCD") != std::string::npos);
    }
    SECTION("impossible day") {
        CHECK_FALSE(
            CvCertificate::parse(patched(dv, "5F2506010400020101", "5F2506010400020300")).ok());
        CHECK_FALSE(
            CvCertificate::parse(patched(dv, "5F2506010400020101", "5F2506010500020209")).ok());
    }
    SECTION("expires before it becomes effective") {
        CHECK_FALSE(
            CvCertificate::parse(patched(dv, "5F2506010400020101", "5F2506010400050103")).ok());
    }
    SECTION("unknown signature scheme") {
        auto bad =
            CvCertificate::parse(patched(dv, "04007F00070202020203", "04007F00070202020209"));
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == ErrorCode::Unsupported);
    }
    SECTION("elements out of order: expiration before effective date") {
        auto bad = CvCertificate::parse(patched(dv, "5F25060104000201015F24060104000501025F37",
                                                "5F24060104000501025F25060104000201015F37"));
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().detail.find("order") != std::string::npos);
    }
    SECTION("unknown terminal type in the CHAT") {
        CHECK_FALSE(
            CvCertificate::parse(patched(dv, "060904007F000703010202", "060904007F000703010209"))
                .ok());
    }
    SECTION("CHAT template of the wrong size") {
        // Shorten the 53 template to four bytes; outer lengths shrink by one.
        auto bad = patched(dv, "7F4C12060904007F0007030102025305400513FF87",
                           "7F4C11060904007F00070301020253044005FF87");
        CHECK_FALSE(CvCertificate::parse(bad).ok());
    }
    SECTION("empty signature") {
        Bytes body = CvCertificate::parse(hexBytes(dv))->body();
        CHECK_FALSE(CvCertificate::parseBodyAndSignature(concat({body, hexBytes("5F3700")})).ok());
    }
}

TEST_CASE("Certificate extensions are read strictly", "[cvc]") {
    const std::string_view at = kTerminal;
    const std::string description = "732D060904007F00070301030180";
    SECTION("an empty extensions template") {
        auto dv = CvCertificate::parse(hexBytes(kDv));
        REQUIRE(dv.ok());
        auto body = asn1::readOne(dv->body());
        REQUIRE(body.ok());
        const Bytes withEmpty = asn1::encode(0x7F4E, {body->value, hexBytes("6500")});
        const Bytes certificate =
            asn1::encode(0x7F21, {withEmpty, asn1::encode(0x5F37, dv->signature())});
        auto parsed = CvCertificate::parse(certificate);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().detail == "65: no extensions");
    }
    SECTION("a description hash tagged 81 instead of 80") {
        auto bad = patched(at, description + "20", "732D060904007F0007030103018120");
        CHECK_FALSE(CvCertificate::parse(bad).ok());
    }
    SECTION("the same extension twice") {
        auto bad = patched(at, "732D060904007F000703010302", "732D060904007F000703010301");
        auto parsed = CvCertificate::parse(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().detail == "65: repeated extension");
    }
    SECTION("an unknown extension is kept without its contents") {
        auto odd = CvCertificate::parse(
            patched(at, "732D060904007F000703010302", "732D060904007F000703010309"));
        REQUIRE(odd.ok());
        REQUIRE(odd->extensions().size() == 2);
        CHECK(odd->extensions()[1].oid.toString() == "0.4.0.127.0.7.3.1.3.9");
        CHECK(odd->extensions()[1].hashes.empty());
        CHECK(odd->sectorHashes().empty());
    }
}

TEST_CASE("Certificate holder references are checked", "[cvc]") {
    const std::string_view dv = kDv;
    SECTION("lower-case country code") {
        CHECK_FALSE(CvCertificate::parse(patched(dv, "5F201044454456", "5F201064656456")).ok());
    }
    SECTION("control character") {
        CHECK_FALSE(CvCertificate::parse(patched(dv, "5F201044454456", "5F201044450A56")).ok());
    }
}

TEST_CASE("Dates are unpacked BCD and round-trip", "[cvc]") {
    auto date = CvDate::parse(hexBytes("010400030103"));
    REQUIRE(date.ok());
    CHECK(date->toString() == "2014-03-13");
    CHECK(toHex(date->encode()) == "010400030103");
    CHECK(CvDate::parse(hexBytes("020400020209")).ok());        // 2024-02-29
    CHECK_FALSE(CvDate::parse(hexBytes("020500020209")).ok());  // 2025-02-29
    CHECK_FALSE(CvDate::parse(hexBytes("0104000301")).ok());
    CHECK(CvDate::fromIso("2014-04-01").value() == CvDate{2014, 4, 1});
    CHECK_FALSE(CvDate::fromIso("2014-4-1").ok());
    CHECK(CvDate{2014, 4, 1} < CvDate{2014, 4, 2});
}

namespace {

// The BSI test-PKI DV certificate with its public key replaced by `keyContents`.
Result<CvCertificate> dvWithKey(const Bytes& keyContents) {
    auto dv = CvCertificate::parse(hexBytes(kDv));
    REQUIRE(dv.ok());
    auto body = asn1::readOne(dv->body());
    REQUIRE(body.ok());
    auto elements = body->children();
    REQUIRE(elements.ok());
    Bytes value;
    for (const auto& element : *elements) {
        const bool isKey = element.tag == 0x7F49;
        append(value, isKey ? asn1::encode(0x7F49, keyContents)
                            : Bytes(element.encoded.begin(), element.encoded.end()));
    }
    return CvCertificate::parse(
        asn1::encode(0x7F21, {asn1::encode(0x7F4E, value), asn1::encode(0x5F37, dv->signature())}));
}

Bytes keyElement(asn1::Tag tag, std::size_t size) {
    return asn1::encode(tag, Bytes(size, 0x01));
}

}  // namespace

TEST_CASE("Public keys are read strictly", "[cvc]") {
    const Bytes ecdsa = asn1::encode(0x06, oid::taEcdsaSha256.der());
    const Bytes rsa = asn1::encode(0x06, oid::taRsaPssSha256.der());
    SECTION("an RSA key with modulus and exponent") {
        auto certificate = dvWithKey(concat({rsa, keyElement(0x81, 256), keyElement(0x82, 3)}));
        REQUIRE(certificate.ok());
        CHECK(certificate->publicKey().isRsa());
        CHECK(certificate->publicKey().usesPss());
        CHECK(certificate->publicKey().modulus.size() == 256);
        CHECK(certificate->publicKey().exponent.size() == 3);
    }
    SECTION("an RSA key without exponent") {
        CHECK_FALSE(dvWithKey(concat({rsa, keyElement(0x81, 256)})).ok());
    }
    SECTION("an RSA key with an ECDSA element") {
        CHECK_FALSE(dvWithKey(concat({rsa, keyElement(0x81, 256), keyElement(0x82, 3),
                                      keyElement(0x86, 65)}))
                        .ok());
    }
    SECTION("an ECDSA key without point") {
        CHECK_FALSE(dvWithKey(ecdsa).ok());
    }
    SECTION("an ECDSA key with only some domain parameters") {
        auto bad = dvWithKey(concat({ecdsa, keyElement(0x81, 32), keyElement(0x86, 65)}));
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().detail == "7F49: incomplete domain parameters");
    }
    SECTION("elements repeated or out of order") {
        CHECK_FALSE(dvWithKey(concat({ecdsa, keyElement(0x86, 65), keyElement(0x86, 65)})).ok());
        CHECK_FALSE(dvWithKey(concat({ecdsa, keyElement(0x86, 65), keyElement(0x85, 32)})).ok());
        CHECK_FALSE(dvWithKey(concat({keyElement(0x86, 65), ecdsa})).ok());
    }
    SECTION("an empty element") {
        CHECK_FALSE(dvWithKey(concat({ecdsa, asn1::encode(0x86, Bytes{})})).ok());
    }
}
