#include <QNetworkInterface>
#include <QSignalSpy>
#include <catch2/catch.hpp>
#include <memory>
#include <vector>

#include "Harness.h"

using namespace oa::service;
using namespace oa::service::test;
using namespace std::chrono_literals;

namespace {

LocalHttpServerSettings shortTimeouts() {
    LocalHttpServerSettings settings;
    settings.timeouts.untilEndOfHeaders = 300ms;
    settings.timeouts.idle = 300ms;
    return settings;
}

}  // namespace

TEST_CASE("A Host that is not a loopback name is refused with 403 (DNS rebinding)",
          "[abuse][host]") {
    Harness h;
    for (const char* host : {"evil.example", "localhost.evil.example", "192.168.1.2", "127.1"}) {
        const auto response =
            roundTrip(h.port, "GET /eID-Client?Status HTTP/1.1\r\nHost: " + std::string(host) +
                                  ':' + std::to_string(h.port) + "\r\n\r\n");
        REQUIRE(response);
        CHECK(response->status == 403);
        CHECK(response->header("connection") == "close");
        CHECK(response->body.find("Request refused") != std::string::npos);
    }
}

TEST_CASE("A loopback Host naming another port gets 421, no Host gets 400", "[abuse][host]") {
    Harness h;
    const auto wrongPort = roundTrip(h.port, "GET /eID-Client?Status HTTP/1.1\r\nHost: 127.0.0.1:" +
                                                 std::to_string(h.port + 1) + "\r\n\r\n");
    REQUIRE(wrongPort);
    CHECK(wrongPort->status == 421);
    const auto noPort =
        roundTrip(h.port, "GET /eID-Client?Status HTTP/1.1\r\nHost: localhost\r\n\r\n");
    REQUIRE(noPort);
    CHECK(noPort->status == 421);
    const auto noHost = roundTrip(h.port, "GET /eID-Client?Status HTTP/1.0\r\n\r\n");
    REQUIRE(noHost);
    CHECK(noHost->status == 400);
}

TEST_CASE("localhost and [::1] with our port are accepted", "[abuse][host]") {
    Harness h;
    for (const std::string host : {"localhost", "LOCALHOST", "[::1]", "127.0.0.1"}) {
        const auto response = roundTrip(h.port, "GET /eID-Client?Status HTTP/1.1\r\nHost: " + host +
                                                    ':' + std::to_string(h.port) + "\r\n\r\n");
        REQUIRE(response);
        CHECK(response->status == 200);
    }
}

TEST_CASE("An oversized target gets 414, oversized or too many headers get 431",
          "[abuse][limits]") {
    Harness h;
    const auto target = roundTrip(h.port, h.get("/eID-Client?Status&x=" + std::string(9000, 'a')));
    REQUIRE(target);
    CHECK(target->status == 414);
    CHECK(target->header("connection") == "close");
    const auto big = roundTrip(
        h.port, h.get("/eID-Client?Status", "X-Big: " + std::string(17000, 'b') + "\r\n"));
    REQUIRE(big);
    CHECK(big->status == 431);
    std::string many;
    for (int i = 0; i < 70; ++i)
        many += "X-" + std::to_string(i) + ": 1\r\n";
    const auto count = roundTrip(h.port, h.get("/eID-Client?Status", many));
    REQUIRE(count);
    CHECK(count->status == 431);
    const auto body =
        roundTrip(h.port, "POST /eID-Client HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(h.port) +
                              "\r\nContent-Length: 10000000\r\n\r\n");
    REQUIRE(body);
    CHECK(body->status == 413);
    const auto garbage = roundTrip(h.port, "\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03");
    REQUIRE(garbage);
    CHECK(garbage->status == 400);
}

TEST_CASE("A megabyte request line is refused without being buffered", "[abuse][limits]") {
    Harness h;
    TestClient client(h.port);
    REQUIRE(client.isConnected());
    client.send("GET /" + std::string(1 << 20, 'a'));
    const auto response = client.next();
    REQUIRE(response);
    CHECK(response->status == 414);
    CHECK(client.waitClosed());
}

TEST_CASE("A slow-loris client gets 408 while others are answered", "[abuse][timeouts]") {
    Harness h(shortTimeouts());
    TestClient slow(h.port);
    REQUIRE(slow.isConnected());
    slow.send("GET /eID-Client?Status HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(h.port) +
              "\r\n");
    const auto other = roundTrip(h.port, h.get("/eID-Client?Status"));
    REQUIRE(other);
    CHECK(other->status == 200);
    slow.send("X-Slow: 1\r\n");
    const auto response = slow.next();
    REQUIRE(response);
    CHECK(response->status == 408);
    CHECK(slow.waitClosed());
}

