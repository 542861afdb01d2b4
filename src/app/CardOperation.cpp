#include "app/CardOperation.h"

#include "app/StepObservingCard.h"

namespace oa {

CardOperation::CardOperation(CardChooser chooseCard, QObject* parent)
    : QObject(parent), chooseCard_(std::move(chooseCard)) {}

void CardOperation::clearOutcome() {
    if (busy_) return;
    outcome_.clear();
    detail_.clear();
    succeeded_ = false;
    step_ = 0;
    emit stateChanged();
}

bool CardOperation::start(Job job) {
    if (busy_) return false;
    auto claim = workflows::UserWorkflowGuard::app().claim(metaObject()->className());
    if (!claim) {
        refuse(QStringLiteral("busy"));
        return false;
    }
    auto choice = chooseCard_ ? chooseCard_() : std::nullopt;
    if (!choice) {
        refuse(QStringLiteral("noCard"));
        return false;
    }
    claim_ = std::move(claim);
    busy_ = true;
    demo_ = choice->simulated;
    readerName_ = choice->readerName;
    pinpad_ = choice->pinpad;
    pinpadPrompt_.clear();
    step_ = 1;
    succeeded_ = false;
    outcome_.clear();
    detail_.clear();
    emit stateChanged();
    worker_.post([this, simulated = choice->simulated, connect = std::move(choice->connect),
                  job = std::move(job)] {
        auto card = connect();
        if (!card) {
            const Error error = card.error();
            finish([this, error] { setOutcome(false, QStringLiteral("noCard"), detailOf(error)); });
            return;
        }
        job(**card, simulated);
    });
    return true;
}

void CardOperation::reportStep(int step) {
    QMetaObject::invokeMethod(
        this,
        [this, step] {
            if (!busy_ || step <= step_) return;
            step_ = step;
            emit stateChanged();
        },
        Qt::QueuedConnection);
}

void CardOperation::lookAtReaders() {
    if (busy_) return;
    const auto choice = chooseCard_ ? chooseCard_() : std::nullopt;
    const bool pinpad = choice && choice->pinpad;
    if (pinpad == pinpad_) return;
    pinpad_ = pinpad;
    emit stateChanged();
}

void CardOperation::reportPinpadPrompt(const QString& prompt) {
    QMetaObject::invokeMethod(
        this,
        [this, prompt] {
            if (!busy_ || prompt == pinpadPrompt_) return;
            pinpadPrompt_ = prompt;
            emit stateChanged();
        },
        Qt::QueuedConnection);
}

void CardOperation::reportPinpad(int passwordId, bool done) {
    if (done) return reportPinpadPrompt({});
    switch (passwordId) {
        case StepObservingCard::kNewPin:
            return reportPinpadPrompt(QStringLiteral("newPin"));
        case 2:
            return reportPinpadPrompt(QStringLiteral("can"));
        case 4:
            return reportPinpadPrompt(QStringLiteral("puk"));
        default:
            return reportPinpadPrompt(QStringLiteral("pin"));
    }
}

void CardOperation::finish(std::function<void()> apply) {
    QMetaObject::invokeMethod(
        this,
        [this, apply = std::move(apply)] {
            busy_ = false;
            pinpadPrompt_.clear();
            claim_.reset();
            apply();
            emit stateChanged();
            emit finished();
        },
        Qt::QueuedConnection);
}

void CardOperation::setOutcome(bool succeeded, const QString& outcome, const QString& detail) {
    succeeded_ = succeeded;
    outcome_ = outcome;
    detail_ = detail;
}

void CardOperation::refuse(const QString& outcome, const QString& detail) {
    step_ = 0;
    setOutcome(false, outcome, detail);
    emit stateChanged();
    emit finished();
}

QString CardOperation::detailOf(const Error& error) {
    QString text = QString::fromStdString(error.message);
    if (!error.detail.empty())
        text += QStringLiteral(" (%1)").arg(QString::fromStdString(error.detail));
    return text;
}

}  // namespace oa
