#include "app/AutomaticActivation.h"

#include <QSslCertificate>

#include "eac/CscaTrustList.h"
#include "eid/DeveloperModeTrust.h"
#include "eid/SelfAuthentication.h"
#include "service/ServiceLog.h"
namespace oa {
namespace {

workflows::AuthSettings authSettings(const AutomaticActivation::Settings& settings) {
    workflows::AuthSettings auth;
    if (!settings.caFile.isEmpty())
        auth.caCertificates = QSslCertificate::fromPath(settings.caFile, QSsl::Pem);
    auth.developerMode = settings.developerMode;
    auth.verifyCardSecurity = eid::passiveAuthentication(eid::cscaTrust(settings.developerMode));
    return auth;
}

// The scripted answers, except that a second PIN request (the first PIN was wrong) or a request
// for the CAN or PUK ends the flow as a failed authentication rather than a user's cancellation:
// nobody is there to answer, and the browser should learn what went wrong.
class AutomaticInteraction : public workflows::ScriptedInteraction {
public:
    using ScriptedInteraction::ScriptedInteraction;

    Result<SecureBytes> askSecret(const workflows::SecretRequest& request) override {
        if (request.kind == workflows::SecretKind::Pin && request.attempt == 1)
            return ScriptedInteraction::askSecret(request);
        return makeError(
            ErrorCode::AuthenticationFailed,
            request.kind == workflows::SecretKind::Pin
                ? "The ID card refused the PIN."
                : "The ID card asks for its " + std::string(workflows::toString(request.kind)) +
                      ", which automatic mode cannot give.",
            "automatic mode: " + std::string(workflows::toString(request.kind)) + " request " +
                std::to_string(request.attempt) + ", card says: " + request.pinStatus.message);
    }
};

}  // namespace

std::optional<AutomaticActivation::Settings> AutomaticActivation::fromEnvironment() {
    const QByteArray pin = qgetenv("OPENAUSWEIS_AUTOMATIC_PIN");
    if (pin.isEmpty()) return std::nullopt;
    Settings settings;
    settings.pin = pin.toStdString();
    settings.developerMode = qgetenv("OPENAUSWEIS_AUTOMATIC_DEVELOPERMODE") == "1";
    settings.refuseConsent = qgetenv("OPENAUSWEIS_AUTOMATIC_REFUSE_CONSENT") == "1";
    settings.caFile = qEnvironmentVariable("OPENAUSWEIS_CA_FILE");
    return settings;
}

AutomaticActivation::AutomaticActivation(Settings settings, ReaderBackend& readers, QObject* parent)
    : QObject(parent), settings_(std::move(settings)), readers_(readers) {
    qCWarning(service::lcService) << "automatic mode: browser activations run unattended"
                                  << (settings_.developerMode ? "(developer mode)" : "")
                                  << (settings_.refuseConsent ? "(refusing every consent)" : "");
}

AutomaticActivation::~AutomaticActivation() {
    if (thread_) {
        thread_->cancel();
        thread_->wait();
    }
}

void AutomaticActivation::start(const QUrl& tcTokenUrl, Completion done) {
    if (thread_) {
        done(service::ActivationOutcome::error(500, QStringLiteral("An authentication runs.")));
        return;
    }
    claim_ = workflows::UserWorkflowGuard::app().claim("automatic authentication");
    if (!claim_) {
        done(service::ActivationOutcome::error(
            409,
            QStringLiteral("OpenAusweis is busy with an SDK client or another card operation.")));
        return;
    }
    done_ = std::move(done);
    workflows::ScriptedInteraction::Script script;
    script.pins = {settings_.pin};
    script.refuseConsent = settings_.refuseConsent;
    interaction_ = std::make_unique<AutomaticInteraction>(std::move(script));
    thread_ = std::make_unique<workflows::AuthWorkflowThread>(readers_, *interaction_,
                                                              authSettings(settings_), tcTokenUrl);
    connect(thread_.get(), &workflows::AuthWorkflowThread::outcome, this,
            &AutomaticActivation::finish, Qt::QueuedConnection);
    thread_->start();
}

void AutomaticActivation::cancel() {
    if (interaction_) interaction_->cancel();
    if (thread_) thread_->cancel();
}

void AutomaticActivation::finish(const workflows::AuthOutcome& outcome) {
    thread_->wait();
    thread_.reset();
    interaction_.reset();
    claim_.reset();
    if (outcome.error)
        qCInfo(service::lcService)
            << "authentication ended:" << QString::fromStdString(outcome.error->message);
    Completion done = std::move(done_);
    done_ = nullptr;
    if (!outcome.redirectUrl.isEmpty()) {
        done(service::ActivationOutcome::redirectTo(outcome.redirectUrl));
        return;
    }
    const QString why = outcome.error ? QString::fromStdString(outcome.error->message) : QString();
    done(service::ActivationOutcome::error(outcome.errorPageStatus ? outcome.errorPageStatus : 500,
                                           why));
}

}  // namespace oa
