#include <QFile>
#include <catch2/catch.hpp>

#include "net/TcToken.h"
#include "net/XmlDocument.h"

using namespace oa;
using namespace oa::net;

namespace {

QByteArray fixture(const char* name) {
    QFile file(QStringLiteral(OA_NET_TEST_DATA "/tctoken/") + QLatin1String(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

const char* kMinimal =
    "<TCTokenType><ServerAddress>https://eid.example.org/</ServerAddress>"
    "<SessionIdentifier>1</SessionIdentifier><RefreshAddress>https://a.example/</RefreshAddress>"
    "<Binding>urn:liberty:paos:2006-08</Binding></TCTokenType>";

void requireNotFound(const QByteArray& body) {
    const auto outcome = evaluateTcToken(body);
    CHECK(outcome.action == TcTokenAction::ShowErrorPage);
    CHECK(outcome.errorPageStatus == 404);
    CHECK_FALSE(outcome.token);
}

}  // namespace

TEST_CASE("Entity expansion (billion laughs) is refused before anything is expanded") {
    const auto fields = parseTcTokenFields(fixture("billion-laughs.xml"));
    REQUIRE_FALSE(fields);
    CHECK(fields.error().code == ErrorCode::InvalidInput);
    CHECK(fields.error().detail.find("document type declaration") != std::string::npos);
    requireNotFound(fixture("billion-laughs.xml"));
}

TEST_CASE("External entities are refused") {
    requireNotFound(fixture("external-entity.xml"));
    const auto fields = parseTcTokenFields(fixture("external-entity.xml"));
    REQUIRE_FALSE(fields);
    CHECK(fields.error().detail.find("/etc/passwd") == std::string::npos);
}

TEST_CASE("Any DTD is refused, even an empty one") {
    requireNotFound(QByteArray("<!DOCTYPE TCTokenType>") + kMinimal);
    requireNotFound(QByteArray("<!DOCTYPE TCTokenType SYSTEM \"http://evil.example/t.dtd\">") +
                    kMinimal);
    requireNotFound(QByteArray("<!DOCTYPE TCTokenType [<!ATTLIST TCTokenType a CDATA 'x'>]>") +
                    kMinimal);
}

TEST_CASE("References to undeclared entities are refused, predefined ones are read") {
    requireNotFound(fixture("undeclared-entity.xml"));
    const auto fields = parseTcTokenFields(
        "<TCToken><SessionIdentifier>&lt;&amp;&gt;&quot;&apos;&#x41;&#66;</SessionIdentifier>"
        "</TCToken>");
    REQUIRE(fields);
    CHECK(fields->sessionIdentifier == "<&>\"'AB");
}

TEST_CASE("Processing instructions and non-well-formed documents are refused") {
    requireNotFound(QByteArray("<?xml-stylesheet href=\"x\"?>") + kMinimal);
    requireNotFound("<TCTokenType><ServerAddress>https://eid.example.org/</TCTokenType>");
    requireNotFound(QByteArray(kMinimal) + "<TCTokenType/>");
    requireNotFound(QByteArray(kMinimal).replace("</TCTokenType>", ""));
    requireNotFound("<html><body>Login</body></html>");
    requireNotFound("{\"ServerAddress\": \"https://eid.example.org/\"}");
    requireNotFound("<p:TCToken><p:Binding/></p:TCToken>");
}

TEST_CASE("Tokens larger than 64 KiB are refused") {
    QByteArray body(kMinimal);
    body.replace("</TCTokenType>", QByteArray(65 * 1024, ' ') + "</TCTokenType>");
    requireNotFound(body);
    const auto fields = parseTcTokenFields(body);
    REQUIRE_FALSE(fields);
    CHECK(fields.error().detail.find("exceeds") != std::string::npos);
}

TEST_CASE("An element given twice makes the token invalid") {
    requireNotFound(QByteArray(kMinimal).replace(
        "<Binding>", "<ServerAddress>https://other.example/</ServerAddress><Binding>"));
    requireNotFound(
        QByteArray(kMinimal).replace("</TCTokenType>",
                                     "<PathSecurity-Parameters><PSK>00</PSK><PSK>11</PSK>"
                                     "</PathSecurity-Parameters></TCTokenType>"));
}

TEST_CASE("Elements with child elements where text belongs make the token invalid") {
    requireNotFound(
        QByteArray(kMinimal).replace("<SessionIdentifier>1</SessionIdentifier>",
                                     "<SessionIdentifier><b>1</b></SessionIdentifier>"));
}

TEST_CASE("Unknown elements are ignored, the root name must be a TC token") {
    const auto outcome = evaluateTcToken(
        QByteArray(kMinimal).replace("<Binding>", "<Extension><X>1</X></Extension><Binding>"));
    CHECK(outcome.action == TcTokenAction::Proceed);
    requireNotFound(QByteArray(kMinimal).replace("TCTokenType", "Token"));
}

TEST_CASE("Deeply nested documents are refused") {
    QByteArray body = "<TCToken>";
    for (int i = 0; i < 100; ++i)
        body += "<a>";
    for (int i = 0; i < 100; ++i)
        body += "</a>";
    requireNotFound(body + "</TCToken>");
}

TEST_CASE("Strict hexBinary accepts only pairs of hex digits") {
    CHECK(decodeHexBinary(u" 00aBfF\n") == hexBytes("00ABFF"));
    CHECK(decodeHexBinary(u"") == Bytes{});
    CHECK_FALSE(decodeHexBinary(u"0"));
    CHECK_FALSE(decodeHexBinary(u"00 11"));
    CHECK_FALSE(decodeHexBinary(u"0g"));
    CHECK_FALSE(decodeHexBinary(u"\u0660\u0661"));  // Arabic-Indic digits are not hex
}
