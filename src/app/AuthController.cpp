#include "app/AuthController.h"

#include <QMetaObject>
#include <QTextDocumentFragment>
#include <algorithm>

#include "app/SecretText.h"
#include "card/sim/SimulatorBackend.h"
#include "eid/PinManagement.h"
#include "service/ServiceLog.h"

namespace oa {
namespace {

using workflows::AuthStep;
using workflows::SecretKind;

// The workflow's steps as the user sees them (qml/AuthenticationProgress.qml names them).
int visibleStep(AuthStep step) {
    switch (step) {
        case AuthStep::FetchTcToken:
        case AuthStep::EvaluateTcToken:
        case AuthStep::ConnectEidServer:
        case AuthStep::StartPaos:
        case AuthStep::CheckServiceCertificates:
            return 1;
        case AuthStep::Consent:
            return 2;
        case AuthStep::Pace:
            return 3;
        case AuthStep::TerminalAuthentication:
        case AuthStep::ChipAuthentication:
            return 4;
        case AuthStep::Transmit:
        case AuthStep::FinishPaos:
            return 5;
        case AuthStep::CheckRefreshAddress:
            return 6;
        case AuthStep::Done:
            return 7;
    }
    return 1;
}

bool looksLikeHtml(const std::string& text) {
    const QString trimmed = QString::fromStdString(text).trimmed();
    return trimmed.startsWith(QLatin1Char('<')) &&
           trimmed.contains(QLatin1String("</"), Qt::CaseInsensitive);
}

// HTML terms are shown as their text: no links to follow and nothing fetched on their behalf.
QString readableTerms(const std::string& terms) {
    if (!looksLikeHtml(terms)) return QString::fromStdString(terms);
    return QTextDocumentFragment::fromHtml(QString::fromStdString(terms)).toPlainText().trimmed();
}

QString outcomeKey(const workflows::AuthOutcome& outcome) {
    if (outcome.ok()) return QStringLiteral("ok");
    if (!outcome.error) return QStringLiteral("failed");
    switch (outcome.error->code) {
        case ErrorCode::Cancelled:
            return QStringLiteral("cancelled");
        case ErrorCode::NoCard:
        case ErrorCode::NoReader:
        case ErrorCode::CardRemoved:
            return QStringLiteral("noCard");
        default:
            break;
    }
    return QStringLiteral("failed");
}

}  // namespace

AuthController::AuthController(ReaderBackend& readers, SettingsFactory settings, QObject* parent)
    : QObject(parent), readers_(readers), settings_(std::move(settings)) {}

AuthController::~AuthController() {
    {
        std::lock_guard lock(mutex_);
        cancelled_ = true;
    }
    answeredCondition_.notify_all();
    thread_.reset();  // cancels the workflow and waits for it
}

int AuthController::stepCount() {
    return visibleStep(AuthStep::Done) - 1;
}

// --- ActivationHandler (GUI thread) -------------------------------------------------------------

void AuthController::start(const QUrl& tcTokenUrl, Completion done) {
    if (thread_) {
        done(service::ActivationOutcome::error(
            409, QStringLiteral("Another authentication is running in OpenAusweis.")));
        return;
    }
    auto claim = workflows::UserWorkflowGuard::app().claim("authentication");
    if (!claim) {
        done(service::ActivationOutcome::error(
            409,
            QStringLiteral("OpenAusweis is busy with another card operation or an SDK client.")));
        return;
    }
    claim_ = std::move(claim);
    done_ = std::move(done);
    cancelled_ = false;
    {
        std::lock_guard lock(mutex_);
        waiting_ = Question::None;
        answerReady_ = false;
        preferredReader_.clear();
        consentAnswer_.reset();
        secretAnswer_.reset();
    }
    consent_.reset();
    deselected_.clear();
    secretRequest_ = {};
    succeeded_ = false;
    outcome_.clear();
    detail_.clear();
    returnedToProvider_ = false;
    readerName_.clear();
    readerChoices_.clear();
    step_ = 1;
    authStep_.clear();
    page_ = QStringLiteral("working");
    thread_ =
        std::make_unique<workflows::AuthWorkflowThread>(readers_, *this, settings_(), tcTokenUrl);
    connect(thread_.get(), &workflows::AuthWorkflowThread::outcome, this, &AuthController::finish,
            Qt::QueuedConnection);
    thread_->start();
    emit consentChanged();
    emit rightsChanged();
    emit stateChanged();
    emit activationStarted();
}

void AuthController::beginWindowFlow() {
    if (thread_) return;
    {
        std::lock_guard lock(mutex_);
        cancelled_ = false;
        waiting_ = Question::None;
        answerReady_ = false;
        consentAnswer_.reset();
        secretAnswer_.reset();
    }
    consent_.reset();
    deselected_.clear();
    secretRequest_ = {};
    step_ = 1;
    authStep_.clear();
    readerName_.clear();
    windowFlow_ = true;
    showPage(QStringLiteral("idle"));
}

void AuthController::endWindowFlow() {
    if (thread_) return;
    {
        std::lock_guard lock(mutex_);
        waiting_ = Question::None;
        secretAnswer_.reset();
    }
    windowFlow_ = false;
    showPage(QStringLiteral("idle"));
}

void AuthController::cancel() {
    qCInfo(service::lcService) << "the browser left: authentication cancelled";
    cancelAuthentication();
}

void AuthController::finish(const workflows::AuthOutcome& outcome) {
    if (!thread_) return;
    thread_->wait();
    thread_.reset();
    claim_.reset();
    {
        std::lock_guard lock(mutex_);
        waiting_ = Question::None;
        secretAnswer_.reset();
    }
    showOutcome(outcome);
    Completion done = std::move(done_);
    done_ = nullptr;
    if (done) {
        if (!outcome.redirectUrl.isEmpty()) {
            done(service::ActivationOutcome::redirectTo(outcome.redirectUrl));
        } else {
            const QString why =
                outcome.error ? QString::fromStdString(outcome.error->message) : QString();
            done(service::ActivationOutcome::error(
                outcome.errorPageStatus ? outcome.errorPageStatus : 500, why));
        }
    }
    emit authenticationFinished();
}

void AuthController::showOutcome(const workflows::AuthOutcome& outcome) {
    succeeded_ = outcome.ok();
    outcome_ = outcomeKey(outcome);
    // The workflow names the PIN state it stopped at ("PIN blocked").
    if (outcome.error && outcome.error->code == ErrorCode::AuthenticationFailed &&
        outcome.error->detail == "PIN blocked")
        outcome_ = QStringLiteral("pinBlocked");
    detail_ =
        outcome.error
            ? QString::fromStdString(outcome.error->message + " (" + outcome.error->detail + ")")
            : QString();
    returnedToProvider_ = !outcome.redirectUrl.isEmpty();
    step_ = succeeded_ ? stepCount() + 1 : step_;
    page_ = QStringLiteral("result");
    emit stateChanged();
}

void AuthController::dismissResult() {
    if (page_ != QLatin1String("result")) return;
    showPage(QStringLiteral("idle"));
}

// --- Interaction (worker thread) ----------------------------------------------------------------

void AuthController::post(std::function<void()> onGuiThread) {
    QMetaObject::invokeMethod(this, std::move(onGuiThread), Qt::QueuedConnection);
}

// Shows the question, then blocks the worker until the user answered it or cancelled.
Result<void> AuthController::ask(Question question, std::function<void()> show) {
    {
        std::lock_guard lock(mutex_);
        waiting_ = question;
        answerReady_ = false;
    }
    post(std::move(show));
    std::unique_lock lock(mutex_);
    answeredCondition_.wait(lock, [this] { return answerReady_ || cancelled_.load(); });
    waiting_ = Question::None;
    answerReady_ = false;
    if (cancelled_) return workflows::cancelledByUser("cancelled in the window");
    return {};
}

Result<std::string> AuthController::chooseReader(const std::vector<ReaderInfo>& all) {
    std::vector<ReaderInfo> readers;
    for (const auto& reader : all)
        if (simulatorAllowed_ || reader.name != SimulatorBackend::kReaderName)
            readers.push_back(reader);
    std::vector<std::string> withCard;
    for (const auto& reader : readers)
        if (reader.cardPresent) withCard.push_back(reader.name);

    std::string preferred;
    {
        std::lock_guard lock(mutex_);
        preferred = preferredReader_;
    }
    const auto has = [&](const std::string& name) {
        return std::find(withCard.begin(), withCard.end(), name) != withCard.end();
    };
    std::string chosen;
    if (!preferred.empty() && has(preferred)) {
        chosen = preferred;
    } else if (withCard.size() == 1) {
        chosen = withCard.front();
    } else if (withCard.size() > 1) {
        QStringList names;
        for (const auto& name : withCard)
            names << QString::fromStdString(name);
        auto answer = ask(Question::Reader, [this, names] {
            readerChoices_ = names;
            showPage(QStringLiteral("chooseReader"));
        });
        if (!answer) return answer.error();
        std::lock_guard lock(mutex_);
        chosen = preferredReader_;
    } else {
        // No card anywhere: the workflow waits (waitingForCard) and asks again.
        return !preferred.empty() ? preferred
               : readers.empty()  ? std::string()
                                  : readers.front().name;
    }
    post([this, name = QString::fromStdString(chosen)] {
        readerName_ = name;
        showPage(QStringLiteral("working"));
    });
    return chosen;
}

void AuthController::waitingForCard(const std::string& reader) {
    post([this, name = QString::fromStdString(reader)] {
        readerName_ = name;
        showPage(QStringLiteral("waitingForCard"));
    });
}

Result<workflows::Consent> AuthController::askConsent(const workflows::ConsentRequest& request) {
    auto answer = ask(Question::Consent, [this, request] {
        consent_ = request;
        deselected_.clear();
        emit consentChanged();
        emit rightsChanged();
        showPage(QStringLiteral("consent"));
    });
    if (!answer) return answer.error();
    std::lock_guard lock(mutex_);
    workflows::Consent consent = std::move(*consentAnswer_);
    consentAnswer_.reset();
    return consent;
}

Result<SecureBytes> AuthController::askSecret(const workflows::SecretRequest& request) {
    // The reader asks on its pinpad while the workflow goes on: the page tells the user so until
    // the workflow's next step, and the answer is the empty secret.
    if (request.onReaderPinpad) {
        if (cancelled_) return workflows::cancelledByUser("cancelled in the window");
        post([this, request] {
            secretRequest_ = request;
            showPage(QStringLiteral("secret"));
        });
        return SecureBytes();
    }
    auto answer = ask(Question::Secret, [this, request] {
        secretRequest_ = request;
        showPage(QStringLiteral("secret"));
    });
    if (!answer) return answer.error();
    std::lock_guard lock(mutex_);
    SecureBytes secret = std::move(*secretAnswer_);
    secretAnswer_.reset();
    return secret;
}

// Done arrives for failures too: only a successful outcome ticks the last step.
void AuthController::progress(AuthStep step) {
    if (step == AuthStep::Done) return;
    post([this, step] {
        step_ = visibleStep(step);
        authStep_ = QString::fromLatin1(workflows::toString(step));
        // The reader has taken the secret from its pinpad.
        if (page_ == QLatin1String("secret") && secretRequest_.onReaderPinpad)
            page_ = QStringLiteral("working");
        emit stateChanged();
    });
}

// The outcome arrives through AuthWorkflowThread::outcome, after everything posted before it.
void AuthController::finished(const workflows::AuthOutcome&) {}

// --- the user's answers (GUI thread) ------------------------------------------------------------

void AuthController::showPage(const QString& page) {
    page_ = page;
    emit stateChanged();
}

// Stores the answer for the waiting worker and shows that the workflow goes on.
void AuthController::answered(const std::function<void()>& store) {
    {
        std::lock_guard lock(mutex_);
        store();
        answerReady_ = true;
    }
    answeredCondition_.notify_all();
    showPage(QStringLiteral("working"));
}

bool AuthController::selectReader(const QString& name) {
    if (page_ != QLatin1String("chooseReader") || !readerChoices_.contains(name)) return false;
    {
        std::lock_guard lock(mutex_);
        if (waiting_ != Question::Reader) return false;
    }
    readerName_ = name;
    answered([this, name] { preferredReader_ = name.toStdString(); });
    return true;
}

bool AuthController::setRightSelected(int right, bool selected) {
    if (page_ != QLatin1String("consent") || !consent_) return false;
    const auto& optional = consent_->optionalRights;
    const auto found = std::find_if(optional.begin(), optional.end(), [right](auto candidate) {
        return static_cast<int>(candidate) == right;
    });
    if (found == optional.end()) return false;
    deselected_.erase(std::remove(deselected_.begin(), deselected_.end(), *found),
                      deselected_.end());
    if (!selected) deselected_.push_back(*found);
    emit rightsChanged();
    return true;
}

bool AuthController::acceptConsent() {
    if (page_ != QLatin1String("consent")) return false;
    {
        std::lock_guard lock(mutex_);
        if (waiting_ != Question::Consent) return false;
    }
    answered([this] { consentAnswer_ = workflows::Consent{deselected_}; });
    return true;
}

bool AuthController::submitSecret(const QString& text) {
    if (page_ != QLatin1String("secret") || secretRequest_.onReaderPinpad) return false;
    SecureBytes secret = secretFromText(text);
    const int length = secretLength();
    if (!eid::isDigits(secret, static_cast<std::size_t>(length), static_cast<std::size_t>(length)))
        return false;
    {
        std::lock_guard lock(mutex_);
        if (waiting_ != Question::Secret) return false;
    }
    auto shared = std::make_shared<SecureBytes>(std::move(secret));
    answered([this, shared] { secretAnswer_ = std::move(*shared); });
    return true;
}

// Also wakes a question asked outside a running workflow (tests drive the Interaction alone).
void AuthController::cancelAuthentication() {
    {
        std::lock_guard lock(mutex_);
        cancelled_ = true;
    }
    answeredCondition_.notify_all();
    if (!thread_) {
        // A window flow's question ends now; its owner ends the flow.
        if (windowFlow_) showPage(QStringLiteral("working"));
        return;
    }
    thread_->cancel();
    showPage(QStringLiteral("working"));
}

// --- what the pages show ------------------------------------------------------------------------

bool AuthController::demo() const {
    if (!readerName_.isEmpty()) return readerName_ == QLatin1String(SimulatorBackend::kReaderName);
    return active() && simulatorOnly_ && simulatorAllowed_;
}

void AuthController::setSimulatorOnly(bool only) {
    if (only == simulatorOnly_) return;
    simulatorOnly_ = only;
    emit stateChanged();
}

QString AuthController::providerName() const {
    return consent_ ? QString::fromStdString(consent_->providerName) : QString();
}
QString AuthController::providerUrl() const {
    return consent_ ? QString::fromStdString(consent_->providerUrl) : QString();
}
QString AuthController::issuerName() const {
    return consent_ ? QString::fromStdString(consent_->issuerName) : QString();
}
QString AuthController::termsOfUsage() const {
    return consent_ ? readableTerms(consent_->termsOfUsage) : QString();
}
bool AuthController::termsAreHtml() const {
    return consent_ && looksLikeHtml(consent_->termsOfUsage);
}
QString AuthController::transactionInfo() const {
    return consent_ ? QString::fromStdString(consent_->transactionInfo) : QString();
}
QString AuthController::validFrom() const {
    return consent_ ? QString::fromStdString(consent_->validFrom) : QString();
}
QString AuthController::validUntil() const {
    return consent_ ? QString::fromStdString(consent_->validUntil) : QString();
}

QVariantList AuthController::rights() const {
    QVariantList list;
    if (!consent_) return list;
    const auto add = [&](eac::AccessRight right, bool required) {
        const bool off =
            std::find(deselected_.begin(), deselected_.end(), right) != deselected_.end();
        list << QVariantMap{{QStringLiteral("right"), static_cast<int>(right)},
                            {QStringLiteral("required"), required},
                            {QStringLiteral("selected"), !off}};
    };
    for (auto right : consent_->requiredRights)
        add(right, true);
    for (auto right : consent_->optionalRights)
        add(right, false);
    return list;
}

QString AuthController::secretKind() const {
    switch (secretRequest_.kind) {
        case SecretKind::Pin:
            return QStringLiteral("pin");
        case SecretKind::Can:
            return QStringLiteral("can");
        case SecretKind::Puk:
            return QStringLiteral("puk");
    }
    return QStringLiteral("pin");
}

QString AuthController::pinStatus() const {
    return QString::fromLatin1(eid::toString(secretRequest_.pinStatus.status));
}

int AuthController::secretLength() const {
    return secretRequest_.kind == SecretKind::Puk ? 10 : 6;
}

}  // namespace oa
