#include <QTcpServer>
#include <catch2/catch.hpp>

#include "TestServers.h"
#include "net/HttpsFetcher.h"
#include "net/RefreshAddress.h"
#include "net/TlsConfiguration.h"
#include "net/TlsServerCertificates.h"

using namespace oa;
using namespace oa::net;
using namespace oa::net::test;
using namespace std::chrono_literals;

namespace {

HttpsFetchLimits shortLimits() {
    HttpsFetchLimits limits;
    limits.timeouts = {2000ms, 5000ms};
    limits.maxRedirects = 5;
    limits.maxBodyBytes = 64 * 1024;
    return limits;
}

HttpsFetcher fetcherTrustingTestCa(HttpsFetchLimits limits = shortLimits(),
                                   TlsServerCheck check = {}) {
    return HttpsFetcher(TlsConfiguration::eServiceChannel({TestPki::instance().caCertificate()}),
                        limits, check);
}

const QByteArray kToken = "<TCTokenType><ServerAddress>https://x</ServerAddress></TCTokenType>";

}  // namespace

TEST_CASE("A TC token fetch returns status, headers, body, final URL and the server certificate",
          "[https]") {
    TestHttpsServer server(ServerIdentity::EcLocalhost, [](const TestRequest&) {
        return TestAnswer::http(200, kToken, {{"Content-Type", "text/xml; charset=utf-8"}});
    });
    TlsServerCertificates seen;
    auto fetcher = fetcherTrustingTestCa(shortLimits(), TlsServerCheck{nullptr, &seen, {}});
    const auto response = fetcher.get(server.url("/token"));
    REQUIRE(response.ok());
    CHECK(response->status == 200);
    CHECK(response->body == kToken);
    CHECK(response->header("content-type") == "text/xml; charset=utf-8");
    CHECK(response->url == server.url("/token"));
    const QSslCertificate expected = TestPki::instance().certificate(ServerIdentity::EcLocalhost);
    REQUIRE(response->certificates.size() == 1);
    CHECK(response->certificates.front() == expected);
    REQUIRE(seen.all().size() == 1);
    CHECK(seen.all().front().host == "localhost");
    CHECK(seen.all().front().certificate == expected);
    CHECK(TlsConfiguration::eServiceCipherNames().contains(response->cipher.name()));
    REQUIRE(server.requests().size() == 1);
    CHECK(server.requests().front().method == "GET");
    CHECK(server.requests().front().header("Accept-Encoding") == "identity");
}

TEST_CASE("Redirects 302, 303 and 307 to https are followed and every hop's certificate is kept",
          "[https]") {
    TestHttpsServer second(ServerIdentity::RsaLocalhost, [](const TestRequest& request) {
        if (request.target == "/b") return TestAnswer::redirect(303, "/c");
        return TestAnswer::http(200, kToken);
    });
    const QByteArray secondB = second.url("/b").toEncoded();
    TestHttpsServer first(ServerIdentity::EcLocalhost, [&](const TestRequest& request) {
        if (request.target == "/a") return TestAnswer::redirect(302, "/a2");
        if (request.target == "/a2") return TestAnswer::redirect(307, secondB);
        return TestAnswer::http(404);
    });
    TlsServerCertificates seen;
    auto fetcher = fetcherTrustingTestCa(shortLimits(), TlsServerCheck{nullptr, &seen, {}});
    const auto response = fetcher.get(first.url("/a"));
    REQUIRE(response.ok());
    CHECK(response->status == 200);
    CHECK(response->body == kToken);
    CHECK(response->url == second.url("/c"));
    CHECK(first.requests().size() == 2);
    CHECK(second.requests().size() == 2);
    CHECK(response->certificates.size() == 4);
    REQUIRE(seen.all().size() == 2);
    CHECK(seen.contains(TestPki::instance().certificate(ServerIdentity::EcLocalhost)));
    CHECK(seen.contains(TestPki::instance().certificate(ServerIdentity::RsaLocalhost)));
}

TEST_CASE("A redirect to http is refused and the http target is never contacted", "[https]") {
    QTcpServer plain;
    REQUIRE(plain.listen(QHostAddress::LocalHost, 0));
    const QByteArray target = "http://localhost:" + QByteArray::number(plain.serverPort()) + "/t";
    TestHttpsServer server(ServerIdentity::EcLocalhost,
                           [&](const TestRequest&) { return TestAnswer::redirect(302, target); });
    auto fetcher = fetcherTrustingTestCa();
    const auto outcome = fetcher.fetch(server.url("/a"));
    REQUIRE_FALSE(outcome.result.ok());
    CHECK(outcome.result.error().message ==
          "The server localhost redirects to an address that is not secure.");
    CHECK(outcome.failure == ServerFailure::Other);
    CHECK_FALSE(plain.hasPendingConnections());
}

