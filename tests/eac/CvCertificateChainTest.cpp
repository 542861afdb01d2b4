#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "eac/CertificateDescription.h"
#include "eac/CvCertificateChain.h"

using namespace oa;
using namespace oa::eac;

namespace {

Bytes readFixture(const std::string& name) {
    std::ifstream in(std::string(OA_EAC_TEST_DATA) + "/cvc/" + name, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

CvCertificate certificate(const std::string& name) {
    const auto bytes = readFixture(name);
    Bytes der;
    const bool isHex = name.ends_with(".hex");
    if (isHex) REQUIRE(fromHex(std::string(bytes.begin(), bytes.end()), der));
    auto parsed = CvCertificate::parse(isHex ? der : bytes);
    INFO(name << ": " << (parsed ? "" : parsed.error().detail));
    REQUIRE(parsed.ok());
    return *parsed;
}

std::vector<CvCertificate> certificates(std::initializer_list<std::string> names) {
    std::vector<CvCertificate> list;
    for (const auto& name : names)
        list.push_back(certificate(name));
    return list;
}

const CvDate kTestDay{2025, 6, 1};  // inside every OpenPACE fixture's validity

}  // namespace

TEST_CASE("The BSI test-PKI chain builds from DETESTeID00001 with verified signatures",
          "[cvc][chain]") {
    // The four real test-PKI certificates, shuffled; the key of DETESTeID00001 is unknown.
    const auto pool = certificates(
        {"bsi-testpki-at-DEDEMODEV00038.hex", "bsi-testpki-link-DETESTeID00004.hex",
         "bsi-testpki-dv-DEDVeIDDPST00035.hex", "bsi-testpki-link-DETESTeID00002.hex"});
    auto chain = CvCertificateChain::build(pool, "DETESTeID00001", {}, CvDate{2014, 4, 1});
    INFO((chain ? "" : chain.error().detail));
    REQUIRE(chain.ok());
    REQUIRE(chain->certificates().size() == 4);
    CHECK(chain->certificates()[0].holderReference() == "DETESTeID00002");
    CHECK(chain->certificates()[1].holderReference() == "DETESTeID00004");
    CHECK(chain->documentVerifier().holderReference() == "DEDVeIDDPST00035");
    CHECK(chain->terminal().holderReference() == "DEDEMODEV00038");
    // Link 2, DV and terminal verify; only link 1 waits for the card.
    CHECK(chain->uncheckedSignatures() == 1);
    CHECK(toHex(chain->effectiveChat().rawTemplate()) == "000513FF87");
    CHECK(chain->effectiveChat().role() == CertificateRole::Terminal);
}

TEST_CASE("The BSI test-PKI chain checks every signature when the first CVCA is trusted",
          "[cvc][chain]") {
    const auto pool =
        certificates({"bsi-testpki-at-DEDEMODEV00038.hex", "bsi-testpki-dv-DEDVeIDDPST00035.hex",
                      "bsi-testpki-link-DETESTeID00004.hex"});
    const auto store = certificates({"bsi-testpki-link-DETESTeID00002.hex"});
    auto chain = CvCertificateChain::build(pool, "DETESTeID00002", store, CvDate{2014, 4, 11});
    INFO((chain ? "" : chain.error().detail));
    REQUIRE(chain.ok());
    CHECK(chain->certificates().size() == 3);
    CHECK(chain->uncheckedSignatures() == 0);
}

TEST_CASE("The BSI test-PKI terminal is refused once expired or before it is effective",
          "[cvc][chain]") {
    const auto pool = certificates(
        {"bsi-testpki-at-DEDEMODEV00038.hex", "bsi-testpki-dv-DEDVeIDDPST00035.hex",
         "bsi-testpki-link-DETESTeID00004.hex", "bsi-testpki-link-DETESTeID00002.hex"});
    auto late = CvCertificateChain::build(pool, "DETESTeID00001", {}, CvDate{2014, 4, 12});
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == ErrorCode::AuthenticationFailed);
    CHECK(late.error().detail == "DEDEMODEV00038: expired on 2014-04-11");
    auto early = CvCertificateChain::build(pool, "DETESTeID00001", {}, CvDate{2014, 3, 12});
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().detail == "DEDEMODEV00038: not valid before 2014-03-13");
}

