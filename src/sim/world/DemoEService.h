#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QUrl>
#include <map>
#include <memory>

#include "base/Result.h"
#include "sim/world/EidServer.h"
#include "sim/world/HttpsListener.h"
#include "sim/world/Misbehaviour.h"
#include "sim/world/OpenSslHttpsListener.h"
#include "sim/world/TlsTestPki.h"

namespace oa::sim {

// The demo eService on HTTPS loopback:
//   GET /           login page with the "log in with ID card" link to the local eID-Client
//   GET /tcToken    a fresh eID-Server session as TC token (or a broken one, see Misbehaviour);
//                   ?read=DG4,DG5&optional=DG8&age=YYYYMMDD&valid=YYYYMMDD change the request
//   GET /refresh?session=ID&ResultMajor=...   what the eID-Server read, or the error
//   GET /error      the CommunicationErrorAddress
//   POST /paos      attached model only: the eID-Server's PAOS endpoint
class DemoEService {
public:
    DemoEService(const TlsTestPki& tls, EidServer& eidServer,
                 std::shared_ptr<const Misbehaviour> misbehaviour, EidRequest request = {});
    ~DemoEService();

    Result<void> listen(const QHostAddress& address, quint16 port);
    // The attached eID-Server model: eService, TC token and the eID-Server's PAOS endpoint on
    // one TLS endpoint (OpenSSL, one session cache). Tokens carry no PSK; PAOS is accepted only
    // in the TLS session its token was fetched over (a connection that resumed it, or the
    // token's own connection kept alive); a new session is dropped without an answer
    // (TB A2_28..30).
    Result<void> listenAttached(const QHostAddress& address, quint16 port);
    bool attached() const { return attachedListener_ != nullptr; }
    // TLS handshakes completed on the eService's endpoint, whichever it is.
    int tlsHandshakes() const;
    // The attached endpoint's TLS handshakes, and PAOS connections it refused.
    int attachedHandshakes() const;
    int attachedHandshakesResumed() const;
    int paosRefused() const { return paosRefused_; }
    quint16 port() const;
    QUrl origin() const;  // https://127.0.0.1:PORT
    QUrl loginUrl() const;
    QUrl tcTokenUrl() const;
    // http://127.0.0.1:24727/eID-Client?tcTokenURL=...
    QUrl activationUrl() const;

    // The session of the last token handed out (empty before).
    const QString& lastSessionIdentifier() const { return lastSession_; }
    int tokensIssued() const { return tokensIssued_; }
    int requestsTurnedAway() const { return turnedAway_; }

private:
    HttpAnswer handle(const HttpRequest& request);
    // What the query asks for (read=DG4,DG5 optional=DG8 age=YYYYMMDD valid=YYYYMMDD), on top
    // of the default request; nothing if malformed.
    std::optional<EidRequest> requestFrom(const QUrl& url) const;
    HttpAnswer tcToken(const EidRequest& request, const QByteArray& tlsSessionId);
    HttpAnswer attachedPaos(const HttpRequest& request);
    HttpAnswer refreshPage(const QUrl& url) const;
    HttpAnswer loginPage() const;
    HttpAnswer errorPage(const QUrl& url) const;
    QByteArray tokenXml(const QString& serverAddress, const QString& session,
                        const QString& refresh, const QString& communicationError,
                        const QByteArray& psk) const;

    const TlsTestPki& tls_;
    EidServer& eidServer_;
    std::shared_ptr<const Misbehaviour> misbehaviour_;
    EidRequest request_;
    std::unique_ptr<HttpsListener> listener_;
    std::unique_ptr<OpenSslHttpsListener> attachedListener_;
    // Attached model: TLS session ID (hex) the token went over -> its eID-Server session.
    std::map<QByteArray, QString> attachedSessions_;
    int paosRefused_ = 0;
    OverloadGate overload_;
    QString lastSession_;
    int tokensIssued_ = 0;
    int turnedAway_ = 0;
};

}  // namespace oa::sim
