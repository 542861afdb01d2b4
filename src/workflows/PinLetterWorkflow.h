#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "card/ReaderBackend.h"
#include "net/ServiceClient.h"
#include "workflows/AuthWorkflow.h"
#include "workflows/Interaction.h"
#include "workflows/PendingOrderStore.h"

namespace oa::workflows {

// Where the PIN letter workflow is; a face shows one screen per stage.
enum class PinLetterStage {
    Ordering,        // asking the service for an order (or activation)
    Waiting,         // the service is busy: the countdown runs, the user may cancel
    Authenticating,  // the card part: CAN-allowed online authentication
    Confirming,      // asking the service whether it has what it needs
    LetterOrdered,   // done: the service confirmed the order (reference shown)
    Activated,       // done: the new PIN from the letter is set
    TryLater,        // the service stayed unavailable; the request is kept for later
    Failed,
    Cancelled,
};
const char* toString(PinLetterStage stage);

struct PinLetterSettings {
    QUrl service;  // https://..., the PIN letter service's base URL
    QList<QSslCertificate> caCertificates;
    // Bounded: exponential backoff with full jitter from 6 s up to 60 s (Retry-After honoured up
    // to 5 minutes, jitter on top); 8 tries, over two minutes on average, then "try later".
    // Measured in docs/benchmarks.md ("Replacement PIN under overload").
    net::RetrySettings retry{8, std::chrono::milliseconds(6000), std::chrono::milliseconds(60000),
                             std::chrono::milliseconds(300000), true};
    // No more than 3 requests at once and 6 more per minute to the service (token bucket): at
    // most 9 in any minute, whatever the server answers.
    int requestsPerMinute = 6;
    int requestBurst = 3;
    net::HttpsTimeouts timeouts{std::chrono::milliseconds(10000), std::chrono::milliseconds(30000)};
};

struct PinLetterObserver {
    std::function<void(PinLetterStage)> stage;
    // Seconds until the next try, once per second while waiting.
    std::function<void(int secondsLeft)> countdown;
};

struct PinLetterOutcome {
    PinLetterStage stage = PinLetterStage::Failed;
    QString orderReference;
    QString activationReference;
    std::optional<Error> error;  // for TryLater, Failed, Cancelled: in user words
    int requestsSent = 0;        // to the service, by this run

    bool ok() const {
        return stage == PinLetterStage::LetterOrdered || stage == PinLetterStage::Activated;
    }
};

// Ordering a PIN reset letter and activating it (online-protocols §8.2) as the citizen's app does
// it: the service requests carry idempotency keys and go through a ServiceClient (budget,
// bounded retries, countdown, cancel); the card part is an online authentication in CAN-allowed
// mode through the same Interaction as any authentication. A pending order or activation is saved
// before it is first sent and resumed by the next run, so no retry and no restart orders twice.
// Blocking: run on a worker thread, like AuthWorkflow.
class PinLetterWorkflow {
public:
    // Runs the online authentication for a TC token URL (the face's reader and Interaction).
    using Authenticate = std::function<AuthOutcome(const QUrl& tcTokenUrl)>;

    PinLetterWorkflow(PinLetterSettings settings, net::ServiceClient& client,
                      Authenticate authenticate, PendingOrderStore& store,
                      PinLetterObserver observer = {});
    ~PinLetterWorkflow();

    // Places the order, or resumes the pending one.
    PinLetterOutcome order();
    // Sets the letter's PIN with its activation code (the code from the letter).
    PinLetterOutcome activate(const QString& activationCode);
    // Thread-safe: ends a wait at once, otherwise the next step; the pending request stays saved.
    void cancel();

    // An AuthWorkflow on `backend` and `interaction`; CAN-allowed mode follows from the PIN
    // reset terminal certificate (developer mode lets the test PKI's count).
    static Authenticate authenticateWith(ReaderBackend& backend, Interaction& interaction,
                                         AuthSettings settings);
    // The ServiceClient these settings describe: TLS as for an eService, the budget, the retries.
    static std::unique_ptr<net::ServiceClient> serviceClientFor(const PinLetterSettings& settings);

private:
    PinLetterOutcome finish(PinLetterOutcome outcome, PinLetterStage stage);
    PinLetterOutcome stopped(PinLetterOutcome outcome, const Error& error);
    // One service request, repeated as the ServiceClient decides; a 2xx JSON object or an error
    // in user words (4xx answers carry the service's own message).
    Result<QJsonObject> callJson(const QByteArray& method, const QUrl& url,
                                 const QByteArray& idempotencyKey = {},
                                 const QByteArray& body = {});
    Result<QUrl> serviceUrl(const QJsonObject& answer, const char* field) const;
    Result<void> authenticateAt(const QUrl& tcTokenUrl);
    void enter(PinLetterStage stage);
    Result<void> remember(PendingOrderStore::Kind kind, const PendingRequest& request);
    QString serviceKey() const { return settings_.service.toString(); }

    PinLetterSettings settings_;
    net::ServiceClient& client_;
    Authenticate authenticate_;
    PendingOrderStore& store_;
    PinLetterObserver observer_;
    std::atomic<bool> cancelled_{false};
    PinLetterStage stage_ = PinLetterStage::Ordering;
    PinLetterStage resumeStage_ = PinLetterStage::Ordering;
    int sentAtStart_ = 0;
};

}  // namespace oa::workflows