TEST_CASE("A tampered BSI test-PKI certificate fails its signature check", "[cvc][chain]") {
    auto pool = certificates(
        {"bsi-testpki-at-DEDEMODEV00038.hex", "bsi-testpki-dv-DEDVeIDDPST00035.hex",
         "bsi-testpki-link-DETESTeID00004.hex", "bsi-testpki-link-DETESTeID00002.hex"});
    // Grant the terminal DG17 write access (byte 0 of the CHAT: 00 -> 20).
    auto bytes = pool[0].encoded();
    const auto chat = hexBytes("5305000513FF87");
    auto at = std::search(bytes.begin(), bytes.end(), chat.begin(), chat.end());
    REQUIRE(at != bytes.end());
    at[2] = 0x20;
    auto tampered = CvCertificate::parse(bytes);
    REQUIRE(tampered.ok());
    pool[0] = *tampered;
    auto chain = CvCertificateChain::build(pool, "DETESTeID00001", {}, CvDate{2014, 4, 1});
    REQUIRE_FALSE(chain.ok());
    CHECK(chain.error().code == ErrorCode::AuthenticationFailed);
    CHECK(chain.error().detail.find("DEDEMODEV00038") != std::string::npos);
    CHECK(chain.error().detail.find("ECDSA verification failed") != std::string::npos);
}

TEST_CASE("The BSI worked example chain verifies on brainpoolP512r1 with SHA-512", "[cvc][chain]") {
    const auto store = certificates({"bsi-we-cvca-DECVCAAT00001.hex"});
    const auto pool = certificates({"bsi-we-dv-DETESTDVDE019.hex", "bsi-we-at-DETESTATDE019.hex"});
    auto chain = CvCertificateChain::build(pool, "DECVCAAT00001", store, CvDate{2010, 10, 1});
    INFO((chain ? "" : chain.error().detail));
    REQUIRE(chain.ok());
    CHECK(chain->certificates().size() == 2);
    CHECK(chain->uncheckedSignatures() == 0);
    // The CVCA's inspection-system CHAT does not restrict an authentication terminal.
    CHECK(chain->effectiveChat().rights() ==
          std::vector<AccessRight>{AccessRight::CanAllowed, AccessRight::ReadDg1});
}

TEST_CASE("OpenPACE chains verify for every signature scheme", "[cvc][chain][openpace]") {
    const auto prefix =
        GENERATE(as<std::string>{}, "ecdsa-bp256-sha256", "ecdsa-bp512-sha512", "ecdsa-p384-sha384",
                 "ecdsa-p256-sha224", "ecdsa-bp384-sha1", "rsa-v15-sha256", "rsa-pss-sha256",
                 "rsa-pss-sha512", "rsa-v15-sha1", "rsa-v15-sha512", "rsa-pss-sha1",
                 "ecdsa-p521-sha512", "ecdsa-bp224-sha224");
    INFO(prefix);
    const auto store = certificates({prefix + "-cvca.cvcert"});
    const auto pool = certificates({prefix + "-dv.cvcert", prefix + "-at.cvcert"});
    auto chain = CvCertificateChain::build(pool, "DETESTCVCA00001", store, kTestDay);
    INFO((chain ? "" : chain.error().detail));
    REQUIRE(chain.ok());
    CHECK(chain->uncheckedSignatures() == 0);
    // The terminal asked for DG17 and CAN-allowed, which its DV does not grant.
    const auto& effective = chain->effectiveChat();
    CHECK(effective.rights() == std::vector<AccessRight>{AccessRight::AgeVerification,
                                                         AccessRight::ReadDg1, AccessRight::ReadDg4,
                                                         AccessRight::ReadDg5,
                                                         AccessRight::ReadDg8});
    CHECK(chain->terminal().chat().has(AccessRight::ReadDg17));
    CHECK_FALSE(effective.has(AccessRight::ReadDg17));
    CHECK_FALSE(effective.has(AccessRight::CanAllowed));
}

TEST_CASE("A chain over link certificates inherits the new CVCA's domain parameters",
          "[cvc][chain][openpace]") {
    // bp256 CVCA -> P-384 CVCA (link) -> bp256 CVCA (link, expired in 2024) -> DV -> terminal.
    const auto store = certificates({"ecdsa-bp256-sha256-cvca.cvcert"});
    const auto pool = certificates({"link-at.cvcert", "link-dv.cvcert", "link-cvca3.cvcert",
                                    "link-cvca2.cvcert", "ecdsa-bp256-sha256-dv.cvcert"});
    auto chain = CvCertificateChain::build(pool, "DETESTCVCA00001", store, kTestDay);
    INFO((chain ? "" : chain.error().detail));
    REQUIRE(chain.ok());
    REQUIRE(chain->certificates().size() == 4);
    CHECK(chain->certificates()[1].expirationDate() < kTestDay);
    CHECK(chain->documentVerifier().role() == CertificateRole::DvNonOfficial);
    CHECK(chain->uncheckedSignatures() == 0);
    CHECK(chain->effectiveChat().rights() ==
          std::vector<AccessRight>{AccessRight::AgeVerification, AccessRight::ReadDg4});
}

