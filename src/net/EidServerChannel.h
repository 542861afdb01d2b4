#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslCipher>
#include <QUrl>
#include <memory>

#include "base/Result.h"
#include "net/HttpsExchange.h"
#include "net/TlsServerCheck.h"

class QNetworkAccessManager;

namespace oa::net {

// TLS-2: the channel to the eID-Server that carries PAOS messages as HTTP POSTs with the headers
// of TR-03112-7 (PAOS, Accept, Content-Type) over one kept-alive connection. How the channel is
// secured (RSA-PSK from the TC token, or resumption of the TC token's TLS session) is the
// concern of the subclass. Never retries: a repeated PAOS message could act on a card whose state
// has already changed.
class EidServerChannel {
public:
    struct Settings {
        QList<QSslCertificate> caCertificates;  // empty: the system's
        TlsServerCheck check;
        HttpsTimeouts timeouts{std::chrono::milliseconds(10000), std::chrono::milliseconds(60000)};
        qint64 maxBodyBytes = 4 << 20;
        // Asked while a PAOS message waits for its answer; true ends it as cancelled.
        std::function<bool()> cancelled;
    };

    virtual ~EidServerChannel();
    EidServerChannel(const EidServerChannel&) = delete;
    EidServerChannel& operator=(const EidServerChannel&) = delete;

    // POSTs one PAOS message and returns the server's answer body (2xx only).
    Result<QByteArray> send(const QByteArray& paosMessage);

    // The suite of the last exchange (for the log and the tests).
    const QSslCipher& cipher() const { return cipher_; }
    const QUrl& serverAddress() const { return serverAddress_; }
    // TLS handshakes this channel went through (a dropped keep-alive connection adds one).
    int handshakes() const { return handshakes_; }

protected:
    EidServerChannel(QUrl serverAddress, const Settings& settings, QSslConfiguration tls);
    HttpsExchange::Settings& exchangeSettings() { return exchangeSettings_; }

private:
    QUrl serverAddress_;
    std::unique_ptr<QNetworkAccessManager> manager_;
    HttpsExchange::Settings exchangeSettings_;
    QSslCipher cipher_;
    int handshakes_ = 0;
};

}  // namespace oa::net
