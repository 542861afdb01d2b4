#include <QCryptographicHash>
#include <catch2/catch.hpp>

#include "TestServers.h"
#include "net/CommCertificates.h"
#include "net/PskChannel.h"
#include "net/TlsServerCertificates.h"

using namespace oa;
using namespace oa::net;
using namespace oa::net::test;
using namespace std::chrono_literals;

namespace {

const QByteArray kSession = "4c0b9a6e3f0d4bb2a1c7e8f90a1b2c3d";
const QByteArray kPsk = QByteArray::fromHex(
    "b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e"
    "9fa0b1c2d3e4f5061728394a5b6c7d8e9fa0");

PskChannel::Settings settings(TlsServerCertificates* seen = nullptr) {
    PskChannel::Settings result;
    result.caCertificates = {TestPki::instance().caCertificate()};
    result.check.seen = seen;
    result.timeouts = {3000ms, 5000ms};
    return result;
}

SecureBytes secret(const QByteArray& bytes) {
    return SecureBytes(ByteView(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                                static_cast<std::size_t>(bytes.size())));
}

}  // namespace

TEST_CASE("PAOS messages travel over RSA-PSK with the session identifier and PAOS headers",
          "[psk]") {
    TestHttpsServer server(ServerIdentity::RsaLocalhost, kSession, kPsk,
                           [](const TestRequest& request) {
                               return TestAnswer::http(200, "answer to " + request.body);
                           });
    TlsServerCertificates seen;
    PskChannel channel(server.url("/paos"), QString::fromLatin1(kSession), secret(kPsk),
                       settings(&seen));
    const auto first = channel.send("<StartPAOS/>");
    REQUIRE(first.ok());
    CHECK(*first == "answer to <StartPAOS/>");
    CHECK(channel.cipher().name() == "RSA-PSK-AES256-GCM-SHA384");
    CHECK(channel.cipher().protocol() == QSsl::TlsV1_2);
    const auto second = channel.send("<DIDAuthenticateResponse/>");
    REQUIRE(second.ok());
    CHECK(*second == "answer to <DIDAuthenticateResponse/>");

    CHECK(server.handshakes() == 1);  // one kept-alive TLS-2 connection
    CHECK(server.pskIdentitiesSeen() == QList<QByteArray>{kSession});
    REQUIRE(server.requests().size() == 2);
    const TestRequest& request = server.requests().front();
    CHECK(request.method == "POST");
    CHECK(request.target == "/paos");
    CHECK(request.header("Content-Type") == "application/vnd.paos+xml; charset=UTF-8");
    CHECK(request.header("Accept") == "text/html; application/vnd.paos+xml");
    CHECK(request.header("PAOS") == "ver=\"urn:liberty:paos:2006-08\"");
    REQUIRE(seen.all().size() == 1);
    CHECK(seen.all().front().certificate ==
          TestPki::instance().certificate(ServerIdentity::RsaLocalhost));
}

TEST_CASE("A wrong PSK fails the handshake and no PAOS message is delivered", "[psk]") {
    TestHttpsServer server(ServerIdentity::RsaLocalhost, kSession, kPsk,
                           [](const TestRequest&) { return TestAnswer::http(200, "x"); });
    QByteArray wrong = kPsk;
    wrong[0] = static_cast<char>(wrong[0] ^ 0x01);
    PskChannel channel(server.url("/paos"), QString::fromLatin1(kSession), secret(wrong),
                       settings());
    const auto answer = channel.send("<StartPAOS/>");
    REQUIRE_FALSE(answer.ok());
    CHECK(answer.error().code == ErrorCode::AuthenticationFailed);
    CHECK(answer.error().message == "No secure connection to localhost could be established.");
    CHECK(server.requests().isEmpty());
    CHECK(server.bytesReceived() == 0);
}

