#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

#include "app/CardChoice.h"
#include "app/CardWorker.h"
#include "base/Result.h"
#include "workflows/UserWorkflowGuard.h"

namespace oa {

// What every card operation the pages start has in common: the chosen reader (and whether it is
// the demo card), busy while the worker runs, the step reached, and the outcome. The outcome is a
// key the page words in the user's language, plus the core's technical detail beneath it.
class CardOperation : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(bool demo READ demo NOTIFY stateChanged)
    Q_PROPERTY(QString readerName READ readerName NOTIFY stateChanged)
    Q_PROPERTY(int step READ step NOTIFY stateChanged)
    Q_PROPERTY(bool succeeded READ succeeded NOTIFY stateChanged)
    Q_PROPERTY(QString outcome READ outcome NOTIFY stateChanged)
    Q_PROPERTY(QString detail READ detail NOTIFY stateChanged)
    // The operation's reader (while idle: the one the next operation would use) is a comfort
    // reader: PIN, CAN and PUK are typed on its pinpad, the page has no fields for them.
    Q_PROPERTY(bool pinpad READ pinpad NOTIFY stateChanged)
    // What the reader's pinpad asks for right now: "", "can", "pin", "puk" or "newPin".
    Q_PROPERTY(QString pinpadPrompt READ pinpadPrompt NOTIFY stateChanged)
public:
    explicit CardOperation(CardChooser chooseCard, QObject* parent = nullptr);

    bool busy() const { return busy_; }
    bool demo() const { return demo_; }
    QString readerName() const { return readerName_; }
    int step() const { return step_; }
    bool succeeded() const { return succeeded_; }
    // Empty while nothing has finished; "noCard", "wrongInput" or an operation's own key.
    QString outcome() const { return outcome_; }
    QString detail() const { return detail_; }
    bool pinpad() const { return pinpad_; }
    QString pinpadPrompt() const { return pinpadPrompt_; }

    Q_INVOKABLE void clearOutcome();
    // Looks again which reader the next operation would use (the reader list changed).
    Q_INVOKABLE void lookAtReaders();

signals:
    void stateChanged();
    void finished();

protected:
    using Job = std::function<void(Card& card, bool simulated)>;
    // Chooses the card on this thread, then connects and runs `job` on the worker. False (with
    // the outcome "noCard" or "busy") when it could not start.
    bool start(Job job);
    // From the worker: moves the step forward on the GUI thread.
    void reportStep(int step);
    // From the worker: what the reader's pinpad asks for now ("" once it has it).
    void reportPinpadPrompt(const QString& prompt);
    // From the worker (StepObservingCard::PinpadListener): the pinpad asks for this password id
    // (2 CAN, 3 PIN, 4 PUK, StepObservingCard::kNewPin), or has it (`done`).
    void reportPinpad(int passwordId, bool done);
    // From the worker: runs `apply` on the GUI thread, then ends the operation.
    void finish(std::function<void()> apply);
    // On the GUI thread, inside `apply`.
    void setOutcome(bool succeeded, const QString& outcome, const QString& detail = {});
    void refuse(const QString& outcome, const QString& detail = {});
    static QString detailOf(const Error& error);

private:
    CardChooser chooseCard_;
    bool busy_ = false;
    bool demo_ = false;
    QString readerName_;
    int step_ = 0;
    bool succeeded_ = false;
    QString outcome_;
    QString detail_;
    bool pinpad_ = false;
    QString pinpadPrompt_;
    // Held while the worker runs: the SDK refuses clients meanwhile (409), and vice versa.
    std::optional<workflows::UserWorkflowGuard::Claim> claim_;
    CardWorker worker_;  // last: its thread ends before the members above go
};

}  // namespace oa
