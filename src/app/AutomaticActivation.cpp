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

}  // namespace

std::optional<AutomaticActivation::Settings> AutomaticActivation::fromEnvironment() {
    const QByteArray pin = qgetenv("OPENAUSWEIS_AUTOMATIC_PIN");
    if (pin.isEmpty()) return std::nullopt;
    Settings settings;
    settings.pin = pin.toStdString();
    settings.developerMode = qgetenv("OPENAUSWEIS_AUTOMATIC_DEVELOPERMODE") == "1";
    settings.caFile = qEnvironmentVariable("OPENAUSWEIS_CA_FILE");
    return settings;
}

AutomaticActivation::AutomaticActivation(Settings settings, ReaderBackend& readers, QObject* parent)
    : QObject(parent), settings_(std::move(settings)), readers_(readers) {
    qCWarning(service::lcService) << "automatic mode: browser activations run unattended"
                                  << (settings_.developerMode ? "(developer mode)" : "");
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
    done_ = std::move(done);
    workflows::ScriptedInteraction::Script script;
    script.pins = {settings_.pin};
    interaction_ = std::make_unique<workflows::ScriptedInteraction>(std::move(script));
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
