#pragma once

#include <QObject>
#include <memory>
#include <optional>

#include "card/ReaderBackend.h"
#include "service/ActivationHandler.h"
#include "workflows/AuthWorkflowThread.h"
#include "workflows/ScriptedInteraction.h"
#include "workflows/UserWorkflowGuard.h"

namespace oa {

// Unattended browser activations for automated tests and kiosks, like AusweisApp's automatic
// mode: the authentication runs with the PIN from OPENAUSWEIS_AUTOMATIC_PIN, accepts the
// requested rights, takes the first reader with a card. A wrong PIN (or a card asking for its CAN
// or PUK) ends the flow as failed, with the card's words for the browser.
// OPENAUSWEIS_AUTOMATIC_DEVELOPERMODE=1 trusts the test CSCA; OPENAUSWEIS_CA_FILE adds TLS trust
// anchors (PEM); OPENAUSWEIS_AUTOMATIC_REFUSE_CONSENT=1 refuses every consent, so each activation
// ends as cancelled by the user (the browser's cancel path in tests). Never the default:
// fromEnvironment() gives nothing unless the PIN variable is set. Like the window's
// authentication it claims the app's UserWorkflowGuard, so it never shares the card with an SDK
// client's workflow.
class AutomaticActivation : public QObject, public service::ActivationHandler {
    Q_OBJECT
public:
    struct Settings {
        std::string pin;
        bool developerMode = false;
        bool refuseConsent = false;
        QString caFile;
    };
    static std::optional<Settings> fromEnvironment();

    // `readers` must outlive this.
    AutomaticActivation(Settings settings, ReaderBackend& readers, QObject* parent = nullptr);
    ~AutomaticActivation() override;

    void start(const QUrl& tcTokenUrl, Completion done) override;
    void cancel() override;

private:
    void finish(const workflows::AuthOutcome& outcome);

    Settings settings_;
    ReaderBackend& readers_;
    std::unique_ptr<workflows::ScriptedInteraction> interaction_;
    std::unique_ptr<workflows::AuthWorkflowThread> thread_;
    std::optional<workflows::UserWorkflowGuard::Claim> claim_;
    Completion done_;
};

}  // namespace oa
