#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "card/ReaderBackend.h"
#include "service/ActivationHandler.h"
#include "workflows/AuthWorkflowThread.h"
#include "workflows/Interaction.h"
#include "workflows/UserWorkflowGuard.h"

namespace oa {

// The window's authentication screen behind a browser activation. The AuthWorkflow runs on its
// own thread and asks its questions through the Interaction methods below; each question is
// published to QML on the GUI thread and the worker waits until the user answers or cancels. The
// page shown is always the one the workflow is in: a question page only while the worker waits
// for exactly that answer, "working" as soon as it goes on. When the workflow ends, the browser
// connection held by the endpoint gets its redirect (ActivationHandler).
class AuthController : public QObject,
                       public service::ActivationHandler,
                       public workflows::Interaction {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    // "idle", "chooseReader", "waitingForCard", "consent", "secret", "working" or "result".
    Q_PROPERTY(QString page READ page NOTIFY stateChanged)
    Q_PROPERTY(bool active READ active NOTIFY stateChanged)
    Q_PROPERTY(bool cancelling READ cancelling NOTIFY stateChanged)
    // The user-visible step (1..stepCount, stepCount + 1 when done) and the workflow's own.
    Q_PROPERTY(int step READ step NOTIFY stateChanged)
    Q_PROPERTY(QString authStep READ authStep NOTIFY stateChanged)
    Q_PROPERTY(QString readerName READ readerName NOTIFY stateChanged)
    Q_PROPERTY(bool demo READ demo NOTIFY stateChanged)
    Q_PROPERTY(QStringList readerChoices READ readerChoices NOTIFY stateChanged)

    Q_PROPERTY(QString providerName READ providerName NOTIFY consentChanged)
    Q_PROPERTY(QString providerUrl READ providerUrl NOTIFY consentChanged)
    Q_PROPERTY(QString issuerName READ issuerName NOTIFY consentChanged)
    Q_PROPERTY(QString termsOfUsage READ termsOfUsage NOTIFY consentChanged)
    Q_PROPERTY(bool termsAreHtml READ termsAreHtml NOTIFY consentChanged)
    Q_PROPERTY(QString transactionInfo READ transactionInfo NOTIFY consentChanged)
    Q_PROPERTY(QString validFrom READ validFrom NOTIFY consentChanged)
    Q_PROPERTY(QString validUntil READ validUntil NOTIFY consentChanged)
    // One map per right: right (the bit number, eac::AccessRight), required, selected.
    Q_PROPERTY(QVariantList rights READ rights NOTIFY rightsChanged)

    // "pin", "can" or "puk", with what the card said about the PIN before this request.
    Q_PROPERTY(QString secretKind READ secretKind NOTIFY stateChanged)
    Q_PROPERTY(int attempt READ attempt NOTIFY stateChanged)
    Q_PROPERTY(QString pinStatus READ pinStatus NOTIFY stateChanged)
    Q_PROPERTY(int triesLeft READ triesLeft NOTIFY stateChanged)
    Q_PROPERTY(int secretLength READ secretLength NOTIFY stateChanged)
    // The secret is typed on the card reader's pinpad (a comfort reader): the page shows no field.
    Q_PROPERTY(bool onReaderPinpad READ onReaderPinpad NOTIFY stateChanged)
    // The CAN opens the card instead of the PIN (a PIN reset service), not after two wrong PINs.
    Q_PROPERTY(bool canAllowedMode READ canAllowedMode NOTIFY stateChanged)

    // "ok", "cancelled", "noCard", "pinBlocked" or "failed"; the core's words beneath.
    Q_PROPERTY(bool succeeded READ succeeded NOTIFY stateChanged)
    Q_PROPERTY(QString outcome READ outcome NOTIFY stateChanged)
    Q_PROPERTY(QString detail READ detail NOTIFY stateChanged)
    // True when the browser was sent back to the provider (303), false for an error page.
    Q_PROPERTY(bool returnedToProvider READ returnedToProvider NOTIFY stateChanged)
public:
    // Made on the GUI thread at the start of each authentication (trust may follow settings).
    using SettingsFactory = std::function<workflows::AuthSettings()>;

    // `readers` must outlive this.
    AuthController(ReaderBackend& readers, SettingsFactory settings, QObject* parent = nullptr);
    ~AuthController() override;

    // Thread-safe: whether the in-process demo card's reader may be used (demo mode active).
    void setSimulatorAllowed(bool allowed) { simulatorAllowed_ = allowed; }
    // GUI thread: the demo card's reader is the only reader, so an authentication is a demo one
    // from its first screen (the consent comes before the card is chosen).
    void setSimulatorOnly(bool only);

    // A flow started from the window (the replacement PIN) asks its card questions through this
    // Interaction without start(): begin clears a previous cancel and answer, end returns the
    // screen to "idle" once that flow's authentication is over. GUI thread.
    void beginWindowFlow();
    void endWindowFlow();

    // ActivationHandler, from the endpoint on the GUI thread.
    void start(const QUrl& tcTokenUrl, Completion done) override;
    void cancel() override;

    // Interaction, from the worker thread.
    Result<std::string> chooseReader(const std::vector<ReaderInfo>& readers) override;
    void waitingForCard(const std::string& reader) override;
    Result<workflows::Consent> askConsent(const workflows::ConsentRequest& request) override;
    Result<SecureBytes> askSecret(const workflows::SecretRequest& request) override;
    void progress(workflows::AuthStep step) override;
    void finished(const workflows::AuthOutcome& outcome) override;
    bool cancelRequested() const override { return cancelled_; }

    // The user's answers, from QML. Each returns false when the workflow does not wait for it.
    Q_INVOKABLE bool selectReader(const QString& name);
    // Only optional rights can be switched off.
    Q_INVOKABLE bool setRightSelected(int right, bool selected);
    Q_INVOKABLE bool acceptConsent();
    // False for a malformed secret (digits and length); the page clears its field either way.
    Q_INVOKABLE bool submitSecret(const QString& text);
    Q_INVOKABLE void cancelAuthentication();
    // Back to "idle" from the result page.
    Q_INVOKABLE void dismissResult();

    static int stepCount();

    QString page() const { return page_; }
    bool active() const { return thread_ != nullptr || windowFlow_; }
    bool cancelling() const { return cancelled_ && active(); }
    int step() const { return step_; }
    QString authStep() const { return authStep_; }
    QString readerName() const { return readerName_; }
    bool demo() const;
    QStringList readerChoices() const { return readerChoices_; }
    QString providerName() const;
    QString providerUrl() const;
    QString issuerName() const;
    QString termsOfUsage() const;
    bool termsAreHtml() const;
    QString transactionInfo() const;
    QString validFrom() const;
    QString validUntil() const;
    QVariantList rights() const;
    QString secretKind() const;
    int attempt() const { return secretRequest_.attempt; }
    QString pinStatus() const;
    int triesLeft() const { return secretRequest_.pinStatus.triesLeft; }
    int secretLength() const;
    bool onReaderPinpad() const { return secretRequest_.onReaderPinpad; }
    bool canAllowedMode() const { return secretRequest_.canAllowedMode; }
    bool succeeded() const { return succeeded_; }
    QString outcome() const { return outcome_; }
    QString detail() const { return detail_; }
    bool returnedToProvider() const { return returnedToProvider_; }

signals:
    void stateChanged();
    void consentChanged();
    void rightsChanged();
    // A browser activation arrived: the window shows itself with this screen.
    void activationStarted();
    // The workflow ended and the browser has its answer.
    void authenticationFinished();

private:
    // What the worker waits for; answers for anything else are refused.
    enum class Question { None, Reader, Consent, Secret };

    Result<void> ask(Question question, std::function<void()> show);
    void post(std::function<void()> onGuiThread);
    void showPage(const QString& page);
    void answered(const std::function<void()>& store);
    void finish(const workflows::AuthOutcome& outcome);
    void showOutcome(const workflows::AuthOutcome& outcome);

    ReaderBackend& readers_;
    SettingsFactory settings_;
    std::atomic<bool> simulatorAllowed_{true};
    bool simulatorOnly_ = false;  // GUI thread
    std::atomic<bool> cancelled_{false};

    // Shared with the worker.
    mutable std::mutex mutex_;
    std::condition_variable answeredCondition_;
    Question waiting_ = Question::None;
    bool answerReady_ = false;
    std::string preferredReader_;
    std::optional<workflows::Consent> consentAnswer_;
    std::optional<SecureBytes> secretAnswer_;

    // GUI thread only.
    QString page_ = QStringLiteral("idle");
    int step_ = 0;
    QString authStep_;
    QString readerName_;
    QStringList readerChoices_;
    std::optional<workflows::ConsentRequest> consent_;
    std::vector<eac::AccessRight> deselected_;
    workflows::SecretRequest secretRequest_;
    bool succeeded_ = false;
    QString outcome_;
    QString detail_;
    bool returnedToProvider_ = false;
    bool windowFlow_ = false;  // between beginWindowFlow and endWindowFlow
    Completion done_;
    // Held while the authentication runs: no SDK client and no other window workflow meanwhile.
    std::optional<workflows::UserWorkflowGuard::Claim> claim_;
    std::unique_ptr<workflows::AuthWorkflowThread> thread_;
};

}  // namespace oa