TEST_CASE("OpenPACE chains are refused when a certificate is out of date",
          "[cvc][chain][openpace]") {
    const auto store = certificates({"ecdsa-bp256-sha256-cvca.cvcert"});
    SECTION("expired terminal") {
        const auto pool = certificates({"ecdsa-bp256-sha256-dv.cvcert", "expired-at.cvcert"});
        auto chain = CvCertificateChain::build(pool, "DETESTCVCA00001", store, kTestDay);
        REQUIRE_FALSE(chain.ok());
        CHECK(chain.error().detail == "DETESTAT00010: expired on 2024-12-31");
    }
    SECTION("terminal not yet effective") {
        const auto pool = certificates({"ecdsa-bp256-sha256-dv.cvcert", "future-at.cvcert"});
        auto chain = CvCertificateChain::build(pool, "DETESTCVCA00001", store, kTestDay);
        REQUIRE_FALSE(chain.ok());
        CHECK(chain.error().detail == "DETESTAT00011: not valid before 2026-01-01");
    }
    SECTION("expired document verifier") {
        const auto pool =
            certificates({"ecdsa-bp256-sha256-dv.cvcert", "ecdsa-bp256-sha256-at.cvcert"});
        auto chain = CvCertificateChain::build(pool, "DETESTCVCA00001", store, {2029, 12, 31});
        REQUIRE_FALSE(chain.ok());
        CHECK(chain.error().detail == "DETESTAT00001: expired on 2028-12-31");
        auto dvExpired = CvCertificateChain::build(pool, "DETESTCVCA00001", store, {2030, 1, 1});
        REQUIRE_FALSE(dvExpired.ok());
        CHECK(dvExpired.error().detail.starts_with("DEDVTEST00001: expired"));
    }
}

TEST_CASE("OpenPACE chains are refused when wrongly signed", "[cvc][chain][openpace]") {
    const auto store = certificates({"ecdsa-bp256-sha256-cvca.cvcert"});
    SECTION("terminal signed by a key other than its DV's") {
        const auto pool = certificates({"ecdsa-bp256-sha256-dv.cvcert", "forged-at.cvcert"});
        auto chain = CvCertificateChain::build(pool, "DETESTCVCA00001", store, kTestDay);
        REQUIRE_FALSE(chain.ok());
        CHECK(chain.error().code == ErrorCode::AuthenticationFailed);
        CHECK(chain.error().detail.starts_with("DETESTAT00012: ECDSA verification failed"));
    }
    SECTION("DV checked against a different CVCA with the same name") {
        const auto otherStore = certificates({"ecdsa-p384-sha384-cvca.cvcert"});
        const auto pool =
            certificates({"ecdsa-bp256-sha256-dv.cvcert", "ecdsa-bp256-sha256-at.cvcert"});
        auto chain = CvCertificateChain::build(pool, "DETESTCVCA00001", otherStore, kTestDay);
        REQUIRE_FALSE(chain.ok());
        CHECK(chain.error().detail.starts_with("DEDVTEST00001: "));
    }
    SECTION("RSA terminal under an RSA DV of another chain") {
        const auto rsaStore = certificates({"rsa-pss-sha256-cvca.cvcert"});
        const auto pool = certificates({"rsa-pss-sha256-dv.cvcert", "rsa-v15-sha256-at.cvcert"});
        auto chain = CvCertificateChain::build(pool, "DETESTCVCA00001", rsaStore, kTestDay);
        REQUIRE_FALSE(chain.ok());
        CHECK(chain.error().detail.starts_with("DETESTAT00001: RSA verification failed"));
    }
}

TEST_CASE("OpenPACE chains are refused when the linkage is broken", "[cvc][chain][openpace]") {
    const auto store = certificates({"ecdsa-bp256-sha256-cvca.cvcert"});
    SECTION("DV missing") {
        const auto pool = certificates({"ecdsa-bp256-sha256-at.cvcert"});
        auto chain = CvCertificateChain::build(pool, "DETESTCVCA00001", store, kTestDay);
        REQUIRE_FALSE(chain.ok());
        CHECK(chain.error().detail == "no certificate for DEDVTEST00001");
    }
    SECTION("card trusts another CVCA") {
        const auto pool =
            certificates({"ecdsa-bp256-sha256-dv.cvcert", "ecdsa-bp256-sha256-at.cvcert"});
        auto chain = CvCertificateChain::build(pool, "DETESTCVCA00009", store, kTestDay);
        REQUIRE_FALSE(chain.ok());
        CHECK(chain.error().detail == "no link from DETESTCVCA00001 to DETESTCVCA00009");
    }
    SECTION("link certificate missing in the middle") {
        const auto pool = certificates({"link-at.cvcert", "link-dv.cvcert", "link-cvca3.cvcert"});
        auto chain = CvCertificateChain::build(pool, "DETESTCVCA00001", store, kTestDay);
        REQUIRE_FALSE(chain.ok());
        CHECK(chain.error().detail == "no link from DETESTCVCA00002 to DETESTCVCA00001");
    }
    SECTION("no terminal certificate") {
        const auto pool = certificates({"ecdsa-bp256-sha256-dv.cvcert"});
        CHECK_FALSE(CvCertificateChain::build(pool, "DETESTCVCA00001", store, kTestDay).ok());
    }
    SECTION("two different terminal certificates") {
        const auto pool = certificates(
            {"ecdsa-bp256-sha256-dv.cvcert", "ecdsa-bp256-sha256-at.cvcert", "expired-at.cvcert"});
        CHECK_FALSE(CvCertificateChain::build(pool, "DETESTCVCA00001", store, kTestDay).ok());
    }
    SECTION("terminal signed directly by the CVCA") {
        // The CVCA stands where the DV belongs: the role check refuses it.
        const auto pool = certificates({"ecdsa-bp256-sha256-at.cvcert"});
        auto renamed = certificates({"ecdsa-bp256-sha256-cvca.cvcert"});
        std::vector<CvCertificate> withCvca = pool;
        withCvca.push_back(renamed[0]);
        auto chain = CvCertificateChain::build(withCvca, "DETESTCVCA00001", store, kTestDay);
        REQUIRE_FALSE(chain.ok());
    }
}

