#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslCipher>
#include <QString>
#include <QUrl>
#include <memory>

#include "base/Result.h"
#include "base/SecureBytes.h"
#include "net/HttpsExchange.h"
#include "net/TlsServerCheck.h"

class QNetworkAccessManager;

namespace oa::net {

// TLS-2 to the eID-Server with the PSK from the TC token (RFC 4279 RSA-PSK, TLS 1.2): identity is
// the SessionIdentifier, the key the decoded PSK. Carries PAOS messages as HTTP POSTs with the
// headers of TR-03112-7 (PAOS, Accept, Content-Type) over one kept-alive connection. Never
// retries: a repeated PAOS message could act on a card whose state has already changed.
class PskChannel {
public:
    struct Settings {
        QList<QSslCertificate> caCertificates;  // empty: the system's
        TlsServerCheck check;
        HttpsTimeouts timeouts{std::chrono::milliseconds(10000), std::chrono::milliseconds(60000)};
        qint64 maxBodyBytes = 4 << 20;
    };

    PskChannel(QUrl serverAddress, QString sessionIdentifier, SecureBytes psk, Settings settings);
    ~PskChannel();
    PskChannel(const PskChannel&) = delete;
    PskChannel& operator=(const PskChannel&) = delete;

    // POSTs one PAOS message and returns the server's answer body (2xx only).
    Result<QByteArray> send(const QByteArray& paosMessage);

    // The suite of the last exchange (for the log and the tests).
    const QSslCipher& cipher() const { return cipher_; }
    const QUrl& serverAddress() const { return serverAddress_; }

private:
    QUrl serverAddress_;
    QString sessionIdentifier_;
    SecureBytes psk_;
    std::unique_ptr<QNetworkAccessManager> manager_;
    HttpsExchange::Settings exchangeSettings_;
    QSslCipher cipher_;
};

}  // namespace oa::net