TEST_CASE("A server that aborts mid-exchange gives a clean error and no second attempt", "[psk]") {
    TestHttpsServer server(ServerIdentity::RsaLocalhost, kSession, kPsk, [](const TestRequest&) {
        return TestAnswer{{}, false, true};
    });
    PskChannel channel(server.url("/paos"), QString::fromLatin1(kSession), secret(kPsk),
                       settings());
    const auto answer = channel.send("<StartPAOS/>");
    REQUIRE_FALSE(answer.ok());
    CHECK(answer.error().code == ErrorCode::Network);
    CHECK(answer.error().message == "The server localhost closed the connection.");
    CHECK(server.requests().size() == 1);
}

TEST_CASE("A PAOS message without an answer runs into the per-message timeout", "[psk]") {
    TestHttpsServer server(ServerIdentity::RsaLocalhost, kSession, kPsk, [](const TestRequest&) {
        return TestAnswer{{}, true};
    });
    auto shortSettings = settings();
    shortSettings.timeouts = {3000ms, 300ms};
    PskChannel channel(server.url("/paos"), QString::fromLatin1(kSession), secret(kPsk),
                       shortSettings);
    const auto answer = channel.send("<StartPAOS/>");
    REQUIRE_FALSE(answer.ok());
    CHECK(answer.error().code == ErrorCode::Timeout);
    CHECK(server.requests().size() == 1);
}

TEST_CASE("An HTTP error status from the eID-Server is an error", "[psk]") {
    TestHttpsServer server(ServerIdentity::RsaLocalhost, kSession, kPsk,
                           [](const TestRequest&) { return TestAnswer::http(500, "oops"); });
    PskChannel channel(server.url("/paos"), QString::fromLatin1(kSession), secret(kPsk),
                       settings());
    const auto answer = channel.send("<StartPAOS/>");
    REQUIRE_FALSE(answer.ok());
    CHECK(answer.error().message == "The eID-Server localhost answered with an error.");
    CHECK(answer.error().detail == "HTTP status 500 to a PAOS message");
}

TEST_CASE("A server without PSK suites cannot carry the PSK channel", "[psk]") {
    OpensslServer server(ServerIdentity::RsaLocalhost, {"-tls1_2"});
    REQUIRE(server.running());
    PskChannel channel(server.url(), QString::fromLatin1(kSession), secret(kPsk), settings());
    const auto answer = channel.send("<StartPAOS/>");
    REQUIRE_FALSE(answer.ok());
    CHECK(answer.error().code == ErrorCode::AuthenticationFailed);
}

TEST_CASE("A TLS 1.3-only server cannot carry the PSK channel", "[psk]") {
    TestHttpsServer server(
        ServerIdentity::EcLocalhost, [](const TestRequest&) { return TestAnswer::http(200, "x"); },
        QSsl::TlsV1_3);
    PskChannel channel(server.url("/paos"), QString::fromLatin1(kSession), secret(kPsk),
                       settings());
    const auto answer = channel.send("<StartPAOS/>");
    REQUIRE_FALSE(answer.ok());
    CHECK(answer.error().code == ErrorCode::AuthenticationFailed);
    CHECK(server.requests().isEmpty());
}

TEST_CASE("An eID-Server certificate outside commCertificates gets no PAOS byte", "[psk]") {
    TestHttpsServer server(ServerIdentity::RsaLocalhost, kSession, kPsk,
                           [](const TestRequest&) { return TestAnswer::http(200, "x"); });
    const QByteArray otherHash = TestPki::instance()
                                     .certificate(ServerIdentity::EcLocalhost)
                                     .digest(QCryptographicHash::Sha256);
    const CommCertificates pins({Bytes(otherHash.begin(), otherHash.end())});
    auto pinned = settings();
    pinned.check.pins = &pins;
    PskChannel channel(server.url("/paos"), QString::fromLatin1(kSession), secret(kPsk), pinned);
    const auto answer = channel.send("<StartPAOS/>");
    REQUIRE_FALSE(answer.ok());
    CHECK(answer.error().message.find("did not declare") != std::string::npos);
    CHECK(server.requests().isEmpty());
    CHECK(server.bytesReceived() == 0);
}
