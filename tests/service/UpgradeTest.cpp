#include <QWebSocket>
#include <QWebSocketServer>
#include <catch2/catch.hpp>

#include "TestClient.h"
#include "service/HttpHandler.h"
#include "service/LocalHttpServer.h"

using namespace oa::service;
using namespace oa::service::test;

namespace {

// What the SDK's /eID-Kernel will do: take the upgrade's socket, handshake unread, into
// QWebSocketServer; answer everything else itself.
class UpgradingHandler : public HttpHandler {
public:
    UpgradingHandler() : webSockets_("test", QWebSocketServer::NonSecureMode) {
        QObject::connect(&webSockets_, &QWebSocketServer::newConnection, [this] {
            QWebSocket* socket = webSockets_.nextPendingConnection();
            QObject::connect(
                socket, &QWebSocket::textMessageReceived, socket,
                [socket](const QString& text) { socket->sendTextMessage("echo " + text); });
        });
    }
    void handle(const HttpRequest& request, HttpResponder responder) override {
        if (request.upgrade && request.path() == "/eID-Kernel") {
            QTcpSocket* socket = responder.takeSocket();
            REQUIRE(socket);
            webSockets_.handleConnection(socket);
            return;
        }
        HttpResponse response;
        response.body = "plain";
        responder.send(response);
    }

private:
    QWebSocketServer webSockets_;
};

}  // namespace

TEST_CASE("An upgrade request's socket is handed on with its handshake unread", "[upgrade]") {
    UpgradingHandler handler;
    LocalHttpServerSettings settings;
    settings.port = 0;
    LocalHttpServer server(settings, handler);
    const auto port = server.listen();
    REQUIRE(port.ok());

    QWebSocket client;
    QString answer;
    QObject::connect(&client, &QWebSocket::connected, [&] { client.sendTextMessage("hello"); });
    QObject::connect(&client, &QWebSocket::textMessageReceived,
                     [&](const QString& text) { answer = text; });
    client.open(QUrl("ws://127.0.0.1:" + QString::number(*port) + "/eID-Kernel"));
    REQUIRE(waitUntil([&] { return !answer.isEmpty(); }));
    CHECK(answer == "echo hello");
    CHECK(waitUntil([&] { return server.connectionCount() == 0; }));

    // The listener itself still serves plain requests.
    const auto plain = roundTrip(*port, get("/x", *port));
    REQUIRE(plain);
    CHECK(plain->body == "plain");
}
