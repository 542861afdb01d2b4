#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>
#include <map>
#include <memory>

#include "base/Result.h"
#include "eac/CscaTrustList.h"
#include "sim/world/EidSession.h"
#include "sim/world/HttpsListener.h"
#include "sim/world/Misbehaviour.h"
#include "sim/world/ServiceCertificates.h"
#include "sim/world/TlsTestPki.h"

namespace oa::sim {

// The test eID-Server: TLS-2 (TLS 1.2, RSA-PSK, one PSK per session) carrying PAOS to one
// EidSession per SessionIdentifier; keeps each session's result for the eService. Lives on the
// thread that created it.
class EidServer {
public:
    struct NewSession {
        QString sessionIdentifier;  // also the TLS-PSK identity
        QByteArray pskHex;          // for the TC token
    };

    // `trust`: the CSCAs passive authentication accepts (the test CSCA in the world).
    EidServer(const TlsTestPki& tls, eac::CscaTrustList trust,
              std::shared_ptr<const Misbehaviour> misbehaviour);
    ~EidServer();

    Result<void> listen(const QHostAddress& address, quint16 port);
    quint16 port() const;
    // https://127.0.0.1:PORT/paos
    QUrl serverAddress() const;

    // What the terminal shows the card: the real one, and one whose certificate names another
    // description (the wrong-hash switch).
    void setServiceCertificates(std::shared_ptr<const ServiceCertificates> certificates,
                                std::shared_ptr<const ServiceCertificates> wrongHash);

    // The PIN reset service's terminal (TerminalProfile::PinReset sessions).
    void setPinResetCertificates(std::shared_ptr<const ServiceCertificates> certificates);

    // The session authenticates with the terminal its request names.
    NewSession createSession(const EidRequest& request);
    // Nothing if the session is unknown.
    const EidSession* session(const QString& sessionIdentifier) const;

    int handshakesCompleted() const;
    int handshakesFailed() const;

    // A PAOS POST for the given session, however the channel was secured (the PSK identity
    // here, the resumed TLS session on the attached endpoint).
    HttpAnswer answerPaos(const HttpRequest& request, const QString& sessionIdentifier);

private:
    HttpAnswer handle(const HttpRequest& request);

    const TlsTestPki& tls_;
    eac::CscaTrustList trust_;
    std::shared_ptr<const Misbehaviour> misbehaviour_;
    std::shared_ptr<const ServiceCertificates> certificates_;
    std::shared_ptr<const ServiceCertificates> wrongHash_;
    std::shared_ptr<const ServiceCertificates> pinResetCertificates_;
    std::unique_ptr<HttpsListener> listener_;
    std::map<QString, std::unique_ptr<EidSession>> sessions_;
    std::map<QString, QByteArray> psks_;
    OverloadGate overload_;
};

}  // namespace oa::sim
