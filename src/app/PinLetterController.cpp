#include "app/PinLetterController.h"

#include <QMetaObject>
#include <QPointer>
#include <QRegularExpression>
#include <algorithm>

#include "app/AuthController.h"

namespace oa {
namespace {

using workflows::PinLetterStage;

QString stageKey(PinLetterStage stage) {
    switch (stage) {
        case PinLetterStage::Ordering:
            return QStringLiteral("ordering");
        case PinLetterStage::Waiting:
            return QStringLiteral("waiting");
        case PinLetterStage::Authenticating:
            return QStringLiteral("authenticating");
        case PinLetterStage::Confirming:
            return QStringLiteral("confirming");
        case PinLetterStage::LetterOrdered:
            return QStringLiteral("letterOrdered");
        case PinLetterStage::Activated:
            return QStringLiteral("activated");
        case PinLetterStage::TryLater:
            return QStringLiteral("tryLater");
        case PinLetterStage::Failed:
            return QStringLiteral("failed");
        case PinLetterStage::Cancelled:
            return QStringLiteral("cancelled");
    }
    return QStringLiteral("failed");
}

bool isHttpsUrl(const QUrl& url) {
    return url.isValid() && url.scheme() == QLatin1String("https") && !url.host().isEmpty();
}

}  // namespace

PinLetterController::PinLetterController(ReaderBackend& readers, AuthController& authentication,
                                         Environment environment, QString storePath,
                                         QObject* parent)
    : QObject(parent),
      readers_(readers),
      authentication_(authentication),
      environment_(std::move(environment)),
      store_(std::move(storePath)) {
    if (!environment_.client) environment_.client = workflows::PinLetterWorkflow::serviceClientFor;
    if (auto loaded = store_.load(); !loaded)
        message_ = QString::fromStdString(loaded.error().message);
    // Another service keys other pending orders.
    connect(this, &PinLetterController::serviceChanged, this, &PinLetterController::readStore);
    readStore();
}

PinLetterController::~PinLetterController() {
    if (worker_.joinable()) {
        cancel();
        worker_.join();
    }
}

QString PinLetterController::serviceUrl() const {
    if (environment_.service) return environment_.service().toString();
    return environment_.settings ? environment_.settings().service.toString() : QString();
}

void PinLetterController::readStore() {
    if (worker_.joinable()) return;
    orderedLetters_.clear();
    for (const auto& letter : store_.ordered())
        orderedLetters_.prepend(letter.reference + QStringLiteral(" (") +
                                letter.ordered.toLocalTime().date().toString(Qt::ISODate) +
                                QLatin1Char(')'));
    orderPending_ =
        store_.pending(workflows::PendingOrderStore::Kind::Order, serviceUrl()).has_value();
    emit storeChanged();
}

bool PinLetterController::order() {
    return run(QStringLiteral("order"), std::nullopt);
}

bool PinLetterController::activate(const QString& activationCode) {
    static const QRegularExpression format(QStringLiteral("^[A-Za-z0-9-]{4,32}$"));
    const QString code = activationCode.trimmed();
    if (!format.match(code).hasMatch()) return false;
    return run(QStringLiteral("activate"), code);
}

bool PinLetterController::run(const QString& action, std::optional<QString> code) {
    if (busy() || !environment_.settings) return false;
    auto claim = workflows::UserWorkflowGuard::app().claim("replacement PIN");
    if (!claim) {
        fail(
            tr("OpenAusweis is busy with another card operation. Please try again when it "
               "has finished."));
        return false;
    }
    claim_ = std::move(claim);
    action_ = action;
    message_.clear();
    orderReference_.clear();
    secondsLeft_ = 0;
    if (!environment_.prepare) return launch(std::move(code));
    // The demo world starts on its own thread; the GUI thread goes on meanwhile.
    preparing_ = true;
    const int preparation = ++preparation_;
    environment_.prepare([self = QPointer(this), preparation, code](bool ready) {
        if (self && self->preparing_ && self->preparation_ == preparation)
            self->prepared(ready, code);
    });
    if (preparing_) {  // not ready at once
        stage_ = QStringLiteral("preparing");
        emit stateChanged();
    }
    return true;
}

void PinLetterController::prepared(bool ready, std::optional<QString> code) {
    preparing_ = false;
    emit serviceChanged();
    if (!ready) {
        claim_.reset();
        fail(tr("The PIN letter service could not be started. Please try again later."));
        return;
    }
    launch(std::move(code));
}

void PinLetterController::fail(const QString& message) {
    message_ = message;
    stage_ = QStringLiteral("failed");
    secondsLeft_ = 0;
    emit stateChanged();
}

bool PinLetterController::launch(std::optional<QString> code) {
    workflows::PinLetterSettings settings = environment_.settings();
    if (!isHttpsUrl(settings.service)) {
        claim_.reset();
        fail(tr("No replacement PIN service is configured."));
        return false;
    }
    stage_ = QStringLiteral("ordering");
    authentication_.beginWindowFlow();
    {
        std::lock_guard lock(workflowMutex_);
        cancelRequested_ = false;
    }
    workflows::PinLetterObserver observer;
    observer.stage = [this](PinLetterStage stage) { post([this, stage] { enter(stage); }); };
    observer.countdown = [this](int seconds) {
        post([this, seconds] {
            secondsLeft_ = seconds;
            emit stateChanged();
        });
    };
    auto authenticate = workflows::PinLetterWorkflow::authenticateWith(readers_, authentication_,
                                                                       environment_.authSettings());
    worker_ = std::thread([this, code, settings, authenticate, observer] {
        auto client = environment_.client(settings);
        workflows::PinLetterWorkflow workflow(settings, *client, authenticate, store_, observer);
        {
            std::lock_guard lock(workflowMutex_);
            workflow_ = &workflow;
            if (cancelRequested_) workflow.cancel();
        }
        auto outcome = code ? workflow.activate(*code) : workflow.order();
        {
            std::lock_guard lock(workflowMutex_);
            workflow_ = nullptr;
        }
        post([this, outcome] { finish(outcome); });
    });
    emit stateChanged();
    return true;
}

void PinLetterController::post(std::function<void()> onGuiThread) {
    QMetaObject::invokeMethod(this, std::move(onGuiThread), Qt::QueuedConnection);
}

void PinLetterController::enter(PinLetterStage stage) {
    if (!worker_.joinable()) return;
    // The card questions belong to the authentication only: afterwards its screen steps aside.
    if (stage_ == QLatin1String("authenticating") && stage != PinLetterStage::Authenticating)
        authentication_.endWindowFlow();
    stage_ = stageKey(stage);
    if (stage != PinLetterStage::Waiting) secondsLeft_ = 0;
    emit stateChanged();
}

void PinLetterController::finish(const workflows::PinLetterOutcome& outcome) {
    if (worker_.joinable()) worker_.join();
    claim_.reset();
    authentication_.endWindowFlow();
    stage_ = stageKey(outcome.stage);
    secondsLeft_ = 0;
    orderReference_ = outcome.orderReference;
    message_ = outcome.error ? QString::fromStdString(outcome.error->message) : QString();
    readStore();
    emit stateChanged();
}

void PinLetterController::cancel() {
    if (preparing_) {
        preparing_ = false;  // the service's late answer is ignored
        claim_.reset();
        stage_ = QStringLiteral("cancelled");
        emit stateChanged();
        return;
    }
    if (!worker_.joinable()) return;
    {
        std::lock_guard lock(workflowMutex_);
        cancelRequested_ = true;
        if (workflow_) workflow_->cancel();
    }
    authentication_.cancelAuthentication();
}

void PinLetterController::dismiss() {
    if (busy()) return;
    stage_ = QStringLiteral("idle");
    message_.clear();
    emit stateChanged();
}

}  // namespace oa
