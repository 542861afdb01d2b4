#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslConfiguration>
#include <QSslServer>
#include <functional>
#include <optional>

namespace oa::sim {

struct HttpRequest {
    QByteArray method;
    QByteArray target;  // path and query as sent
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray pskIdentity;  // TLS-PSK identity of the connection, if any
    // The TLS session (hex ID) of the connection and whether its handshake resumed it; only the
    // OpenSSL listener of the attached model knows.
    QByteArray tlsSessionId;
    bool tlsResumed = false;

    QByteArray header(const QByteArray& name) const;
};

struct HttpAnswer {
    int status = 200;
    QByteArray contentType = "text/html; charset=utf-8";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool closeWithoutAnswer = false;
    int delayMilliseconds = 0;

    static HttpAnswer html(int status, const QByteArray& body);
    static HttpAnswer redirect(int status, const QByteArray& location);
};

// A small HTTPS/1.1 server on QSslServer for the test world: keep-alive, Content-Length bodies
// (1 MiB at most), headers up to 16 KiB, answers possibly delayed or replaced by a dropped
// connection. With a PSK lookup it serves TLS-PSK (the identity selects the key).
class HttpsListener : public QObject {
public:
    using Handler = std::function<HttpAnswer(const HttpRequest&)>;
    using PskLookup = std::function<std::optional<QByteArray>(const QByteArray& identity)>;

    HttpsListener(QSslConfiguration configuration, Handler handler, PskLookup psk = {},
                  QObject* parent = nullptr);
    ~HttpsListener() override;

    bool listen(const QHostAddress& address, quint16 port);
    quint16 port() const { return server_.serverPort(); }
    void close() { server_.close(); }

    int handshakesCompleted() const { return handshakes_; }
    int handshakesFailed() const { return failures_; }

private:
    void serve(QSslSocket* socket);
    bool handleBuffered(QSslSocket* socket, QByteArray& buffer);
    void answer(QSslSocket* socket, const HttpAnswer& answer);

    QSslServer server_;
    Handler handler_;
    PskLookup psk_;
    int handshakes_ = 0;
    int failures_ = 0;
};

}  // namespace oa::sim
