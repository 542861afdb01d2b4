#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <chrono>
#include <memory>

#include "base/Result.h"
#include "sim/world/EidServer.h"
#include "sim/world/HttpsListener.h"
#include "sim/world/Misbehaviour.h"
#include "sim/world/PinLetterOverload.h"
#include "sim/world/PinLetterStore.h"
#include "sim/world/TlsTestPki.h"

namespace oa::sim {

// The simulated PIN reset and activation service (online-protocols §8.2) on HTTPS loopback, JSON:
//   POST /order                  Idempotency-Key header: the order (201 new, 200 repeated)
//                                {"order","status","tcTokenUrl","statusUrl"}
//   GET  /orders/REF             {"order","status"}: awaiting-authentication or letter-sent
//   POST /activation             Idempotency-Key, {"activationCode":"..."}: the activation
//                                {"activation","order","status","tcTokenUrl","statusUrl"}
//   GET  /activations/REF        {"activation","order","status"}: ... or activated
//   GET  /tcToken?order=REF|activation=REF   a fresh eID session with the PIN reset terminal:
//                                an order reads names and address; an activation reads the names,
//                                sets the letter's PIN and switches the eID function on
//   GET  /done?...               the refresh address: the order's or activation's state
//   GET  /mailbox, /mailbox.json the letters posted (demo only: new PIN and activation code)
//   GET, POST /overload          the overload switch (PinLetterOverload as JSON)
// A letter is posted when an order's eID session has read the address; an order gets one letter.
class PinLetterService {
public:
    struct Statistics {
        int requests = 0;    // on the order, status, activation and token endpoints
        int turnedAway = 0;  // 503/429 by the fraction switch or the outage
        int dropped = 0;     // connections closed without an answer
        int ordersCreated = 0;
        int orderRepeats = 0;  // POST /order with a known key
    };

    PinLetterService(const TlsTestPki& tls, EidServer& eidServer, PinLetterOverload overload = {});
    ~PinLetterService();

    Result<void> listen(const QHostAddress& address, quint16 port);
    quint16 port() const;
    QUrl origin() const;  // https://127.0.0.1:PORT
    QUrl mailboxUrl() const;

    // The outage window counts from now.
    void setOverload(const PinLetterOverload& overload);
    const PinLetterOverload& overload() const { return overload_; }
    bool inOutage() const;

    // Posts letters for orders whose authentication has finished since the last look.
    PinLetterStore& store();
    const Statistics& statistics() const { return statistics_; }

private:
    HttpAnswer handle(const HttpRequest& request);
    std::optional<HttpAnswer> overloadAnswer();
    HttpAnswer route(const HttpRequest& request, const QString& path);
    HttpAnswer placeOrder(const HttpRequest& request);
    HttpAnswer orderStatus(const QString& reference);
    HttpAnswer startActivation(const HttpRequest& request);
    HttpAnswer activationStatus(const QString& reference);
    HttpAnswer tcToken(const QUrl& url);
    HttpAnswer donePage(const QUrl& url);
    HttpAnswer mailbox(bool json);
    HttpAnswer overloadSwitch(const HttpRequest& request);
    void settle(PinLetterOrder& order);
    void settle(PinLetterActivation& activation);
    QJsonObject describe(const PinLetterOrder& order) const;
    QJsonObject describe(const PinLetterActivation& activation) const;
    QByteArray tokenXml(const EidServer::NewSession& session, const QString& refresh) const;

    const TlsTestPki& tls_;
    EidServer& eidServer_;
    PinLetterOverload overload_;
    std::chrono::steady_clock::time_point overloadSetAt_;
    OverloadGate turnAwayGate_;
    OverloadGate dropGate_;
    std::unique_ptr<HttpsListener> listener_;
    PinLetterStore store_;
    Statistics statistics_;
};

}  // namespace oa::sim