TEST_CASE("An idle keep-alive connection is closed after the idle time", "[abuse][timeouts]") {
    Harness h(shortTimeouts());
    TestClient silent(h.port);
    REQUIRE(silent.isConnected());
    CHECK(silent.waitClosed());
    TestClient used(h.port);
    REQUIRE(used.isConnected());
    used.send(h.get("/eID-Client?Status"));
    REQUIRE(used.next());
    CHECK(used.waitClosed());
    CHECK(waitUntil([&] { return h.server.connectionCount() == 0; }));
}

TEST_CASE("A held activation outlives the timeouts", "[abuse][timeouts][activation]") {
    Harness h(shortTimeouts());
    TestClient browser(h.port);
    REQUIRE(browser.isConnected());
    browser.send(h.get("/eID-Client?tcTokenURL=https%3A%2F%2Fshop.example%2Ft"));
    REQUIRE(browser.next());
    // Well past both timeouts: the connection stays.
    CHECK_FALSE(browser.waitClosed(1200ms));
    h.activation.finish(ActivationOutcome::redirectTo(QUrl("https://shop.example/r")));
    const auto response = browser.next();
    REQUIRE(response);
    CHECK(response->status == 303);
}

TEST_CASE("?Status still answers with 1,000 idle connections open", "[abuse][connections]") {
    Harness h;
    std::vector<std::unique_ptr<TestClient>> idle;
    for (int i = 0; i < 1000; ++i)
        idle.push_back(std::make_unique<TestClient>(h.port));
    REQUIRE(waitUntil([&] { return h.server.connectionCount() == 1000; }, 30s));
    const auto response = roundTrip(h.port, h.get("/eID-Client?Status"));
    REQUIRE(response);
    CHECK(response->status == 200);
    for (auto& client : idle)
        CHECK(client->socket().state() == QAbstractSocket::ConnectedState);
}

TEST_CASE("At the connection cap the longest-idle connection makes room; a held activation never",
          "[abuse][connections]") {
    LocalHttpServerSettings settings;
    settings.maxConnections = 3;
    Harness h(settings);
    QSignalSpy evicted(&h.server, &LocalHttpServer::connectionEvicted);

    TestClient browser(h.port);
    REQUIRE(browser.isConnected());
    browser.send(h.get("/eID-Client?tcTokenURL=https%3A%2F%2Fshop.example%2Ft"));
    REQUIRE(browser.next());
    TestClient oldest(h.port);
    REQUIRE(waitUntil([&] { return h.server.connectionCount() == 2; }));
    TestClient newer(h.port);
    REQUIRE(waitUntil([&] { return h.server.connectionCount() == 3; }));

    for (int i = 0; i < 3; ++i) {
        const auto status = roundTrip(h.port, h.get("/eID-Client?Status"));
        REQUIRE(status);
        CHECK(status->status == 200);
    }
    CHECK(evicted.size() >= 1);
    CHECK(oldest.waitClosed());
    CHECK(h.server.connectionCount() <= 3);

    h.activation.finish(ActivationOutcome::redirectTo(QUrl("https://shop.example/r")));
    const auto response = browser.next();
    REQUIRE(response);
    CHECK(response->status == 303);
}

TEST_CASE("The listener binds loopback only and refuses other addresses", "[abuse][binding]") {
    Harness h;
    for (const QHostAddress& address : h.server.boundAddresses())
        CHECK(address.isLoopback());

    LocalHttpServerSettings anyAddress;
    anyAddress.addresses = {QHostAddress(QHostAddress::Any)};
    anyAddress.port = 0;
    FakeActivation activation;
    EidClientEndpoint endpoint(activation);
    LocalHttpServer refused(anyAddress, endpoint);
    const auto result = refused.listen();
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == oa::ErrorCode::InvalidInput);

    // A LAN address of this machine does not reach the listener.
    for (const QHostAddress& address : QNetworkInterface::allAddresses()) {
        if (address.isLoopback() || address.isLinkLocal()) continue;
        TestClient lan(h.port, address);
        CHECK_FALSE(lan.isConnected());
    }
}

TEST_CASE("Port 0 picks one free port for both addresses; a taken port is reported as in use",
          "[binding]") {
    Harness h;
    CHECK(h.port != 0);
    for (const QHostAddress& address : h.server.boundAddresses()) {
        TestClient client(h.port, address);
        CHECK(client.isConnected());
    }
    LocalHttpServerSettings same;
    same.port = h.port;
    FakeActivation activation;
    EidClientEndpoint endpoint(activation);
    LocalHttpServer second(same, endpoint);
    const auto result = second.listen();
    REQUIRE_FALSE(result.ok());
    CHECK(second.portInUse());
    CHECK(result.error().message.find(std::to_string(h.port)) != std::string::npos);
}
