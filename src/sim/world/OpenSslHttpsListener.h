#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <functional>
#include <memory>

#include <openssl/ssl.h>

#include "base/Result.h"
#include "sim/world/HttpsListener.h"
#include "sim/world/TlsTestPki.h"

namespace oa::sim {

// An HTTPS/1.1 server for the attached eID-Server model, built on OpenSSL directly: QSslServer
// builds a new SSL_CTX per socket and so can never resume a session (../shared/infra.md). Here
// one SSL_CTX with a server-side session cache serves every connection, and each request says
// which TLS session it came over and whether that session was resumed. TLS 1.2 with ECDHE and
// AES-GCM, brainpool curves first, session IDs without tickets (so the ID names the session on
// both ends). Runs on the thread's event loop through memory BIOs; keep-alive, Content-Length
// bodies, answers possibly delayed or replaced by a dropped connection.
class OpenSslHttpsListener : public QObject {
public:
    using Handler = std::function<HttpAnswer(const HttpRequest&)>;
    struct Options {
        // Off: session IDs are handed out but never looked up, every handshake is a full one
        // (the misbehaving server of TB A2_29).
        bool resumption = true;
        bool hostnameMismatch = false;
    };

    OpenSslHttpsListener(const TlsTestPki& pki, Options options, Handler handler,
                         QObject* parent = nullptr);
    ~OpenSslHttpsListener() override;

    Result<void> listen(const QHostAddress& address, quint16 port);
    quint16 port() const { return server_.serverPort(); }

    int handshakesCompleted() const { return handshakes_; }
    int handshakesResumed() const { return resumed_; }
    int handshakesFailed() const { return failures_; }

private:
    class Connection;
    using ContextPointer = std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)>;

    Result<void> configure(const TlsTestPki& pki, const Options& options);

    QTcpServer server_;
    ContextPointer context_{nullptr, &SSL_CTX_free};
    Handler handler_;
    Options options_;
    const TlsTestPki& pki_;
    int handshakes_ = 0;
    int resumed_ = 0;
    int failures_ = 0;
};

}  // namespace oa::sim
