#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "card/ReaderBackend.h"
#include "service/SdkInteraction.h"
#include "service/SdkMessages.h"
#include "service/SdkPinLetter.h"
#include "service/ServerIdentity.h"
#include "workflows/AuthWorkflow.h"

class QThread;

namespace oa {
class SimulatorBackend;
}

namespace oa::service {

// One SDK client's conversation (AusweisApp SDK JSON protocol, §3.3 of our digest): commands in,
// messages out, the BAD_STATE rules, and the workflow it runs. RUN_AUTH and RUN_CHANGE_PIN run the
// real workflows on a worker thread; their questions arrive through SdkInteraction. Lives on one
// thread (the socket's); knows nothing about sockets, so tests and the fuzzer drive it directly.
class SdkSession : public QObject {
    Q_OBJECT
public:
    struct Environment {
        ReaderBackend* backend = nullptr;       // readers and card access of the workflows
        SimulatorBackend* simulator = nullptr;  // the "Simulator" reader for SET_CARD, or none
        ServerIdentity identity = ServerIdentity::ours();
        std::function<workflows::AuthSettings(bool developerMode)> authSettings;
        std::chrono::milliseconds cardWait{120000};
        // false: RUN_AUTH/RUN_CHANGE_PIN only enter their state (the fuzzer: no threads, no
        // network)
        bool runWorkflows = true;
        // RUN_PIN_LETTER (our extension): settings beyond the service URL, the service client
        // (default: PinLetterWorkflow::serviceClientFor) and the PendingOrderStore file (null:
        // pin-letter.json in the app data directory).
        std::function<workflows::PinLetterSettings()> pinLetterSettings;
        SdkPinLetterRun::Setup::ClientFactory pinLetterClient;
        QString pinLetterStorePath;
    };
    using Send = std::function<void(const QByteArray& json)>;

    SdkSession(Environment environment, Send send, QObject* parent = nullptr);
    ~SdkSession() override;  // cancels a running workflow and waits for its thread

    void handleCommand(const QByteArray& text);
    // The client left: a running workflow ends as cancelled.
    void cancelWorkflow();
    bool workflowRunning() const { return workflow_ != Workflow::None; }
    int apiLevel() const { return apiLevel_; }

signals:
    void workflowFinished();

private:
    enum class Workflow { None, Auth, ChangePin, PinLetter };
    enum class Pending {
        None,
        AccessRights,
        InsertCard,
        EnterPin,
        EnterCan,
        EnterPuk,
        EnterNewPin,
        Pause
    };

    void send(const QJsonObject& message);
    void dispatch(const QString& cmd, const QJsonObject& command);
    void badState(const QString& cmd);
    void unknownCommand(const QString& cmd);

    void setApiLevel(const QJsonObject& command);
    void getReader(const QJsonObject& command);
    void runAuth(const QJsonObject& command);
    void runChangePin(const QJsonObject& command);
    void runPinLetter(const QJsonObject& command);
    void onPinLetter(quint64 generation, const QJsonObject& message, bool last);
    void setAccessRights(const QJsonObject& command);
    void setCard(const QJsonObject& command);
    void setNumber(const QString& cmd, const QJsonObject& command);
    void cancel();

    void startInteraction(Workflow workflow);
    // From a workflow thread: `task` runs on the session's thread, in posting order.
    void postFromWorker(std::function<void()> task);
    Q_INVOKABLE void runNextPosted();
    void startWorker();
    void joinWorker();
    void onEvent(quint64 generation, SdkEvent event);
    void finishWorkflow(const QJsonObject& result);
    QJsonObject statusMessage() const;
    QJsonObject accessRightsMessage(const QString& error = {}) const;
    QJsonObject enterMessage(Pending pending, const QString& error = {}) const;
    std::vector<SdkReader> readers() const;
    SdkReader reader(const std::string& name) const;

    Environment environment_;
    Send send_;
    int apiLevel_ = kSdkCurrentApiLevel;
    Workflow workflow_ = Workflow::None;
    Pending pending_ = Pending::None;
    std::optional<int> progress_;
    bool statusMessages_ = true;
    quint64 generation_ = 0;
    std::shared_ptr<SdkInteraction> interaction_;
    std::unique_ptr<QThread> thread_;
    std::function<void()> cancelThread_;  // wakes the workflow's own waits (card, network)
    std::optional<workflows::ConsentRequest> consent_;
    std::vector<eac::AccessRight> deselected_;
    std::string cardReader_;
    // The pending ENTER_* is answered on the reader's pinpad: the client's SET_* has no value.
    bool keypad_ = false;
    std::mutex postedMutex_;
    std::deque<std::function<void()>> posted_;
};

}  // namespace oa::service
