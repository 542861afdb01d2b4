#include <QFile>
#include <QString>
#include <catch2/catch.hpp>
#include <map>

#include "net/TcToken.h"

using namespace oa;
using namespace oa::net;

namespace {

QByteArray fixture(const char* name) {
    QFile file(QStringLiteral(OA_NET_TEST_DATA "/tctoken/") + QLatin1String(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// A valid PSK token with some elements replaced (or removed when the replacement is "-").
QByteArray token(const std::map<std::string, std::string>& changes = {}) {
    std::map<std::string, std::string> values{
        {"ServerAddress", "https://eid.example.org/paos"},
        {"SessionIdentifier", "0123456789ABCDEF"},
        {"RefreshAddress", "https://service.example.org/refresh?id=7"},
        {"CommunicationErrorAddress", "https://service.example.org/error"},
        {"Binding", "urn:liberty:paos:2006-08"},
        {"PathSecurity-Protocol", "urn:ietf:rfc:4279"},
        {"PSK", "00112233445566778899AABBCCDDEEFF"},
    };
    for (const auto& [name, value] : changes)
        values[name] = value;
    std::string xml = "<TCTokenType>";
    for (const char* name : {"ServerAddress", "SessionIdentifier", "RefreshAddress",
                             "CommunicationErrorAddress", "Binding", "PathSecurity-Protocol"}) {
        if (values[name] != "-")
            xml += std::string("<") + name + ">" + values[name] + "</" + name + ">";
    }
    if (values["PSK"] != "-")
        xml +=
            "<PathSecurity-Parameters><PSK>" + values["PSK"] + "</PSK></PathSecurity-Parameters>";
    return QByteArray::fromStdString(xml + "</TCTokenType>");
}

QString redirect(const TcTokenOutcome& outcome) {
    return outcome.redirectUrl().toString(QUrl::FullyEncoded);
}

void requireTrustedChannelFailure(const TcTokenOutcome& outcome) {
    REQUIRE(outcome.action == TcTokenAction::RedirectToRefreshAddress);
    CHECK(redirect(outcome) ==
          "https://service.example.org/refresh?id=7&ResultMajor=error&ResultMinor="
          "trustedChannelEstablishmentFailed");
    CHECK_FALSE(outcome.token);
    REQUIRE(outcome.error);
}

}  // namespace

TEST_CASE("A POSeIDAS token with PSK is accepted with every field") {
    const auto outcome = evaluateTcToken(fixture("poseidas-psk.xml"));
    REQUIRE(outcome.action == TcTokenAction::Proceed);
    REQUIRE(outcome.token);
    const TcToken& token = *outcome.token;
    CHECK(token.serverAddress == QUrl("https://eid.example.org/eidas-middleware/paosreceiver"));
    CHECK(token.sessionIdentifier == "4C9B1F0A7E6D2B3C8A5F0E1D2C3B4A59");
    CHECK(token.refreshAddress == QUrl("https://service.example.org/ResponseSender?refID=123456"));
    CHECK(token.communicationErrorAddress == QUrl("https://service.example.org/error"));
    REQUIRE(token.usesPsk());
    CHECK(toHex(token.psk->bytes()) ==
          "0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F9");
    CHECK_FALSE(outcome.error);
}

TEST_CASE("A TCToken root without PathSecurity means the attached eID-Server model") {
    const auto outcome = evaluateTcToken(fixture("tctoken-root-attached.xml"));
    REQUIRE(outcome.action == TcTokenAction::Proceed);
    CHECK_FALSE(outcome.token->usesPsk());
    CHECK(outcome.token->serverAddress.port() == 8443);
    CHECK_FALSE(outcome.token->communicationErrorAddress);
}

TEST_CASE("PathSecurity-Protocol TLS-PSK without a PSK also means the attached model") {
    const auto outcome = evaluateTcToken(fixture("attached-protocol-without-psk.xml"));
    REQUIRE(outcome.action == TcTokenAction::Proceed);
    CHECK_FALSE(outcome.token->usesPsk());
}

TEST_CASE("Namespaced, pretty-printed tokens with CDATA, escapes and a BOM are read") {
    const auto outcome = evaluateTcToken(fixture("namespaced-lenient.xml"));
    REQUIRE(outcome.action == TcTokenAction::Proceed);
    const TcToken& token = *outcome.token;
    CHECK(token.serverAddress == QUrl("https://eid.example.org/paos"));
    CHECK(token.sessionIdentifier == "3a4b5c6d");
    CHECK(token.refreshAddress.toString() == "https://service.example.org/refresh?a=1&b=2");
    CHECK(token.communicationErrorAddress->toString() ==
          "https://service.example.org/error?x=1&y=2");
    CHECK(toHex(token.psk->bytes()) == "00112233445566778899AABBCCDDEEFF");
}

TEST_CASE("Broken token: only CommunicationErrorAddress redirects there with communicationError") {
    const auto outcome = evaluateTcToken(fixture("error-token.xml"));
    REQUIRE(outcome.action == TcTokenAction::RedirectToCommunicationErrorAddress);
    CHECK(redirect(outcome) ==
          "https://service.example.org/error?ResultMajor=error&ResultMinor=communicationError");
    CHECK_FALSE(outcome.token);
}

TEST_CASE("Broken token: an http-only CommunicationErrorAddress is still used (BSI A2_27)") {
    const auto outcome = evaluateTcToken(fixture("error-token-http.xml"));
    REQUIRE(outcome.action == TcTokenAction::RedirectToCommunicationErrorAddress);
    CHECK(redirect(outcome) ==
          "http://service.example.org/error?code=5&ResultMajor=error&ResultMinor="
          "communicationError");
}

TEST_CASE("Broken token: an empty or blank body shows a 404 page") {
    for (const QByteArray body : {QByteArray(), QByteArray(" \r\n\t ")}) {
        const auto outcome = evaluateTcToken(body);
        CHECK(outcome.action == TcTokenAction::ShowErrorPage);
        CHECK(outcome.errorPageStatus == 404);
        CHECK(outcome.redirectUrl().isEmpty());
        REQUIRE(outcome.error);
        CHECK_FALSE(outcome.error->message.empty());
    }
}

TEST_CASE("Broken token: an empty ServerAddress fails the trusted channel") {
    requireTrustedChannelFailure(evaluateTcToken(token({{"ServerAddress", ""}})));
    requireTrustedChannelFailure(evaluateTcToken(token({{"ServerAddress", "-"}})));
}

TEST_CASE("Broken token: a ServerAddress that is not https fails the trusted channel") {
    for (const char* address :
         {"http://eid.example.org/paos", "eid.example.org/paos", "ftp://eid.example.org/",
          "https:///paos", "https://eid.example.org:99999/", "https://exa mple.org/"}) {
        INFO(address);
        requireTrustedChannelFailure(evaluateTcToken(token({{"ServerAddress", address}})));
    }
}

TEST_CASE("Broken token: a PSK of odd length fails the trusted channel") {
    requireTrustedChannelFailure(evaluateTcToken(token({{"PSK", "0011223"}})));
}

TEST_CASE("Broken token: a PSK with non-hex characters fails the trusted channel") {
    for (const char* psk : {"00112233445566778899AABBCCDDEEFG", "0011 2233", "0x0011", "-0"}) {
        INFO(psk);
        requireTrustedChannelFailure(evaluateTcToken(token({{"PSK", psk}})));
    }
}

TEST_CASE("Broken token: a RefreshAddress that is not https goes to CommunicationErrorAddress") {
    for (const char* address : {"http://service.example.org/refresh", "", "-", "refresh"}) {
        INFO(address);
        const auto outcome = evaluateTcToken(token({{"RefreshAddress", address}}));
        REQUIRE(outcome.action == TcTokenAction::RedirectToCommunicationErrorAddress);
        CHECK(redirect(outcome) ==
              "https://service.example.org/error?ResultMajor=error&ResultMinor=communicationError");
    }
}

TEST_CASE("Broken token: no usable RefreshAddress nor CommunicationErrorAddress shows a 400 page") {
    const auto outcome = evaluateTcToken(token(
        {{"RefreshAddress", "http://service.example.org/"}, {"CommunicationErrorAddress", "-"}}));
    CHECK(outcome.action == TcTokenAction::ShowErrorPage);
    CHECK(outcome.errorPageStatus == 400);
    const auto invalidError = evaluateTcToken(
        token({{"RefreshAddress", "-"}, {"CommunicationErrorAddress", "mailto:x@example.org"}}));
    CHECK(invalidError.action == TcTokenAction::ShowErrorPage);
    CHECK(invalidError.errorPageStatus == 400);
}

TEST_CASE("A token with an unknown Binding goes to CommunicationErrorAddress") {
    for (const char* binding : {"urn:liberty:paos:2003-08", "", "-"}) {
        const auto outcome = evaluateTcToken(token({{"Binding", binding}}));
        REQUIRE(outcome.action == TcTokenAction::RedirectToCommunicationErrorAddress);
        CHECK(outcome.result == BrowserResult::failure(BrowserResultMinor::CommunicationError));
    }
}

TEST_CASE("An unknown PathSecurity-Protocol or a PSK without protocol fails the trusted channel") {
    requireTrustedChannelFailure(
        evaluateTcToken(token({{"PathSecurity-Protocol", "urn:ietf:rfc:5246"}})));
    requireTrustedChannelFailure(evaluateTcToken(token({{"PathSecurity-Protocol", "-"}})));
}

TEST_CASE("A token without SessionIdentifier fails the trusted channel") {
    requireTrustedChannelFailure(evaluateTcToken(token({{"SessionIdentifier", ""}})));
}

TEST_CASE("A token without PSK and protocol is accepted in the attached model") {
    const auto outcome = evaluateTcToken(token({{"PSK", "-"}, {"PathSecurity-Protocol", "-"}}));
    REQUIRE(outcome.action == TcTokenAction::Proceed);
    CHECK_FALSE(outcome.token->usesPsk());
}

TEST_CASE("Without CommunicationErrorAddress, token-making errors go to the RefreshAddress") {
    const auto binding = evaluateTcToken(
        token({{"Binding", "urn:liberty:paos:2003-08"}, {"CommunicationErrorAddress", "-"}}));
    REQUIRE(binding.action == TcTokenAction::RedirectToRefreshAddress);
    CHECK(redirect(binding) ==
          "https://service.example.org/"
          "refresh?id=7&ResultMajor=error&ResultMinor=communicationError");
    const auto badAddress =
        evaluateTcToken(token({{"CommunicationErrorAddress", "not a url at all"}}));
    REQUIRE(badAddress.action == TcTokenAction::RedirectToRefreshAddress);
    CHECK(badAddress.result == BrowserResult::failure(BrowserResultMinor::CommunicationError));
}

TEST_CASE("Latin-1 tokens with CRLF and schema location attributes are read") {
    const auto outcome = evaluateTcToken(fixture("latin1-crlf-schema-location.xml"));
    REQUIRE(outcome.action == TcTokenAction::Proceed);
    CHECK(outcome.token->sessionIdentifier == QStringLiteral("S\u00e4tze-42"));
    CHECK(outcome.token->serverAddress.toString() == "https://eid.example.org:443/paos?sid=1");
}

TEST_CASE("UTF-16 tokens with a byte order mark are read") {
    const auto outcome = evaluateTcToken(fixture("utf16.xml"));
    REQUIRE(outcome.action == TcTokenAction::Proceed);
    CHECK(outcome.token->sessionIdentifier == "utf16");
}

TEST_CASE("An empty PSK element means the attached model, like a missing one (BSI A2_19)") {
    for (const char* psk : {"", "  "}) {
        const auto outcome = evaluateTcToken(token({{"PSK", psk}}));
        REQUIRE(outcome.action == TcTokenAction::Proceed);
        CHECK_FALSE(outcome.token->usesPsk());
    }
    for (const char* protocol : {"", "-"}) {
        const auto outcome =
            evaluateTcToken(token({{"PSK", ""}, {"PathSecurity-Protocol", protocol}}));
        REQUIRE(outcome.action == TcTokenAction::Proceed);
        CHECK_FALSE(outcome.token->usesPsk());
    }
}

TEST_CASE("A trusted channel failure keeps the CommunicationErrorAddress for a failed refresh") {
    // The RefreshAddress algorithm may still fail after a broken PSK or ServerAddress; the browser
    // must then go to the CommunicationErrorAddress (TB A4_06..08), not to an error page.
    for (const auto& changes : std::vector<std::map<std::string, std::string>>{
             {{"PSK", "0011223"}}, {{"ServerAddress", "http://eid.example.org/paos"}}}) {
        const auto outcome = evaluateTcToken(token(changes));
        requireTrustedChannelFailure(outcome);
        REQUIRE(outcome.communicationErrorAddress);
        CHECK(*outcome.communicationErrorAddress == QUrl("https://service.example.org/error"));
    }
    const auto without =
        evaluateTcToken(token({{"PSK", "0011223"}, {"CommunicationErrorAddress", "-"}}));
    requireTrustedChannelFailure(without);
    CHECK_FALSE(without.communicationErrorAddress);
}
