#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QWebSocket>
#include <vector>

#include "TestClient.h"

namespace oa::service::test {

// An SDK client on Qt's own WebSocket: connects on construction, then asks one command at a time
// and waits for its answer.
struct SdkClient {
    explicit SdkClient(const QUrl& url, const QString& origin = {}) : socket(origin) {
        QObject::connect(&socket, &QWebSocket::textMessageReceived,
                         [this](const QString& text) { received.push_back(text); });
        socket.open(url);
        waitUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; });
    }
    bool connected() const { return socket.state() == QAbstractSocket::ConnectedState; }
    QJsonObject ask(const QString& json) {
        received.clear();
        socket.sendTextMessage(json);
        waitUntil([&] { return !received.empty(); });
        if (received.empty()) return {};
        return QJsonDocument::fromJson(received.front().toUtf8()).object();
    }
    QWebSocket socket;
    std::vector<QString> received;
};

}  // namespace oa::service::test
