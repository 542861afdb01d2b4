#include <QSslCipher>
#include <QSslEllipticCurve>
#include <catch2/catch.hpp>

#include "TestServers.h"
#include "net/HttpsFetcher.h"
#include "net/TlsConfiguration.h"

using namespace oa;
using namespace oa::net;
using namespace oa::net::test;
using namespace std::chrono_literals;

namespace {

Result<HttpsResponse> fetchFrom(const QUrl& url) {
    HttpsFetchLimits limits;
    limits.timeouts = {3000ms, 5000ms};
    HttpsFetcher fetcher(TlsConfiguration::eServiceChannel({TestPki::instance().caCertificate()}),
                         limits);
    return fetcher.get(url);
}

QString ffdhe2048() {
    TestPki& pki = TestPki::instance();
    const QString path = pki.path("ffdhe2048.pem");
    QProcess process;
    process.start("openssl", {"genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt",
                              "group:ffdhe2048", "-out", path});
    process.waitForFinished(10000);
    return path;
}

}  // namespace

TEST_CASE("The eService channel offers only ECDHE/DHE AES-GCM suites and brainpool curves first",
          "[tls]") {
    const QSslConfiguration config = TlsConfiguration::eServiceChannel();
    CHECK(config.protocol() == QSsl::TlsV1_2OrLater);
    CHECK(config.peerVerifyMode() == QSslSocket::VerifyPeer);
    REQUIRE_FALSE(config.ciphers().isEmpty());
    for (const QSslCipher& cipher : config.ciphers()) {
        INFO(cipher.name().toStdString());
        CHECK(cipher.name().contains("GCM"));
        if (cipher.protocol() != QSsl::TlsV1_3) {
            CHECK((cipher.keyExchangeMethod() == "ECDH" || cipher.keyExchangeMethod() == "DH"));
        }
        CHECK_FALSE(cipher.name().contains("PSK"));
    }
    REQUIRE(config.ellipticCurves().size() == 5);
    CHECK(config.ellipticCurves().front().shortName() == "brainpoolP512r1");
    CHECK(config.ellipticCurves().back().shortName() == "prime256v1");
}

TEST_CASE("The eID-Server PSK channel is TLS 1.2 with RSA-PSK suites only", "[tls]") {
    const QSslConfiguration config = TlsConfiguration::eIdServerPskChannel();
    CHECK(config.protocol() == QSsl::TlsV1_2);
    REQUIRE(config.ciphers().size() == 3);
    CHECK(config.ciphers().front().name() == "RSA-PSK-AES256-GCM-SHA384");
    for (const QSslCipher& cipher : config.ciphers())
        CHECK(cipher.name().startsWith("RSA-PSK-"));
}

TEST_CASE("A TLS 1.2 server gets our first choice of curve brainpoolP512r1", "[tls]") {
    TestHttpsServer server(
        ServerIdentity::EcLocalhost, [](const TestRequest&) { return TestAnswer::http(200, "ok"); },
        QSsl::TlsV1_2);
    const auto response = fetchFrom(server.url());
    REQUIRE(response.ok());
    CHECK(response->cipher.protocol() == QSsl::TlsV1_2);
    CHECK(response->cipher.name() == "ECDHE-ECDSA-AES256-GCM-SHA384");
    CHECK(response->ephemeralServerKey.algorithm() == QSsl::Ec);
    CHECK(response->ephemeralServerKey.length() == 512);
}

TEST_CASE("A TLS 1.3 server is accepted on the eService channel", "[tls]") {
    TestHttpsServer server(
        ServerIdentity::EcLocalhost, [](const TestRequest&) { return TestAnswer::http(200, "ok"); },
        QSsl::TlsV1_3);
    const auto response = fetchFrom(server.url());
    REQUIRE(response.ok());
    CHECK(response->cipher.protocol() == QSsl::TlsV1_3);
    CHECK(response->cipher.name() == "TLS_AES_256_GCM_SHA384");
}

TEST_CASE("A server that speaks only TLS 1.1 is refused", "[tls]") {
    OpensslServer server(ServerIdentity::EcLocalhost, {"-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"});
    REQUIRE(server.running());
    const auto response = fetchFrom(server.url());
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().code == ErrorCode::AuthenticationFailed);
    CHECK(response.error().message == "No secure connection to localhost could be established.");
}

TEST_CASE("A server with only weak suites is refused", "[tls]") {
    SECTION("static RSA key exchange with CBC") {
        OpensslServer server(ServerIdentity::RsaLocalhost,
                             {"-tls1_2", "-cipher", "AES128-SHA:AES256-SHA256"});
        REQUIRE(server.running());
        const auto response = fetchFrom(server.url());
        REQUIRE_FALSE(response.ok());
        CHECK(response.error().code == ErrorCode::AuthenticationFailed);
    }
    SECTION("ECDHE with CBC and SHA-1") {
        OpensslServer server(ServerIdentity::EcLocalhost,
                             {"-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA"});
        REQUIRE(server.running());
        CHECK_FALSE(fetchFrom(server.url()).ok());
    }
}

TEST_CASE("A server certificate with an RSA key below 3000 bit is refused", "[tls]") {
    OpensslServer server(ServerIdentity::SmallRsa, {"-tls1_2"});
    REQUIRE(server.running());
    const auto response = fetchFrom(server.url());
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().message ==
          "The server's encryption key is too weak; the connection was refused.");
    CHECK(response.error().detail.find("RSA key has 2048 bit") != std::string::npos);
}

TEST_CASE("An ephemeral DH key below 3000 bit is refused", "[tls]") {
    OpensslServer server(
        ServerIdentity::RsaLocalhost,
        {"-tls1_2", "-cipher", "DHE-RSA-AES256-GCM-SHA384", "-dhparam", ffdhe2048()});
    REQUIRE(server.running());
    const auto response = fetchFrom(server.url());
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().detail.find("ephemeral DH key has 2048 bit") != std::string::npos);
}

TEST_CASE("A certificate for another host name is refused", "[tls]") {
    OpensslServer server(ServerIdentity::EcWrongHost, {"-tls1_2"});
    REQUIRE(server.running());
    const auto response = fetchFrom(server.url());
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().message ==
          "The server localhost presented a certificate that cannot be trusted; the connection "
          "was refused.");
    CHECK(response.error().detail.find("host name") != std::string::npos);
}

TEST_CASE("A certificate from an unknown CA is refused", "[tls]") {
    OpensslServer server(ServerIdentity::EcUntrusted, {"-tls1_2"});
    REQUIRE(server.running());
    const auto response = fetchFrom(server.url());
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().code == ErrorCode::AuthenticationFailed);
    CHECK(response.error().detail.find("issuer") != std::string::npos);
}
