#pragma once

#include <QObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <functional>
#include <memory>

#include "service/HttpHandler.h"
#include "service/SdkSession.h"

namespace oa::service {

// ws://127.0.0.1:24727/eID-Kernel (§3.4 of our digest): takes WebSocket upgrades from the port
// 24727 listener into a QWebSocketServer and gives the one client an SdkSession. Refuses with 404
// another path, 403 a request with an Origin header unless the allow-list matches it, 429 a second
// client, 409 while the user runs a workflow in the window. The client leaving cancels its
// workflow.
// The largest SDK command taken: far above SET_CARD with a full simulator file set (a few KiB of
// hex), far below what would let a client grow our memory (Qt's default is 2 GiB). A larger
// message or frame closes the connection with 1009 (message too big).
inline constexpr quint64 kSdkMaxMessageBytes = 1024 * 1024;
// Answers (and pongs) the client has not read yet. A client that keeps sending without reading is
// cut off here rather than growing our write buffer; a reading client never comes near it.
inline constexpr qint64 kSdkMaxUnsentBytes = 1024 * 1024;

class SdkWebSocketEndpoint : public QObject, public HttpHandler {
    Q_OBJECT
public:
    struct Settings {
        SdkSession::Environment environment;
        // Origins allowed to connect (a browser page), as a regular expression matched against the
        // whole Origin header; empty: none.
        QString originAllowList;
        std::function<bool()> isUserWorkflowActive;
    };

    explicit SdkWebSocketEndpoint(Settings settings, QObject* parent = nullptr);
    ~SdkWebSocketEndpoint() override;

    // For upgrade requests only (EidClientEndpoint::upgradeHandler).
    void handle(const HttpRequest& request, HttpResponder responder) override;

    bool clientConnected() const { return client_ != nullptr; }
    SdkSession* session() const { return session_.get(); }

signals:
    // For the window: an SDK client controls the app (its User-Agent), or not any more.
    void clientChanged(bool connected, const QString& userAgent);

private:
    void accept();
    void take(const QByteArray& command);
    bool cutOffIfNotReading();
    void refuse(HttpResponder& responder, int status, const char* why);
    void clientLeft();

    Settings settings_;
    QRegularExpression allowedOrigins_;
    QWebSocketServer server_;
    QPointer<QWebSocket> client_;
    QTimer unreadCheck_;
    std::unique_ptr<SdkSession> session_;
    bool handshakePending_ = false;
    QString pendingUserAgent_;
};

// The Origin allow-list setting: OPENAUSWEIS_WEBSOCKET_ORIGIN, else AusweisApp's
// AUSWEISAPP_WEBSOCKET_ORIGIN (so existing browser integrations keep their configuration).
QString sdkOriginAllowListFromEnvironment();

}  // namespace oa::service