TEST_CASE("A redirect loop is refused", "[https]") {
    TestHttpsServer server(ServerIdentity::EcLocalhost, [](const TestRequest& request) {
        return TestAnswer::redirect(302, request.target == "/a" ? "/b" : "/a");
    });
    auto fetcher = fetcherTrustingTestCa();
    const auto response = fetcher.get(server.url("/a"));
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().message == "The server localhost redirects in a loop.");
    CHECK(server.requests().size() == 2);
}

TEST_CASE("More redirects than the bound are refused", "[https]") {
    int next = 0;
    TestHttpsServer server(ServerIdentity::EcLocalhost, [&](const TestRequest&) {
        return TestAnswer::redirect(307, "/hop" + QByteArray::number(++next));
    });
    HttpsFetchLimits limits = shortLimits();
    limits.maxRedirects = 3;
    auto fetcher = fetcherTrustingTestCa(limits);
    const auto response = fetcher.get(server.url("/start"));
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().message == "The server localhost redirects too often.");
    CHECK(server.requests().size() == 4);
}

TEST_CASE("Redirect statuses other than 302, 303 and 307 are returned, not followed", "[https]") {
    for (int status : {301, 308}) {
        TestHttpsServer server(ServerIdentity::EcLocalhost, [&](const TestRequest&) {
            return TestAnswer::redirect(status, "/elsewhere");
        });
        auto fetcher = fetcherTrustingTestCa();
        const auto response = fetcher.get(server.url("/a"));
        REQUIRE(response.ok());
        CHECK(response->status == status);
        CHECK(server.requests().size() == 1);
    }
}

TEST_CASE("Without redirect following a 303 comes back with its Location", "[https]") {
    TestHttpsServer server(ServerIdentity::EcLocalhost, [](const TestRequest&) {
        return TestAnswer::redirect(303, "https://localhost/refresh?x=1");
    });
    auto fetcher = fetcherTrustingTestCa();
    const auto outcome = fetcher.fetch(server.url("/a"), false);
    REQUIRE(outcome.result.ok());
    CHECK(outcome.result->status == 303);
    CHECK(outcome.result->header("Location") == "https://localhost/refresh?x=1");
}

TEST_CASE("An answer larger than the limit is refused", "[https]") {
    SECTION("announced by Content-Length") {
        TestHttpsServer server(ServerIdentity::EcLocalhost, [](const TestRequest&) {
            return TestAnswer::http(200, QByteArray(5000, 'x'));
        });
        HttpsFetchLimits limits = shortLimits();
        limits.maxBodyBytes = 4096;
        auto fetcher = fetcherTrustingTestCa(limits);
        const auto response = fetcher.get(server.url());
        REQUIRE_FALSE(response.ok());
        CHECK(response.error().message == "The server localhost sent an answer that is too large.");
    }
    SECTION("sent without a length until the connection closes") {
        TestHttpsServer server(ServerIdentity::EcLocalhost, [](const TestRequest&) {
            return TestAnswer{"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" +
                              QByteArray(300 * 1024, 'y')};
        });
        auto fetcher = fetcherTrustingTestCa();
        const auto response = fetcher.get(server.url());
        REQUIRE_FALSE(response.ok());
        CHECK(response.error().code == ErrorCode::InvalidInput);
    }
}

TEST_CASE("A body delimited by the end of the connection is read whole", "[https]") {
    TestHttpsServer server(ServerIdentity::EcLocalhost, [](const TestRequest&) {
        return TestAnswer{"HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\n\r\n" + kToken, false,
                          true};
    });
    auto fetcher = fetcherTrustingTestCa();
    const auto response = fetcher.get(server.url());
    REQUIRE(response.ok());
    CHECK(response->status == 200);
    CHECK(response->body == kToken);
}

TEST_CASE("An answer cut off before its announced length is an error", "[https]") {
    TestHttpsServer server(ServerIdentity::EcLocalhost, [](const TestRequest&) {
        return TestAnswer{"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n<TCTokenType>", false,
                          true};
    });
    auto fetcher = fetcherTrustingTestCa();
    const auto response = fetcher.get(server.url());
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().code == ErrorCode::Network);
}

