#include <QCryptographicHash>
#include <catch2/catch.hpp>

#include "TestServers.h"
#include "net/CommCertificates.h"
#include "net/HttpsFetcher.h"
#include "net/TlsConfiguration.h"
#include "net/TlsServerCertificates.h"

using namespace oa;
using namespace oa::net;
using namespace oa::net::test;

namespace {

Bytes hashOf(const QSslCertificate& certificate, QCryptographicHash::Algorithm algorithm) {
    const QByteArray digest = QCryptographicHash::hash(certificate.toDer(), algorithm);
    return Bytes(digest.begin(), digest.end());
}

}  // namespace

TEST_CASE("commCertificates allow exactly the listed certificates, by SHA-256/384/512 hash",
          "[pinning]") {
    TestPki& pki = TestPki::instance();
    const QSslCertificate ec = pki.certificate(ServerIdentity::EcLocalhost);
    const QSslCertificate other = pki.certificate(ServerIdentity::EcWrongHost);
    for (auto algorithm :
         {QCryptographicHash::Sha256, QCryptographicHash::Sha384, QCryptographicHash::Sha512}) {
        const CommCertificates pins({hashOf(ec, algorithm)});
        CHECK(pins.pinned());
        CHECK(pins.allows(ec));
        CHECK_FALSE(pins.allows(other));
    }
    CHECK_FALSE(CommCertificates({hashOf(ec, QCryptographicHash::Sha1)}).allows(ec));
    CHECK_FALSE(CommCertificates(std::vector<Bytes>{}).allows(ec));
    CHECK(CommCertificates().allows(ec));  // nothing known yet: only recorded
}

TEST_CASE("A certificate outside commCertificates stops the fetch before any request byte",
          "[pinning]") {
    TestPki& pki = TestPki::instance();
    TestHttpsServer server(ServerIdentity::EcLocalhost,
                           [](const TestRequest&) { return TestAnswer::http(200, "secret"); });
    const CommCertificates pins(
        {hashOf(pki.certificate(ServerIdentity::EcWrongHost), QCryptographicHash::Sha256)});
    TlsServerCertificates seen;
    HttpsFetcher fetcher(TlsConfiguration::eServiceChannel({pki.caCertificate()}), {},
                         TlsServerCheck{&pins, &seen, {}});
    const auto response = fetcher.get(server.url("/token"));
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().message ==
          "The server localhost uses a certificate the service provider did not declare; the "
          "connection was refused.");
    CHECK(server.handshakes() <= 1);
    CHECK(server.requests().isEmpty());
    CHECK(server.bytesReceived() == 0);
    // Still recorded, so the workflow's log of what it saw is complete.
    REQUIRE(seen.all().size() == 1);
    CHECK(seen.all().front().certificate == pki.certificate(ServerIdentity::EcLocalhost));
}

TEST_CASE("A certificate listed in commCertificates passes", "[pinning]") {
    TestPki& pki = TestPki::instance();
    TestHttpsServer server(ServerIdentity::EcLocalhost,
                           [](const TestRequest&) { return TestAnswer::http(200, "ok"); });
    const CommCertificates pins(
        {hashOf(pki.certificate(ServerIdentity::EcWrongHost), QCryptographicHash::Sha256),
         hashOf(pki.certificate(ServerIdentity::EcLocalhost), QCryptographicHash::Sha256)});
    HttpsFetcher fetcher(TlsConfiguration::eServiceChannel({pki.caCertificate()}), {},
                         TlsServerCheck{&pins, nullptr, {}});
    const auto response = fetcher.get(server.url());
    REQUIRE(response.ok());
    CHECK(response->body == "ok");
}

TEST_CASE("Recorded certificates are checked afterwards and the failing host is named",
          "[pinning]") {
    TestPki& pki = TestPki::instance();
    const QSslCertificate ec = pki.certificate(ServerIdentity::EcLocalhost);
    const QSslCertificate rsa = pki.certificate(ServerIdentity::RsaLocalhost);
    TlsServerCertificates seen;
    seen.record("shop.example", ec);
    seen.record("shop.example", ec);
    seen.record("eid.example", rsa);
    CHECK(seen.all().size() == 2);
    CHECK(seen.checkAll(CommCertificates({hashOf(ec, QCryptographicHash::Sha256),
                                          hashOf(rsa, QCryptographicHash::Sha256)}))
              .ok());
    const auto failed = seen.checkAll(CommCertificates({hashOf(ec, QCryptographicHash::Sha256)}));
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message.find("eid.example") != std::string::npos);
    CHECK(failed.error().detail.find(
              rsa.digest(QCryptographicHash::Sha256).toHex().toStdString()) != std::string::npos);
}

TEST_CASE("Every redirect hop is checked against commCertificates before its request",
          "[pinning]") {
    TestPki& pki = TestPki::instance();
    TestHttpsServer second(ServerIdentity::RsaLocalhost,
                           [](const TestRequest&) { return TestAnswer::http(200, "token"); });
    const QByteArray target = second.url("/token").toEncoded();
    TestHttpsServer first(ServerIdentity::EcLocalhost,
                          [&](const TestRequest&) { return TestAnswer::redirect(303, target); });
    const CommCertificates pins(
        {hashOf(pki.certificate(ServerIdentity::EcLocalhost), QCryptographicHash::Sha256)});
    TlsServerCertificates seen;
    HttpsFetcher fetcher(TlsConfiguration::eServiceChannel({pki.caCertificate()}), {},
                         TlsServerCheck{&pins, &seen, {}});
    const auto response = fetcher.get(first.url("/start"));
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().code == ErrorCode::AuthenticationFailed);
    CHECK(first.requests().size() == 1);
    CHECK(second.requests().isEmpty());
    CHECK(second.bytesReceived() == 0);
    CHECK(seen.all().size() == 2);
}

TEST_CASE("A handshake-only check returns the server certificate without any request",
          "[pinning]") {
    TestPki& pki = TestPki::instance();
    TestHttpsServer server(ServerIdentity::EcLocalhost,
                           [](const TestRequest&) { return TestAnswer::http(200, "x"); });
    TlsServerCertificates seen;
    HttpsFetcher fetcher(TlsConfiguration::eServiceChannel({pki.caCertificate()}), {},
                         TlsServerCheck{nullptr, &seen, {}});
    const auto outcome = fetcher.handshake(server.url("/refresh?x=1"));
    REQUIRE(outcome.result.ok());
    CHECK(outcome.result->status == 0);
    REQUIRE(outcome.result->certificates.size() == 1);
    CHECK(outcome.result->certificates.front() == pki.certificate(ServerIdentity::EcLocalhost));
    CHECK(seen.contains(pki.certificate(ServerIdentity::EcLocalhost)));
    CHECK(server.requests().isEmpty());
    CHECK(server.bytesReceived() == 0);

    const auto refused =
        fetcher.handshake(QUrl("https://127.0.0.1:" + QString::number(closedPort()) + "/refresh"));
    REQUIRE_FALSE(refused.result.ok());
    CHECK(refused.failure == ServerFailure::Refused);
}
