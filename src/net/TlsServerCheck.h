#pragma once

#include <QSslConfiguration>
#include <QString>

#include "base/Result.h"
#include "net/TlsConfiguration.h"

namespace oa::net {

class CommCertificates;
class TlsServerCertificates;

// What runs right after every handshake and before any request byte is sent: key sizes, the
// commCertificates pins (when known) and recording of the certificate. Both pointers may be null.
struct TlsServerCheck {
    const CommCertificates* pins = nullptr;
    TlsServerCertificates* seen = nullptr;
    TlsMinimumKeySizes minimumKeySizes;

    Result<void> operator()(const QString& host, const QSslConfiguration& negotiated) const;
};

}  // namespace oa::net
