#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "asn1/Tlv.h"
#include "eac/CertificateDescription.h"
#include "eac/CvCertificate.h"

using namespace oa;
using namespace oa::eac;

namespace {

Bytes readFixture(const std::string& name) {
    std::ifstream in(std::string(OA_EAC_TEST_DATA) + "/cvc/" + name, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

Bytes explicitField(asn1::Tag number, asn1::Tag type, std::string_view text) {
    return asn1::encode(0xA0 | number, asn1::encode(type, asciiBytes(text)));
}

Bytes oidElement(const Oid& oid) {
    return asn1::encode(0x06, oid.der());
}

// A description as TR-03110-4 spells it: explicit tags, every field present.
Bytes fullDescription() {
    const Bytes hashes = asn1::encode(
        0x31, {asn1::encode(0x04, Bytes(32, 0xAA)), asn1::encode(0x04, Bytes(32, 0xBB))});
    return asn1::encode(
        0x30,
        {oidElement(oid::plainFormat), explicitField(1, 0x0C, "Bundesdruckerei GmbH"),
         explicitField(2, 0x13, "https://www.bundesdruckerei.de"),
         explicitField(3, 0x0C,
                       "Gesch\xC3\xA4"
                       "ftsstelle M\xC3\xBCnchen"),
         explicitField(4, 0x13, "https://service.example.org/eid?x_y=1&z=~"),
         explicitField(5, 0x0C, "Name, Anschrift und E-Mail-Adresse des Diensteanbieters:"),
         explicitField(6, 0x13, "https://service.example.org/done"), asn1::encode(0xA7, hashes)});
}

Bytes minimalDescription(const Oid& format, const Bytes& terms) {
    return asn1::encode(0x30, {oidElement(format), explicitField(1, 0x0C, "Issuer"),
                               explicitField(3, 0x0C, "Subject"), asn1::encode(0xA5, terms)});
}

}  // namespace

TEST_CASE("A complete certificate description is read field by field", "[description]") {
    const auto der = fullDescription();
    auto description = CertificateDescription::parse(der);
    INFO((description ? "" : description.error().detail));
    REQUIRE(description.ok());
    CHECK(description->format() == CertificateDescription::Format::PlainText);
    CHECK(description->issuerName() == "Bundesdruckerei GmbH");
    CHECK(description->issuerUrl() == "https://www.bundesdruckerei.de");
    CHECK(description->subjectName() ==
          "Gesch\xC3\xA4"
          "ftsstelle M\xC3\xBCnchen");
    CHECK(description->subjectUrl() == "https://service.example.org/eid?x_y=1&z=~");
    CHECK(description->termsOfUsageText() ==
          "Name, Anschrift und E-Mail-Adresse des Diensteanbieters:");
    CHECK(description->redirectUrl() == "https://service.example.org/done");
    CHECK(description->hasCommCertificates());
    REQUIRE(description->commCertificates().size() == 2);
    CHECK(description->allowsServerCertificateHash(Bytes(32, 0xBB)));
    CHECK_FALSE(description->allowsServerCertificateHash(Bytes(32, 0xCC)));
    CHECK(description->encoded() == der);
}

TEST_CASE("Optional description fields may be absent", "[description]") {
    auto description =
        CertificateDescription::parse(minimalDescription(oid::plainFormat, asn1::encode(0x0C, {})));
    REQUIRE(description.ok());
    CHECK_FALSE(description->issuerUrl());
    CHECK_FALSE(description->subjectUrl());
    CHECK_FALSE(description->redirectUrl());
    CHECK_FALSE(description->hasCommCertificates());
    CHECK(description->commCertificates().empty());
    CHECK(description->termsOfUsageText().empty());
}

TEST_CASE("HTML and PDF terms of usage are told apart by the description type", "[description]") {
    auto html = CertificateDescription::parse(
        minimalDescription(oid::htmlFormat, asn1::encode(0x16, asciiBytes("<p>Hallo</p>"))));
    REQUIRE(html.ok());
    CHECK(html->format() == CertificateDescription::Format::Html);
    CHECK(html->termsOfUsageText() == "<p>Hallo</p>");
    const Bytes pdfBytes = asciiBytes("%PDF-1.4\n\xE2\xE3");
    auto pdf = CertificateDescription::parse(
        minimalDescription(oid::pdfFormat, asn1::encode(0x04, pdfBytes)));
    REQUIRE(pdf.ok());
    CHECK(pdf->format() == CertificateDescription::Format::Pdf);
    CHECK(pdf->termsOfUsagePdf() == pdfBytes);
    CHECK(pdf->termsOfUsageText().empty());
    // The type must match the format.
    CHECK_FALSE(CertificateDescription::parse(
                    minimalDescription(oid::pdfFormat, asn1::encode(0x0C, asciiBytes("x"))))
                    .ok());
    CHECK_FALSE(CertificateDescription::parse(
                    minimalDescription(oid::htmlFormat, asn1::encode(0x16, Bytes{0xC3, 0xA4})))
                    .ok());
}

TEST_CASE("A deployed description (Governikus self-authentication, 2017) is read",
          "[description]") {
    const auto hex = readFixture("governikus-selfauth-2017.desc.hex");
    Bytes der;
    REQUIRE(fromHex(std::string(hex.begin(), hex.end()), der));
    auto description = CertificateDescription::parse(der);
    INFO((description ? "" : description.error().detail));
    REQUIRE(description.ok());
    CHECK(description->format() == CertificateDescription::Format::PlainText);
    CHECK(description->issuerName() == "D-Trust GmbH");
    CHECK(description->issuerUrl() == "http://www.d-trust.net");
    CHECK(description->subjectName() == "Governikus GmbH & Co. KG");
    CHECK(description->subjectUrl() == "https://www.autentapp.de");
    // The terms start with a byte order mark, which is valid UTF-8.
    CHECK(description->termsOfUsageText().starts_with(
        "\xEF\xBB\xBFName, Anschrift und E-Mail-Adresse des Diensteanbieters:\r\nGovernikus"));
    CHECK(description->termsOfUsageText().find("Gesch\xC3\xA4"
                                               "ftszweck: \r\nSelbstauskunft") !=
          std::string::npos);
    CHECK_FALSE(description->redirectUrl());
    REQUIRE(description->commCertificates().size() == 3);
    CHECK(description->allowsServerCertificateHash(
        hexBytes("AB9FCE5DA4BA24D0B2664450FCCED618F68FE9CBCDC4EE6E0BB0C59BD2AA86B6")));
}

TEST_CASE("OpenPACE's implicitly tagged descriptions are read too", "[description][openpace]") {
    auto plain = CertificateDescription::parse(readFixture("ecdsa-bp256-sha256-at.desc"));
    INFO((plain ? "" : plain.error().detail));
    REQUIRE(plain.ok());
    CHECK(plain->issuerName() == "Test-DV (OpenPACE)");
    CHECK(plain->issuerUrl() == "https://dv.example.org");
    CHECK(plain->subjectName() == "Test-Dienst GmbH");
    CHECK(plain->subjectUrl() == "https://service.example.org");
    CHECK(plain->termsOfUsageText().starts_with(
        "Name, Anschrift und E-Mail-Adresse des Diensteanbieters:\nTest-Dienst GmbH"));
    auto html = CertificateDescription::parse(readFixture("link-at.desc"));
    REQUIRE(html.ok());
    CHECK(html->format() == CertificateDescription::Format::Html);
    CHECK(html->termsOfUsageText().starts_with("<html>"));
    CHECK_FALSE(html->issuerUrl());
}

TEST_CASE("Malformed descriptions are rejected", "[description]") {
    const Bytes issuer = explicitField(1, 0x0C, "Issuer");
    const Bytes subject = explicitField(3, 0x0C, "Subject");
    const Bytes terms = explicitField(5, 0x0C, "Terms");
    const Bytes type = oidElement(oid::plainFormat);
    SECTION("subject missing") {
        CHECK_FALSE(CertificateDescription::parse(asn1::encode(0x30, {type, issuer, terms})).ok());
    }
    SECTION("fields out of order") {
        CHECK_FALSE(
            CertificateDescription::parse(asn1::encode(0x30, {type, subject, issuer, terms})).ok());
    }
    SECTION("unknown field after the last one") {
        const Bytes extra = explicitField(8, 0x0C, "?");
        CHECK_FALSE(
            CertificateDescription::parse(asn1::encode(0x30, {type, issuer, subject, terms, extra}))
                .ok());
    }
    SECTION("unknown description type") {
        auto bad = CertificateDescription::parse(asn1::encode(
            0x30,
            {oidElement(Oid::fromDotted("0.4.0.127.0.7.3.1.3.1.9")), issuer, subject, terms}));
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == ErrorCode::Unsupported);
    }
    SECTION("invalid UTF-8 in a name") {
        const Bytes broken = asn1::encode(0xA1, asn1::encode(0x0C, Bytes{'A', 0xC3, 0x28}));
        CHECK_FALSE(
            CertificateDescription::parse(asn1::encode(0x30, {type, broken, subject, terms})).ok());
    }
    SECTION("URL with a space") {
        const Bytes url = explicitField(2, 0x13, "https://a b");
        CHECK_FALSE(
            CertificateDescription::parse(asn1::encode(0x30, {type, issuer, url, subject, terms}))
                .ok());
    }
    SECTION("name with the wrong string type") {
        const Bytes printable = explicitField(1, 0x13, "Issuer");
        CHECK_FALSE(
            CertificateDescription::parse(asn1::encode(0x30, {type, printable, subject, terms}))
                .ok());
    }
    SECTION("commCertificates with something other than OCTET STRINGs") {
        const Bytes set = asn1::encode(0xA7, asn1::encode(0x31, asn1::encode(0x02, Bytes{1})));
        CHECK_FALSE(
            CertificateDescription::parse(asn1::encode(0x30, {type, issuer, subject, terms, set}))
                .ok());
    }
    SECTION("not a SEQUENCE, or bytes after it") {
        CHECK_FALSE(
            CertificateDescription::parse(asn1::encode(0x31, {type, issuer, subject, terms})).ok());
        auto der = asn1::encode(0x30, {type, issuer, subject, terms});
        REQUIRE(CertificateDescription::parse(der).ok());
        der.push_back(0);
        CHECK_FALSE(CertificateDescription::parse(der).ok());
    }
}

TEST_CASE("A description is bound to its terminal certificate by hash", "[description]") {
    auto terminal = CvCertificate::parse(readFixture("ecdsa-bp256-sha256-at.cvcert"));
    REQUIRE(terminal.ok());
    auto genuine = CertificateDescription::parse(readFixture("ecdsa-bp256-sha256-at.desc"));
    REQUIRE(genuine.ok());
    CHECK(genuine->checkBoundTo(*terminal).ok());
    // Same structure, one character of the subject name changed.
    auto bytes = readFixture("ecdsa-bp256-sha256-at.desc");
    const auto name = asciiBytes("Test-Dienst");
    auto at = std::search(bytes.begin(), bytes.end(), name.begin(), name.end());
    REQUIRE(at != bytes.end());
    at[0] = 'B';
    auto altered = CertificateDescription::parse(bytes);
    REQUIRE(altered.ok());
    auto mismatch = altered->checkBoundTo(*terminal);
    REQUIRE_FALSE(mismatch.ok());
    CHECK(mismatch.error().code == ErrorCode::AuthenticationFailed);
    CHECK(mismatch.error().detail.starts_with("id-description hash mismatch"));
    // A DV certificate carries no description hash at all.
    auto dv = CvCertificate::parse(readFixture("ecdsa-bp256-sha256-dv.cvcert"));
    REQUIRE(dv.ok());
    CHECK_FALSE(genuine->checkBoundTo(*dv).ok());
}
