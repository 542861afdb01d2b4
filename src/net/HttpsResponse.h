#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslKey>
#include <QUrl>

#include "base/Result.h"
#include "net/ServerFailure.h"

namespace oa::net {

// What came back from an https request: status, headers in arrival order, the (size-limited)
// body, the URL that answered and every TLS server certificate seen on the way.
struct HttpsResponse {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QUrl url;
    QList<QSslCertificate> certificates;
    QSslCipher cipher;
    QSslKey ephemeralServerKey;  // null for RSA-PSK and plain RSA key exchange
    // The TLS session of the connection that answered (DER, as Qt serializes it), so the attached
    // model's TLS-2 can resume it; empty if the server offered no resumable session.
    QByteArray tlsSession;

    // Case-insensitive; empty if absent.
    QByteArray header(QByteArrayView name) const;
};

// One attempt's result plus the failure class the retry logic needs (a 503 is a response, not an
// error, so it is classified from the status by the caller).
struct HttpsOutcome {
    Result<HttpsResponse> result;
    ServerFailure failure = ServerFailure::None;
};

}  // namespace oa::net
