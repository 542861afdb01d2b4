#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "card/ReaderBackend.h"
#include "workflows/PinLetterWorkflow.h"
#include "workflows/UserWorkflowGuard.h"

namespace oa {

class AuthController;

// The window's replacement PIN: PinLetterWorkflow::order()/activate() on a worker thread, the card
// part asked through the window's authentication screen (AuthController as the Interaction), the
// workflow's stage, countdown and outcome published to QML. Orders are kept in a PendingOrderStore,
// so a reference (and a pending order) is shown again after a restart.
class PinLetterController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    // "idle", "preparing" (the service is being started, demo mode), or
    // workflows::toString(PinLetterStage) with spaces as camel case ("letterOrdered").
    Q_PROPERTY(QString stage READ stage NOTIFY stateChanged)
    Q_PROPERTY(QString action READ action NOTIFY stateChanged)  // "order" or "activate"
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY stateChanged)
    Q_PROPERTY(QString orderReference READ orderReference NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    // The confirmed orders in the store, newest first: "PRS-000007 (2026-11-27)".
    Q_PROPERTY(QStringList orderedLetters READ orderedLetters NOTIFY storeChanged)
    Q_PROPERTY(bool orderPending READ orderPending NOTIFY storeChanged)
    Q_PROPERTY(QString serviceUrl READ serviceUrl NOTIFY serviceChanged)
    Q_PROPERTY(bool demo READ demo NOTIFY serviceChanged)
public:
    struct Environment {
        // Made on the GUI thread at each start: service URL, its CA, retry and budget.
        std::function<workflows::PinLetterSettings()> settings;
        // Trust and developer mode of the card part (whether the test PKI counts).
        std::function<workflows::AuthSettings()> authSettings;
        // Default: PinLetterWorkflow::serviceClientFor.
        std::function<std::unique_ptr<net::ServiceClient>(const workflows::PinLetterSettings&)>
            client;
        // The service shown and keying the store, without starting anything (default: the
        // settings' service), and whether it is the local simulation world's (marked DEMO).
        std::function<QUrl()> service;
        std::function<bool()> demo;
        // Called on the GUI thread before each run with a callback for the GUI thread: true once
        // settings() names a reachable service (the demo world is up), false if it cannot. The
        // run waits in "preparing" meanwhile. Default: ready at once.
        std::function<void(std::function<void(bool)>)> prepare;
    };

    // `readers` and `authentication` must outlive this. Empty storePath: memory only.
    PinLetterController(ReaderBackend& readers, AuthController& authentication,
                        Environment environment, QString storePath, QObject* parent = nullptr);
    ~PinLetterController() override;

    Q_INVOKABLE bool order();
    // False for an empty or malformed code.
    Q_INVOKABLE bool activate(const QString& activationCode);
    // Ends a countdown at once, otherwise the next step; a pending order stays saved.
    Q_INVOKABLE void cancel();
    // Back to "idle" from a final stage.
    Q_INVOKABLE void dismiss();
    // After activation: the PIN management screen changes the letter's PIN.
    Q_INVOKABLE void changeLetterPin() { emit changePinRequested(); }

    QString stage() const { return stage_; }
    QString action() const { return action_; }
    bool busy() const { return preparing_ || worker_.joinable(); }
    int secondsLeft() const { return secondsLeft_; }
    QString orderReference() const { return orderReference_; }
    QString message() const { return message_; }
    QStringList orderedLetters() const { return orderedLetters_; }
    bool orderPending() const { return orderPending_; }
    QString serviceUrl() const;
    bool demo() const { return environment_.demo && environment_.demo(); }

signals:
    void stateChanged();
    void storeChanged();
    void serviceChanged();
    void changePinRequested();

private:
    bool run(const QString& action, std::optional<QString> code);
    void prepared(bool ready, std::optional<QString> code);
    bool launch(std::optional<QString> code);
    void fail(const QString& message);
    void enter(workflows::PinLetterStage stage);
    void finish(const workflows::PinLetterOutcome& outcome);
    void post(std::function<void()> onGuiThread);
    // Copies what the page shows of the store (the worker writes it while it runs).
    void readStore();

    ReaderBackend& readers_;
    AuthController& authentication_;
    Environment environment_;
    workflows::PendingOrderStore store_;

    // GUI thread only.
    QString stage_ = QStringLiteral("idle");
    QString action_;
    int secondsLeft_ = 0;
    QString orderReference_;
    QString message_;
    QStringList orderedLetters_;
    bool orderPending_ = false;
    std::optional<workflows::UserWorkflowGuard::Claim> claim_;
    bool preparing_ = false;
    int preparation_ = 0;  // tells a late answer of a cancelled preparation from the current one

    // The service client and workflow live on the worker (the client's network access manager
    // belongs to the thread that sends); cancel() reaches the workflow through this.
    std::mutex workflowMutex_;
    workflows::PinLetterWorkflow* workflow_ = nullptr;
    bool cancelRequested_ = false;
    std::thread worker_;
};

}  // namespace oa
