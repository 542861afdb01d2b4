#pragma once

#include <QtQml/qqmlregistration.h>
#include <QString>

#include "app/CardOperation.h"
#include "eid/PinStatus.h"

namespace oa {

namespace eid {
class PinManagement;
}

// PIN management for the pages: the PIN status with what to do next, changing the PIN (also the
// 5-digit transport PIN on first use, and with the CAN for a suspended PIN) and unblocking with
// the PUK. Card I/O runs on the card worker; the status shown is always what the card last said.
class PinManagementController : public oa::CardOperation {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    Q_PROPERTY(bool statusKnown READ statusKnown NOTIFY statusChanged)
    // eid::toString(PinStatus): "operational", "suspended", "blocked", ...
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    Q_PROPERTY(int triesLeft READ triesLeft NOTIFY statusChanged)
    // "none", "enterPinCarefully", "enterCanThenPin", "unblockWithPuk", "contactAuthority",
    // "changeTransportPin" or "activateAtAuthority".
    Q_PROPERTY(QString nextStep READ nextStep NOTIFY statusChanged)
    // The core's English explanation, for the details line and the log.
    Q_PROPERTY(QString statusDetail READ statusDetail NOTIFY statusChanged)
    // False once a pinpad reader turned out to lack MODIFY_PIN_DIRECT: the new PIN is typed in the
    // window (the current one still on the reader).
    Q_PROPERTY(bool newPinOnPinpad READ newPinOnPinpad NOTIFY statusChanged)
public:
    // Steps of an operation as `step` reports them.
    enum Step { Idle, Connecting, Pace, Changing, Done };
    Q_ENUM(Step)

    explicit PinManagementController(CardChooser chooseCard, QObject* parent = nullptr);

    bool statusKnown() const { return status_.has_value(); }
    QString status() const;
    int triesLeft() const { return status_ ? status_->triesLeft : -1; }
    QString nextStep() const;
    QString statusDetail() const;
    bool newPinOnPinpad() const { return newPinOnPinpad_; }

    // Each returns false when it could not start (busy, no card, malformed input); the outcome
    // says why. Outcomes: "statusRead", "pinChanged", "pinUnblocked", "failed".
    Q_INVOKABLE bool readStatus();
    // `currentPin`: 6 digits, or 5 for the transport PIN; `newPin`: 6 digits; `can`: empty or 6.
    Q_INVOKABLE bool changePin(const QString& currentPin, const QString& newPin,
                               const QString& can = {});
    // `puk`: 10 digits.
    Q_INVOKABLE bool unblockPin(const QString& puk);
    // On a comfort reader: every secret is typed on its pinpad (the CAN first with `withCan`,
    // then the current PIN, then the new PIN twice); pinpadPrompt says which one it asks for.
    // `newPin` (6 digits) only for a reader without MODIFY_PIN_DIRECT (outcome "newPinNeeded").
    Q_INVOKABLE bool changePinOnPinpad(bool withCan, const QString& newPin = {});
    Q_INVOKABLE bool unblockPinOnPinpad();

signals:
    void statusChanged();

private:
    using PinJob = std::function<Result<void>(eid::PinManagement&, const Card& card)>;
    bool run(const QString& successOutcome, PinJob job);
    bool runOnPinpad(const QString& successOutcome, PinJob job);
    void showStatus(std::optional<eid::PinStatusMessage> status);

    std::optional<eid::PinStatusMessage> status_;
    bool newPinOnPinpad_ = true;
};

QString nextStepKey(eid::PinNextStep step);

}  // namespace oa
