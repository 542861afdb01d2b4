#pragma once

#include <QObject>
#include <QTimer>
#include <chrono>
#include <functional>
#include <string>

#include "service/ErrorPage.h"
#include "service/HttpLimits.h"
#include "service/HttpRequestParser.h"
#include "service/HttpResponse.h"

class QTcpSocket;

namespace oa::service {

// One browser connection: reads requests one at a time (keep-alive, pipelining), enforces the
// time limits while it waits for the client, and writes the response to each request. A request
// may be answered much later (the activation holds it for minutes); the answer goes nowhere if the
// browser has left by then, and `closed` tells the holder.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    struct Settings {
        HttpLimits limits;
        HttpTimeouts timeouts;
        std::string serverToken;
    };
    using RequestCallback = std::function<void(HttpConnection&, const HttpRequest&)>;

    // Takes ownership of the connected socket.
    HttpConnection(QTcpSocket* socket, const Settings& settings, RequestCallback onRequest,
                   QObject* parent = nullptr);
    ~HttpConnection() override;

    // A request was handed out and is not answered yet: such a connection is never evicted.
    bool awaitingResponse() const { return awaiting_; }
    std::chrono::steady_clock::time_point idleSince() const { return idleSince_; }
    quint64 requestSerial() const { return serial_; }
    quint16 localPort() const;
    bool isClosing() const { return closing_; }

    // Both ignore a serial that is not the pending request's, so a late answer cannot reach the
    // next request on the same connection.
    bool sendInterim(quint64 serial, int status);
    bool respond(quint64 serial, HttpResponse response);
    // Answers outside the request cycle (limits, timeouts, refused Host) and closes.
    void refuse(int status, PageReason reason, const std::string& detail,
                PageLanguage language = PageLanguage::English);
    void abort();
    // Hands the socket of the pending request over with that request's bytes still unread (a
    // WebSocket upgrade for QWebSocketServer::handleConnection); this connection then ends. The
    // caller owns the socket.
    QTcpSocket* takeSocket(quint64 serial);

signals:
    void closed();

private:
    void readBuffered();
    void beginRequestTimer();
    void closeGracefully();
    void lingerAfterShutdown();
    void finish();

    QTcpSocket* socket_;
    Settings settings_;
    RequestCallback onRequest_;
    HttpRequestParser parser_;
    std::size_t fed_ = 0;  // bytes at the front of the socket buffer already given to the parser
    QTimer requestTimer_;
    QTimer idleTimer_;
    QTimer lingerTimer_;
    std::chrono::steady_clock::time_point idleSince_;
    quint64 serial_ = 0;
    bool awaiting_ = false;
    bool keepAlive_ = false;
    bool headRequest_ = false;
    bool interimAllowed_ = false;
    bool closing_ = false;
    bool finished_ = false;
    bool readScheduled_ = false;
    std::size_t unreadRequest_ = 0;  // bytes of the request being handled, still in the socket
};

}  // namespace oa::service
