#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSslConfiguration>
#include <QUrl>
#include <chrono>
#include <functional>

#include "net/HttpsResponse.h"
#include "net/TlsServerCheck.h"

class QNetworkAccessManager;
class QSslPreSharedKeyAuthenticator;

namespace oa::net {

struct HttpsTimeouts {
    // From the start until the TLS handshake is done (TCP connect plus handshake).
    std::chrono::milliseconds handshake{10000};
    // The whole exchange, handshake included.
    std::chrono::milliseconds request{30000};
};

// One https request and its answer over a QNetworkAccessManager, with our limits: https only,
// the server check after the handshake and before the request is sent (Qt emits
// QNetworkReply::encrypted blocking, and an abort there wins over sending), timeouts, a body
// size limit, no automatic redirects and no content decoding. Blocks in a local event loop.
class HttpsExchange {
public:
    struct Request {
        QByteArray method = "GET";
        QUrl url;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };
    struct Settings {
        QSslConfiguration tls;
        HttpsTimeouts timeouts;
        qint64 maxBodyBytes = 1 << 20;
        TlsServerCheck check;
        // Supplies identity and key when the server asks for a PSK (TLS-2).
        std::function<void(QSslPreSharedKeyAuthenticator*)> psk;
        // Stop once the handshake and the check have passed, before any request byte: the
        // refresh address check only needs the server certificate (TR-03124-1 §2.5.4).
        bool handshakeOnly = false;
        // Runs after the server check on every new TLS connection, before any request byte:
        // the attached model refuses a TLS-2 connection that did not resume the token's session.
        std::function<Result<void>(const QSslConfiguration& negotiated)> sessionCheck;
        // Told about every completed handshake (counts for the log and the benchmark).
        std::function<void()> handshakeDone;
        // Asked before the request and every kCancelPoll while it runs: true ends the exchange
        // with ErrorCode::Cancelled (a user's cancel must not wait for a held answer's timeout).
        std::function<bool()> cancelled;
    };

    static constexpr std::chrono::milliseconds kCancelPoll{50};

    static HttpsOutcome run(QNetworkAccessManager& manager, const Request& request,
                            const Settings& settings);
};

}  // namespace oa::net
