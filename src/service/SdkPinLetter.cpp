#include "service/SdkPinLetter.h"

#include <QRegularExpression>
#include <optional>

namespace oa::service {

using workflows::PinLetterStage;

namespace {

// The string value of `key`, or the SDK's error text for a missing or non-string one.
std::optional<QString> textOf(const QJsonObject& command, const char* key, QString& into) {
    const QJsonValue value = command.value(QLatin1String(key));
    if (value.isUndefined()) return QStringLiteral("%1 cannot be undefined").arg(key);
    if (!value.isString()) return QStringLiteral("Invalid %1").arg(key);
    into = value.toString();
    return std::nullopt;
}

// The stage names of the PIN_LETTER message (the workflow's own names are for people).
const char* stageName(PinLetterStage stage) {
    switch (stage) {
        case PinLetterStage::Ordering:
            return "Ordering";
        case PinLetterStage::Waiting:
            return "Waiting";
        case PinLetterStage::Authenticating:
            return "Authenticating";
        case PinLetterStage::Confirming:
            return "Confirming";
        case PinLetterStage::LetterOrdered:
            return "LetterOrdered";
        case PinLetterStage::Activated:
            return "Activated";
        case PinLetterStage::TryLater:
            return "TryLater";
        case PinLetterStage::Failed:
            return "Failed";
        case PinLetterStage::Cancelled:
            return "Cancelled";
    }
    return "Failed";
}

}  // namespace

std::variant<SdkPinLetterRequest, QString> parseSdkPinLetter(const QJsonObject& command) {
    SdkPinLetterRequest request;
    QString action;
    if (auto error = textOf(command, "action", action)) return *error;
    if (action != QLatin1String("order") && action != QLatin1String("activate"))
        return QStringLiteral("Invalid action");
    request.activate = action == QLatin1String("activate");

    QString service;
    if (auto error = textOf(command, "service", service)) return *error;
    request.service = QUrl(service, QUrl::StrictMode);
    if (!request.service.isValid() || request.service.scheme() != QLatin1String("https") ||
        request.service.host().isEmpty() || request.service.hasQuery() ||
        request.service.hasFragment())
        return QStringLiteral("Validation of service failed");
    const QString path = request.service.path();
    if (path.endsWith('/')) request.service.setPath(path.chopped(1));

    if (request.activate) {
        QString code;
        if (auto error = textOf(command, "activationCode", code)) return *error;
        // The letter's code: letters and digits in groups; nothing else reaches the service.
        static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$"));
        if (code.size() > 64 || !shape.match(code).hasMatch())
            return QStringLiteral("Invalid activationCode");
        request.activationCode = code;
    } else if (command.contains(QStringLiteral("activationCode"))) {
        return QStringLiteral("activationCode belongs to activate");
    }

    const QJsonValue developerMode = command.value(QStringLiteral("developerMode"));
    if (!developerMode.isUndefined() && !developerMode.isBool())
        return QStringLiteral("Invalid developerMode");
    request.developerMode = developerMode.toBool(false);
    return request;
}

QJsonObject sdkPinLetterStageMessage(PinLetterStage stage, int retryIn) {
    QJsonObject message{{QStringLiteral("msg"), QStringLiteral("PIN_LETTER")},
                        {QStringLiteral("stage"), QString::fromLatin1(stageName(stage))}};
    if (retryIn >= 0) message.insert(QStringLiteral("retryIn"), retryIn);
    return message;
}

QJsonObject sdkPinLetterResultMessage(const workflows::PinLetterOutcome& outcome) {
    QJsonObject message = sdkPinLetterStageMessage(outcome.stage);
    if (!outcome.orderReference.isEmpty())
        message.insert(QStringLiteral("reference"), outcome.orderReference);
    if (!outcome.activationReference.isEmpty())
        message.insert(QStringLiteral("activationReference"), outcome.activationReference);
    if (outcome.error)
        message.insert(QStringLiteral("error"), QString::fromStdString(outcome.error->message));
    return message;
}

SdkPinLetterRun::SdkPinLetterRun(ReaderBackend& backend, SdkInteraction& interaction, Setup setup,
                                 Post post)
    : backend_(backend),
      interaction_(interaction),
      setup_(std::move(setup)),
      post_(std::move(post)) {
    setup_.settings.service = setup_.request.service;
    setup_.auth.developerMode = setup_.request.developerMode;
    if (!setup_.client) setup_.client = workflows::PinLetterWorkflow::serviceClientFor;
}

void SdkPinLetterRun::enter(PinLetterStage stage) {
    // Waiting is shown by its countdown, the end by the result; the others once per change.
    const bool progress = stage == PinLetterStage::Ordering ||
                          stage == PinLetterStage::Authenticating ||
                          stage == PinLetterStage::Confirming;
    if (!progress || stage == shown_) return;
    shown_ = stage;
    post_(sdkPinLetterStageMessage(stage), false);
}

void SdkPinLetterRun::run() {
    workflows::PendingOrderStore store(setup_.storePath);
    (void)store.load();  // an unreadable file has been moved aside; the run starts afresh
    auto client = setup_.client(setup_.settings);
    workflows::PinLetterObserver observer;
    observer.stage = [this](PinLetterStage stage) { enter(stage); };
    observer.countdown = [this](int seconds) {
        shown_ = PinLetterStage::Waiting;
        post_(sdkPinLetterStageMessage(PinLetterStage::Waiting, seconds), false);
    };
    workflows::PinLetterWorkflow workflow(
        setup_.settings, *client,
        workflows::PinLetterWorkflow::authenticateWith(backend_, interaction_, setup_.auth), store,
        observer);
    {
        std::lock_guard lock(mutex_);
        workflow_ = &workflow;
        if (cancelled_) workflow.cancel();
    }
    auto outcome = setup_.request.activate ? workflow.activate(setup_.request.activationCode)
                                           : workflow.order();
    {
        std::lock_guard lock(mutex_);
        workflow_ = nullptr;
    }
    post_(sdkPinLetterResultMessage(outcome), true);
}

void SdkPinLetterRun::cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    if (workflow_) workflow_->cancel();
}

}  // namespace oa::service
