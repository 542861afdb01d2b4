#include "workflows/PinLetterWorkflow.h"

#include <QJsonDocument>

#include "net/TlsConfiguration.h"

namespace oa::workflows {
namespace {

using Kind = PendingOrderStore::Kind;

Error unexpectedAnswer(std::string detail) {
    return makeError(ErrorCode::InvalidInput,
                     "The PIN letter service answered something unexpected", std::move(detail));
}

Result<QString> text(const QJsonObject& answer, const char* field) {
    const QJsonValue value = answer.value(QLatin1String(field));
    if (!value.isString() || value.toString().isEmpty())
        return unexpectedAnswer(std::string("no ") + field + " in the answer");
    return value.toString();
}

Error tryLater(const Error& cause) {
    return makeError(cause.code,
                     "The PIN letter service is overloaded or unreachable right now. Your request "
                     "is saved and will be sent again when you try later; please try again in a "
                     "few minutes.",
                     cause.message + " | " + cause.detail);
}

}  // namespace

const char* toString(PinLetterStage stage) {
    switch (stage) {
        case PinLetterStage::Ordering:
            return "ordering";
        case PinLetterStage::Waiting:
            return "waiting";
        case PinLetterStage::Authenticating:
            return "authenticating";
        case PinLetterStage::Confirming:
            return "confirming";
        case PinLetterStage::LetterOrdered:
            return "letter ordered";
        case PinLetterStage::Activated:
            return "activated";
        case PinLetterStage::TryLater:
            return "try later";
        case PinLetterStage::Failed:
            return "failed";
        case PinLetterStage::Cancelled:
            return "cancelled";
    }
    return "?";
}

PinLetterWorkflow::PinLetterWorkflow(PinLetterSettings settings, net::ServiceClient& client,
                                     Authenticate authenticate, PendingOrderStore& store,
                                     PinLetterObserver observer)
    : settings_(std::move(settings)),
      client_(client),
      authenticate_(std::move(authenticate)),
      store_(store),
      observer_(std::move(observer)) {}

PinLetterWorkflow::~PinLetterWorkflow() = default;

void PinLetterWorkflow::cancel() {
    cancelled_ = true;
}

void PinLetterWorkflow::enter(PinLetterStage stage) {
    stage_ = stage;
    if (observer_.stage) observer_.stage(stage);
}

Result<void> PinLetterWorkflow::remember(Kind kind, const PendingRequest& request) {
    return store_.setPending(kind, request);
}

PinLetterOutcome PinLetterWorkflow::finish(PinLetterOutcome outcome, PinLetterStage stage) {
    outcome.stage = stage;
    outcome.requestsSent = client_.requestsSent() - sentAtStart_;
    enter(stage);
    return outcome;
}

PinLetterOutcome PinLetterWorkflow::stopped(PinLetterOutcome outcome, const Error& error) {
    if (error.code == ErrorCode::Cancelled || cancelled_) {
        outcome.error = error;
        return finish(std::move(outcome), PinLetterStage::Cancelled);
    }
    if (net::isTransient(client_.lastFailure())) {
        outcome.error = tryLater(error);
        return finish(std::move(outcome), PinLetterStage::TryLater);
    }
    outcome.error = error;
    return finish(std::move(outcome), PinLetterStage::Failed);
}

Result<QJsonObject> PinLetterWorkflow::callJson(const QByteArray& method, const QUrl& url,
                                                const QByteArray& idempotencyKey,
                                                const QByteArray& body) {
    net::HttpsExchange::Request request;
    request.method = method;
    request.url = url;
    request.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
    if (!idempotencyKey.isEmpty()) request.headers.append({"Idempotency-Key", idempotencyKey});
    if (!body.isEmpty())
        request.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    request.body = body;
    // A POST is repeat-safe only because the service recognises its key.
    const auto repeatable =
        method == "GET" || !idempotencyKey.isEmpty() ? net::Repeatable::Yes : net::Repeatable::No;
    net::ServiceCallObserver observer;
    observer.cancelled = [this] { return cancelled_.load(); };
    observer.countdown = [this](int secondsLeft, net::ServerFailure) {
        if (stage_ != PinLetterStage::Waiting) {
            resumeStage_ = stage_;
            enter(PinLetterStage::Waiting);
        }
        if (observer_.countdown) observer_.countdown(secondsLeft);
    };
    observer.sending = [this](int) {
        if (stage_ == PinLetterStage::Waiting) enter(resumeStage_);
    };
    auto response = client_.send(request, repeatable, observer);
    if (!response) return response.error();
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(response->body, &parseError);
    const std::string status = "HTTP " + std::to_string(response->status);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return unexpectedAnswer(status +
                                ", not a JSON object: " + parseError.errorString().toStdString());
    const QJsonObject answer = document.object();
    if (response->status == 200 || response->status == 201) return answer;
    const std::string reason = answer.value("error").toString().toStdString();
    const QString message = answer.value("message").toString();
    return makeError(ErrorCode::InvalidInput,
                     "The PIN letter service refused the request" +
                         (message.isEmpty() ? std::string(".") : ": " + message.toStdString()),
                     status + " " + reason);
}

Result<QUrl> PinLetterWorkflow::serviceUrl(const QJsonObject& answer, const char* field) const {
    auto value = text(answer, field);
    if (!value) return value.error();
    const QUrl url(*value, QUrl::StrictMode);
    // Only the service itself may send the app elsewhere: same scheme, host and port.
    if (!url.isValid() || url.scheme() != QLatin1String("https") ||
        url.host() != settings_.service.host() || url.port(443) != settings_.service.port(443))
        return unexpectedAnswer(std::string(field) +
                                " is not on the service: " + value->toStdString());
    return url;
}

Result<void> PinLetterWorkflow::authenticateAt(const QUrl& tcTokenUrl) {
    enter(PinLetterStage::Authenticating);
    const AuthOutcome outcome = authenticate_(tcTokenUrl);
    if (outcome.ok()) return {};
    if (outcome.error) return *outcome.error;
    return makeError(ErrorCode::AuthenticationFailed, "The authentication with the ID card failed",
                     outcome.redirectUrl.toString().toStdString());
}

PinLetterOutcome PinLetterWorkflow::order() {
    cancelled_ = false;
    sentAtStart_ = client_.requestsSent();
    PinLetterOutcome outcome;
    enter(PinLetterStage::Ordering);
    // Saved before the first byte goes out: a crash after sending must resume with this key.
    PendingRequest pending = store_.pending(Kind::Order, serviceKey())
                                 .value_or(PendingRequest{serviceKey(),
                                                          net::ServiceClient::newIdempotencyKey(),
                                                          {},
                                                          QDateTime::currentDateTimeUtc()});
    if (auto saved = remember(Kind::Order, pending); !saved)
        return stopped(std::move(outcome), saved.error());

    const QUrl orderUrl(settings_.service.toString() + QStringLiteral("/order"));
    auto placed = callJson("POST", orderUrl, pending.idempotencyKey, "{}");
    if (!placed) return stopped(std::move(outcome), placed.error());
    auto reference = text(*placed, "order");
    auto statusUrl = serviceUrl(*placed, "statusUrl");
    auto tokenUrl = serviceUrl(*placed, "tcTokenUrl");
    if (!reference || !statusUrl || !tokenUrl)
        return stopped(std::move(outcome), !reference   ? reference.error()
                                           : !statusUrl ? statusUrl.error()
                                                        : tokenUrl.error());
    outcome.orderReference = *reference;
    pending.reference = *reference;
    if (auto saved = remember(Kind::Order, pending); !saved)
        return stopped(std::move(outcome), saved.error());

    if (placed->value("status").toString() != QLatin1String("letter-sent")) {
        if (auto authenticated = authenticateAt(*tokenUrl); !authenticated)
            return stopped(std::move(outcome), authenticated.error());
        enter(PinLetterStage::Confirming);
        auto confirmed = callJson("GET", *statusUrl);
        if (!confirmed) return stopped(std::move(outcome), confirmed.error());
        if (confirmed->value("status").toString() != QLatin1String("letter-sent"))
            return stopped(
                std::move(outcome),
                makeError(ErrorCode::AuthenticationFailed,
                          "The PIN letter service could not read your address from "
                          "the card; no letter was ordered. Please try again.",
                          "order status " + confirmed->value("status").toString().toStdString()));
    }
    (void)store_.addOrdered({serviceKey(), *reference, QDateTime::currentDateTimeUtc()});
    (void)store_.clearPending(Kind::Order, serviceKey());
    return finish(std::move(outcome), PinLetterStage::LetterOrdered);
}

PinLetterOutcome PinLetterWorkflow::activate(const QString& activationCode) {
    cancelled_ = false;
    sentAtStart_ = client_.requestsSent();
    PinLetterOutcome outcome;
    enter(PinLetterStage::Ordering);
    PendingRequest pending = store_.pending(Kind::Activation, serviceKey())
                                 .value_or(PendingRequest{serviceKey(),
                                                          net::ServiceClient::newIdempotencyKey(),
                                                          {},
                                                          QDateTime::currentDateTimeUtc()});
    if (auto saved = remember(Kind::Activation, pending); !saved)
        return stopped(std::move(outcome), saved.error());

    const QUrl activationUrl(settings_.service.toString() + QStringLiteral("/activation"));
    const QByteArray body = QJsonDocument(QJsonObject{{"activationCode", activationCode}})
                                .toJson(QJsonDocument::Compact);
    auto started = callJson("POST", activationUrl, pending.idempotencyKey, body);
    if (!started && started.error().detail.find("idempotency-key-reused") != std::string::npos) {
        // The saved key belonged to another letter's code: this is a new activation.
        pending.idempotencyKey = net::ServiceClient::newIdempotencyKey();
        pending.reference.clear();
        if (auto saved = remember(Kind::Activation, pending); !saved)
            return stopped(std::move(outcome), saved.error());
        started = callJson("POST", activationUrl, pending.idempotencyKey, body);
    }
    if (!started) return stopped(std::move(outcome), started.error());
    auto reference = text(*started, "activation");
    auto order = text(*started, "order");
    auto statusUrl = serviceUrl(*started, "statusUrl");
    auto tokenUrl = serviceUrl(*started, "tcTokenUrl");
    if (!reference || !order || !statusUrl || !tokenUrl)
        return stopped(std::move(outcome), !reference   ? reference.error()
                                           : !order     ? order.error()
                                           : !statusUrl ? statusUrl.error()
                                                        : tokenUrl.error());
    outcome.activationReference = *reference;
    outcome.orderReference = *order;
    pending.reference = *reference;
    if (auto saved = remember(Kind::Activation, pending); !saved)
        return stopped(std::move(outcome), saved.error());

    if (started->value("status").toString() != QLatin1String("activated")) {
        if (auto authenticated = authenticateAt(*tokenUrl); !authenticated)
            return stopped(std::move(outcome), authenticated.error());
        enter(PinLetterStage::Confirming);
        auto confirmed = callJson("GET", *statusUrl);
        if (!confirmed) return stopped(std::move(outcome), confirmed.error());
        if (confirmed->value("status").toString() != QLatin1String("activated"))
            return stopped(std::move(outcome),
                           makeError(ErrorCode::CardError,
                                     "The new PIN could not be set on the card. Please try "
                                     "again.",
                                     "activation status " +
                                         confirmed->value("status").toString().toStdString()));
    }
    (void)store_.clearPending(Kind::Activation, serviceKey());
    return finish(std::move(outcome), PinLetterStage::Activated);
}

PinLetterWorkflow::Authenticate PinLetterWorkflow::authenticateWith(ReaderBackend& backend,
                                                                    Interaction& interaction,
                                                                    AuthSettings settings) {
    return [&backend, &interaction, settings](const QUrl& tcTokenUrl) {
        AuthWorkflow workflow(backend, interaction, settings);
        return workflow.run(tcTokenUrl);
    };
}

std::unique_ptr<net::ServiceClient> PinLetterWorkflow::serviceClientFor(
    const PinLetterSettings& settings) {
    net::HttpsExchange::Settings exchange;
    exchange.tls = net::TlsConfiguration::eServiceChannel(settings.caCertificates);
    exchange.timeouts = settings.timeouts;
    exchange.maxBodyBytes = 64 * 1024;
    return std::make_unique<net::ServiceClient>(
        exchange, std::make_shared<net::RetryPolicy>(settings.retry),
        std::make_shared<net::RequestBudget>(settings.requestsPerMinute, settings.requestBurst));
}

}  // namespace oa::workflows
