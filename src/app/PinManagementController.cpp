#include "app/PinManagementController.h"

#include "app/SecretText.h"
#include "app/StepObservingCard.h"
#include "eid/PinManagement.h"

namespace oa {
namespace {

const char* const kNewPinNeeded = "This card reader cannot take a new PIN on its pinpad.";

// A secret the card refused (PACE's "The PIN is wrong", "The CAN is wrong", "The PUK is wrong")
// gets an outcome of its own, so the page can say so in the user's language.
QString refusedSecretOutcome(const Error& error) {
    if (error.code != ErrorCode::AuthenticationFailed) return {};
    const std::pair<const char*, const char*> refusals[] = {{"The PIN is wrong", "wrongPin"},
                                                            {"The CAN is wrong", "wrongCan"},
                                                            {"The PUK is wrong", "wrongPuk"}};
    for (const auto& [message, outcome] : refusals)
        if (error.message.rfind(message, 0) == 0) return QString::fromLatin1(outcome);
    return {};
}

}  // namespace

QString nextStepKey(eid::PinNextStep step) {
    using eid::PinNextStep;
    switch (step) {
        case PinNextStep::None:
            return QStringLiteral("none");
        case PinNextStep::EnterPinCarefully:
            return QStringLiteral("enterPinCarefully");
        case PinNextStep::EnterCanThenPin:
            return QStringLiteral("enterCanThenPin");
        case PinNextStep::UnblockWithPuk:
            return QStringLiteral("unblockWithPuk");
        case PinNextStep::ContactAuthority:
            return QStringLiteral("contactAuthority");
        case PinNextStep::ChangeTransportPin:
            return QStringLiteral("changeTransportPin");
        case PinNextStep::ActivateAtAuthority:
            return QStringLiteral("activateAtAuthority");
    }
    return QStringLiteral("none");
}

PinManagementController::PinManagementController(CardChooser chooseCard, QObject* parent)
    : CardOperation(std::move(chooseCard), parent) {}

QString PinManagementController::status() const {
    return status_ ? QString::fromLatin1(eid::toString(status_->status)) : QString();
}

QString PinManagementController::nextStep() const {
    return status_ ? nextStepKey(status_->nextStep) : QString();
}

QString PinManagementController::statusDetail() const {
    if (!status_) return {};
    return QString::fromStdString(status_->title + ": " + status_->message + " " +
                                  status_->nextStepText);
}

bool PinManagementController::readStatus() {
    return run(QStringLiteral("statusRead"),
               [](eid::PinManagement&, const Card&) { return Result<void>(); });
}

bool PinManagementController::changePin(const QString& currentPin, const QString& newPin,
                                        const QString& can) {
    auto current = std::make_shared<SecureBytes>(secretFromText(currentPin));
    auto fresh = std::make_shared<SecureBytes>(secretFromText(newPin));
    std::optional<SecureBytes> canSecret;
    if (!can.isEmpty()) canSecret = secretFromText(can);
    if (!eid::isDigits(*current, 5, 6) || !eid::isDigits(*fresh, 6, 6) ||
        (canSecret && !eid::isDigits(*canSecret, 6, 6))) {
        refuse(QStringLiteral("wrongInput"));
        return false;
    }
    auto canShared = std::make_shared<std::optional<SecureBytes>>(std::move(canSecret));
    return run(QStringLiteral("pinChanged"),
               [current, fresh, canShared](eid::PinManagement& pins, const Card&) {
                   auto changed = pins.changePin(*current, *fresh, *canShared);
                   current->clear();
                   fresh->clear();
                   canShared->reset();
                   return changed;
               });
}

bool PinManagementController::unblockPin(const QString& puk) {
    auto secret = std::make_shared<SecureBytes>(secretFromText(puk));
    if (!eid::isDigits(*secret, 10, 10)) {
        refuse(QStringLiteral("wrongInput"));
        return false;
    }
    return run(QStringLiteral("pinUnblocked"), [secret](eid::PinManagement& pins, const Card&) {
        auto unblocked = pins.unblockPin(*secret);
        secret->clear();
        return unblocked;
    });
}

// Empty secrets tell PinManagement to let the reader ask on its pinpad. A reader without
// MODIFY_PIN_DIRECT takes only the current PIN: the new one is then typed in the window and sent
// under the reader's secure messaging.
bool PinManagementController::changePinOnPinpad(bool withCan, const QString& newPin) {
    auto fresh = std::make_shared<SecureBytes>(secretFromText(newPin));
    if (!newPin.isEmpty() && !eid::isDigits(*fresh, 6, 6)) {
        refuse(QStringLiteral("wrongInput"));
        return false;
    }
    const std::optional<SecureBytes> can =
        withCan ? std::optional<SecureBytes>(SecureBytes()) : std::nullopt;
    return runOnPinpad(QStringLiteral("pinChanged"),
                       [can, fresh](eid::PinManagement& pins, const Card& card) -> Result<void> {
                           if (fresh->empty() && !card.hasPinpadModify())
                               return makeError(ErrorCode::Unsupported, kNewPinNeeded,
                                                "the reader lists no FEATURE_MODIFY_PIN_DIRECT");
                           auto changed = pins.changePin(SecureBytes(), *fresh, can);
                           fresh->clear();
                           return changed;
                       });
}

bool PinManagementController::unblockPinOnPinpad() {
    return runOnPinpad(QStringLiteral("pinUnblocked"), [](eid::PinManagement& pins, const Card&) {
        return pins.unblockPin(SecureBytes());
    });
}

bool PinManagementController::runOnPinpad(const QString& successOutcome, PinJob job) {
    lookAtReaders();
    if (!pinpad()) {
        refuse(QStringLiteral("wrongInput"));
        return false;
    }
    return run(successOutcome, std::move(job));
}

// The operation, then MSE:Set AT once more (it costs no try) so the page shows the state the card
// is in now, not the one before.
bool PinManagementController::run(const QString& successOutcome, PinJob job) {
    return start([this, successOutcome, job = std::move(job)](Card& card, bool) {
        StepObservingCard observed(card, StepObservingCard::pinManagementSteps(),
                                   [this](int step) { reportStep(step); });
        observed.setPinpadListener(
            [this](int passwordId, bool done, bool) { reportPinpad(passwordId, done); });
        eid::PinManagement pins(observed);
        const Result<void> outcome = job(pins, observed);
        // A failed operation may have found out more than MSE:Set AT can tell (a used-up PUK).
        std::optional<eid::PinStatusMessage> status;
        if (!outcome && pins.lastStatus()) {
            status = eid::pinStatusMessage(*pins.lastStatus());
        } else if (auto now = pins.status()) {
            status = *now;
        }
        // A failed operation keeps its step list where it stopped: nothing was written.
        if (outcome) reportStep(Done);
        if (outcome) {
            finish([this, status, successOutcome] {
                showStatus(status);
                setOutcome(true, successOutcome);
            });
        } else {
            const Error error = outcome.error();
            finish([this, status, error] {
                showStatus(status);
                if (error.message == kNewPinNeeded) {
                    newPinOnPinpad_ = false;
                    emit statusChanged();
                    return setOutcome(false, QStringLiteral("newPinNeeded"), detailOf(error));
                }
                const QString refused = refusedSecretOutcome(error);
                setOutcome(false, refused.isEmpty() ? QStringLiteral("failed") : refused,
                           detailOf(error));
            });
        }
    });
}

void PinManagementController::showStatus(std::optional<eid::PinStatusMessage> status) {
    if (!status) return;
    status_ = std::move(status);
    emit statusChanged();
}

}  // namespace oa
