// CERTIFICATE carries every field of the digest, filled from the CertificateDescription; the
// purpose comes from the provider's plain-text terms of usage.
#include <QJsonObject>
#include <catch2/catch.hpp>

#include "service/SdkMessages.h"
#include "workflows/ConsentPurpose.h"

using namespace oa;
using oa::workflows::purposeOfTermsOfUsage;

TEST_CASE("SDK: the purpose is the paragraph under the terms' purpose heading",
          "[sdk][certificate]") {
    const std::string terms =
        "Name, Anschrift und E-Mail-Adresse des Diensteanbieters:\r\nTest GmbH\r\nBerlin\r\n\r\n"
        "Zweck des Auslesevorgangs:\r\nVersand eines Briefs an die Anschrift;\r\n"
        "Setzen der neuen PIN.\r\nHinweis: nur für Tests.";
    CHECK(purposeOfTermsOfUsage(terms) ==
          "Versand eines Briefs an die Anschrift; Setzen der neuen PIN.");
    CHECK(purposeOfTermsOfUsage("Purpose: Login\n\nNote: test") == "Login");
    CHECK(purposeOfTermsOfUsage("Name des Diensteanbieters:\nTest GmbH").empty());
    CHECK(purposeOfTermsOfUsage("").empty());
    CHECK(purposeOfTermsOfUsage("<html><p>Zweck: Login</p></html>").empty());
}

TEST_CASE("SDK: CERTIFICATE has every description and validity field", "[sdk][certificate]") {
    workflows::ConsentRequest request;
    request.providerName = "Demo Service";
    request.providerUrl = "https://service.example/";
    request.issuerName = "Test CVCA";
    request.issuerUrl = "https://cvca.example/";
    request.termsOfUsage = "Zweck des Auslesevorgangs:\nLogin";
    request.purpose = "Login";
    request.validFrom = "2026-01-01";
    request.validUntil = "2026-02-01";
    const QJsonObject message = service::sdkCertificateMessage(request);
    CHECK(message.value("msg").toString() == "CERTIFICATE");
    const QJsonObject description = message.value("description").toObject();
    CHECK(description.value("issuerName").toString() == "Test CVCA");
    CHECK(description.value("issuerUrl").toString() == "https://cvca.example/");
    CHECK(description.value("subjectName").toString() == "Demo Service");
    CHECK(description.value("subjectUrl").toString() == "https://service.example/");
    CHECK(description.value("termsOfUsage").toString() == "Zweck des Auslesevorgangs:\nLogin");
    CHECK(description.value("purpose").toString() == "Login");
    CHECK(description.size() == 6);
    const QJsonObject validity = message.value("validity").toObject();
    CHECK(validity.value("effectiveDate").toString() == "2026-01-01");
    CHECK(validity.value("expirationDate").toString() == "2026-02-01");
}