TEST_CASE("A server that never answers runs into the request timeout", "[https]") {
    TestHttpsServer server(ServerIdentity::EcLocalhost, [](const TestRequest&) {
        return TestAnswer{{}, true};
    });
    HttpsFetchLimits limits = shortLimits();
    limits.timeouts = {2000ms, 300ms};
    auto fetcher = fetcherTrustingTestCa(limits);
    const auto outcome = fetcher.fetch(server.url());
    REQUIRE_FALSE(outcome.result.ok());
    CHECK(outcome.failure == ServerFailure::Timeout);
    CHECK(outcome.result.error().code == ErrorCode::Timeout);
    CHECK(outcome.result.error().message ==
          "The server localhost did not answer in time; try again later.");
    CHECK(server.requests().size() == 1);
}

TEST_CASE("A server that accepts but never starts TLS runs into the handshake timeout", "[https]") {
    QTcpServer silent;
    REQUIRE(silent.listen(QHostAddress::LocalHost, 0));
    HttpsFetchLimits limits = shortLimits();
    limits.timeouts = {200ms, 5000ms};
    auto fetcher = fetcherTrustingTestCa(limits);
    const auto outcome =
        fetcher.fetch(QUrl("https://localhost:" + QString::number(silent.serverPort()) + "/"));
    REQUIRE_FALSE(outcome.result.ok());
    CHECK(outcome.failure == ServerFailure::Timeout);
    CHECK(outcome.result.error().detail.find("handshake") != std::string::npos);
}

TEST_CASE("A refused connection names the server", "[https]") {
    auto fetcher = fetcherTrustingTestCa();
    const auto outcome =
        fetcher.fetch(QUrl("https://127.0.0.1:" + QString::number(closedPort()) + "/"));
    REQUIRE_FALSE(outcome.result.ok());
    CHECK(outcome.failure == ServerFailure::Refused);
    CHECK(outcome.result.error().message ==
          "The server 127.0.0.1 refused the connection; it may be down, try again later.");
}

TEST_CASE("Only https addresses are fetched", "[https]") {
    auto fetcher = fetcherTrustingTestCa();
    for (const char* address : {"http://localhost/", "ftp://localhost/", "file:///etc/passwd"}) {
        const auto response = fetcher.get(QUrl(address));
        REQUIRE_FALSE(response.ok());
        CHECK(response.error().code == ErrorCode::InvalidInput);
    }
}

TEST_CASE("A cancel ends a request the server holds, before the timeout and without a retry",
          "[https]") {
    bool requested = false;
    TestHttpsServer server(ServerIdentity::EcLocalhost, [&](const TestRequest&) {
        requested = true;
        return TestAnswer{{}, true};
    });
    HttpsFetchLimits limits = shortLimits();
    limits.timeouts = {2000ms, 60000ms};  // the cancel, not the timeout, must end it
    auto fetcher = fetcherTrustingTestCa(limits);
    fetcher.setCancelled([&] { return requested; });
    const auto outcome = fetcher.fetch(server.url());
    REQUIRE_FALSE(outcome.result.ok());
    CHECK(outcome.result.error().code == ErrorCode::Cancelled);
    CHECK_FALSE(isTransient(outcome.failure));
    CHECK(server.requests().size() == 1);
}

TEST_CASE("A fetch cancelled before it starts sends nothing", "[https]") {
    TestHttpsServer server(ServerIdentity::EcLocalhost,
                           [](const TestRequest&) { return TestAnswer::http(200, "x"); });
    auto fetcher = fetcherTrustingTestCa();
    fetcher.setCancelled([] { return true; });
    const auto outcome = fetcher.fetch(server.url());
    REQUIRE_FALSE(outcome.result.ok());
    CHECK(outcome.result.error().code == ErrorCode::Cancelled);
    CHECK(server.handshakes() == 0);
    CHECK(server.requests().empty());
}

TEST_CASE("A redirect's Location is quoted in error details only in part", "[https]") {
    const QByteArray longPath = QByteArray(6000, 'p');
    for (const QByteArray& location :
         {QByteArray("https://[broken/" + longPath), QByteArray("http://localhost/" + longPath)}) {
        TestHttpsServer server(ServerIdentity::EcLocalhost, [&](const TestRequest&) {
            return TestAnswer::redirect(302, location);
        });
        auto fetcher = fetcherTrustingTestCa();
        const auto outcome = fetcher.fetch(server.url("/token"));
        REQUIRE_FALSE(outcome.result.ok());
        CHECK(outcome.result.error().detail.size() < 300);
    }
    const auto hop = nextRefreshHop(QUrl("https://service.example/refresh"), 303,
                                    "http://service.example/" + longPath);
    REQUIRE_FALSE(hop);
    CHECK(hop.error().detail.size() < 300);
}