TEST_CASE("A service requiring rights its chain lacks is refused", "[cvc][chain][chat]") {
    const auto store = certificates({"ecdsa-bp256-sha256-cvca.cvcert"});
    const auto pool =
        certificates({"ecdsa-bp256-sha256-dv.cvcert", "ecdsa-bp256-sha256-at.cvcert"});
    auto chain = CvCertificateChain::build(pool, "DETESTCVCA00001", store, kTestDay);
    REQUIRE(chain.ok());
    const ChatRequest request{
        Chat::authenticationTerminal(CertificateRole::Terminal,
                                     {AccessRight::ReadDg4, AccessRight::ReadDg17}),
        Chat::authenticationTerminal(CertificateRole::Terminal, {AccessRight::AgeVerification})};
    auto checked = request.checkAgainst(chain->effectiveChat());
    REQUIRE_FALSE(checked.ok());
    CHECK(checked.error().detail == "RequiredCHAT exceeds the certificate chain: read DG17");
    const ChatRequest modest{
        Chat::authenticationTerminal(CertificateRole::Terminal, {AccessRight::ReadDg4}),
        Chat::authenticationTerminal(CertificateRole::Terminal,
                                     {AccessRight::AgeVerification, AccessRight::CanAllowed})};
    CHECK(modest.checkAgainst(chain->effectiveChat()).ok());
    CHECK(modest.deselectable(chain->effectiveChat()) ==
          std::vector<AccessRight>{AccessRight::AgeVerification});
}

TEST_CASE("OpenPACE certificate descriptions match their terminal certificates",
          "[cvc][description][openpace]") {
    const auto prefix = GENERATE(as<std::string>{}, "ecdsa-bp256-sha256", "ecdsa-bp512-sha512",
                                 "ecdsa-bp384-sha1", "rsa-pss-sha512", "link");
    INFO(prefix);
    auto description = CertificateDescription::parse(readFixture(prefix + "-at.desc"));
    INFO((description ? "" : description.error().detail));
    REQUIRE(description.ok());
    const auto terminal = certificate(prefix + "-at.cvcert");
    CHECK(description->checkBoundTo(terminal).ok());
    const auto other =
        certificate(prefix == "link" ? "ecdsa-bp256-sha256-at.cvcert" : "link-at.cvcert");
    auto mismatch = description->checkBoundTo(other);
    REQUIRE_FALSE(mismatch.ok());
    CHECK(mismatch.error().code == ErrorCode::AuthenticationFailed);
}

TEST_CASE("Of the card's two trusted CVCAs the one the chain leads to is used", "[cvc][chain]") {
    const auto pool =
        certificates({"bsi-testpki-at-DEDEMODEV00038.hex", "bsi-testpki-dv-DEDVeIDDPST00035.hex",
                      "bsi-testpki-link-DETESTeID00004.hex"});
    const std::vector<std::string> cars{"DETESTeID00005", "DETESTeID00002"};
    auto chain = CvCertificateChain::build(pool, cars, {}, CvDate{2014, 4, 1});
    REQUIRE(chain.ok());
    CHECK(chain->certificates().front().holderReference() == "DETESTeID00004");
    auto none = CvCertificateChain::build(pool, std::vector<std::string>{"DETESTeID00009"}, {},
                                          CvDate{2014, 4, 1});
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().detail == "no link from DETESTeID00002 to DETESTeID00009");
    CHECK_FALSE(
        CvCertificateChain::build(pool, std::vector<std::string>{}, {}, CvDate{2014, 4, 1}).ok());
}
