// ws://…/eID-Kernel through the real port 24727 listener: QWebSocket as the SDK client, and raw
// handshakes for the refusals (404, 403, 429, 409).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>
#include <catch2/catch.hpp>

#include "Harness.h"
#include "SdkClient.h"
#include "card/sim/SimulatorBackend.h"
#include "service/SdkWebSocketEndpoint.h"

using namespace oa;
using namespace oa::service;
using namespace oa::service::test;

namespace {

struct SdkServer {
    explicit SdkServer(QString allowList = {}, std::function<bool()> userBusy = {}) {
        SdkWebSocketEndpoint::Settings settings;
        settings.environment.backend = &simulator;
        settings.environment.simulator = &simulator;
        settings.originAllowList = std::move(allowList);
        settings.isUserWorkflowActive = std::move(userBusy);
        sdk = std::make_unique<SdkWebSocketEndpoint>(settings);
        harness.endpoint.upgradeHandler = sdk.get();
    }
    QUrl url(const char* path = "/eID-Kernel") const {
        return QUrl("ws://127.0.0.1:" + QString::number(harness.port) + path);
    }
    std::string handshake(const std::string& path, const std::string& extra = {}) const {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(harness.port) +
               "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
               extra + "\r\n";
    }
    int status(const std::string& path, const std::string& extra = {}) const {
        auto response = roundTrip(harness.port, handshake(path, extra));
        return response ? response->status : 0;
    }

    SimulatorBackend simulator;
    Harness harness;
    std::unique_ptr<SdkWebSocketEndpoint> sdk;
};

}  // namespace

TEST_CASE("SDK over WebSocket: /eID-Kernel answers GET_INFO and GET_READER_LIST", "[sdk][ws]") {
    SdkServer server;
    SdkClient client(server.url());
    REQUIRE(client.socket.state() == QAbstractSocket::ConnectedState);
    CHECK(server.sdk->clientConnected());
    CHECK(client.ask("{\"cmd\":\"GET_INFO\"}").value("msg").toString() == "INFO");
    const auto list = client.ask("{\"cmd\":\"GET_READER_LIST\"}");
    CHECK(list.value("readers").toArray().at(0).toObject().value("name").toString() == "Simulator");
    CHECK(client.ask("{broken").value("msg").toString() == "INVALID");
}

TEST_CASE("SDK over WebSocket: the trailing slash is accepted, other paths are 404", "[sdk][ws]") {
    SdkServer server;
    CHECK(server.status("/eID-Kernelx") == 404);
    CHECK(server.status("/eID-Client") == 404);
    CHECK(server.status("/eID-Kernel/sub") == 404);
    SdkClient client(server.url("/eID-Kernel/"));
    CHECK(client.socket.state() == QAbstractSocket::ConnectedState);
}

TEST_CASE("SDK over WebSocket: any Origin is 403 unless the allow-list matches", "[sdk][ws]") {
    SECTION("no allow-list") {
        SdkServer server;
        CHECK(server.status("/eID-Kernel", "Origin: http://127.0.0.1\r\n") == 403);
        CHECK(server.status("/eID-Kernel", "Origin: null\r\n") == 403);
        CHECK_FALSE(server.sdk->clientConnected());
    }
    SECTION("allow-list") {
        SdkServer server(QStringLiteral("https://app\\.example\\.org"));
        CHECK(server.status("/eID-Kernel", "Origin: https://evil.example\r\n") == 403);
        CHECK(server.status("/eID-Kernel", "Origin: https://app.example.org.evil\r\n") == 403);
        SdkClient client(server.url(), QStringLiteral("https://app.example.org"));
        CHECK(client.socket.state() == QAbstractSocket::ConnectedState);
    }
}

TEST_CASE("SDK over WebSocket: one client at a time (429), none while the user works (409)",
          "[sdk][ws]") {
    bool userBusy = false;
    SdkServer server({}, [&] { return userBusy; });
    {
        SdkClient first(server.url());
        REQUIRE(first.socket.state() == QAbstractSocket::ConnectedState);
        CHECK(server.status("/eID-Kernel") == 429);
        CHECK(first.ask("{\"cmd\":\"GET_API_LEVEL\"}").value("current").toInt() == 3);
    }
    REQUIRE(waitUntil([&] { return !server.sdk->clientConnected(); }));
    userBusy = true;
    CHECK(server.status("/eID-Kernel") == 409);
    userBusy = false;
    SdkClient second(server.url());
    CHECK(second.socket.state() == QAbstractSocket::ConnectedState);
}

TEST_CASE("SDK over WebSocket: leaving cancels the running workflow", "[sdk][ws]") {
    SdkServer server;
    server.simulator.removeCard();
    bool finished = false;
    {
        SdkClient client(server.url());
        REQUIRE(client.socket.state() == QAbstractSocket::ConnectedState);
        QObject::connect(server.sdk->session(), &SdkSession::workflowFinished,
                         [&] { finished = true; });
        client.received.clear();
        client.socket.sendTextMessage("{\"cmd\":\"RUN_CHANGE_PIN\"}");
        REQUIRE(waitUntil([&] {
            return std::any_of(client.received.begin(), client.received.end(),
                               [](const QString& m) { return m.contains("INSERT_CARD"); });
        }));
    }
    REQUIRE(waitUntil([&] { return !server.sdk->clientConnected(); }));
    CHECK(waitUntil([&] { return finished; }));
    SdkClient again(server.url());
    CHECK(again.ask("{\"cmd\":\"GET_STATUS\"}").value("workflow").isNull());
}

TEST_CASE("SDK over WebSocket: the Origin allow-list comes from the environment", "[sdk][ws]") {
    qputenv("OPENAUSWEIS_WEBSOCKET_ORIGIN", "https://ours\\.example");
    qputenv("AUSWEISAPP_WEBSOCKET_ORIGIN", "https://theirs\\.example");
    CHECK(sdkOriginAllowListFromEnvironment() == "https://ours\\.example");
    qunsetenv("OPENAUSWEIS_WEBSOCKET_ORIGIN");
    CHECK(sdkOriginAllowListFromEnvironment() == "https://theirs\\.example");
    qunsetenv("AUSWEISAPP_WEBSOCKET_ORIGIN");
    CHECK(sdkOriginAllowListFromEnvironment().isEmpty());
}
