#include "service/SdkChangePin.h"

#include <memory>
#include <optional>

#include "eid/PinManagement.h"

namespace oa::service {

using workflows::SecretKind;

namespace {

constexpr int kMaxAttempts = 3;

Result<std::unique_ptr<Card>> waitForCard(ReaderBackend& backend, SdkInteraction& interaction,
                                          std::chrono::milliseconds cardWait) {
    const auto deadline = std::chrono::steady_clock::now() + cardWait;
    for (;;) {
        if (interaction.cancelRequested())
            return workflows::cancelledByUser("while waiting for a card");
        auto readers = backend.readers();
        if (!readers) return readers.error();
        auto chosen = interaction.chooseReader(*readers);
        if (!chosen) return chosen.error();
        for (const auto& reader : *readers)
            if (reader.name == *chosen && reader.cardPresent) return backend.connect(*chosen);
        if (std::chrono::steady_clock::now() >= deadline)
            return makeError(ErrorCode::NoCard, "No ID card was placed on the reader in time.",
                             "waited for a card in " + *chosen);
        interaction.waitingForCard(*chosen);
        (void)backend.waitForChange(std::chrono::milliseconds(500));
    }
}

const char* reasonFor(const Error& error) {
    switch (error.code) {
        case ErrorCode::Cancelled:
            return "User_Cancelled";
        case ErrorCode::CardRemoved:
            return "Card_Removed";
        case ErrorCode::NoCard:
            return "Card_Not_Found";
        default:
            return "Change_Pin_Failed";
    }
}

// On a comfort reader every secret is typed on its pinpad: the client is asked without a value
// and PinManagement takes the empty answer as "on the pinpad".
workflows::SecretRequest secretRequest(SecretKind kind, const eid::PinStatusMessage& status,
                                       int attempt, bool pinpad) {
    workflows::SecretRequest request;
    request.kind = kind;
    request.pinStatus = status;
    request.attempt = attempt;
    request.onReaderPinpad = pinpad;
    return request;
}

// One round: status, the secrets the status calls for, the change. Returns nullopt when the card
// refused the current PIN and another round may be tried.
std::optional<Result<void>> changeOnce(eid::PinManagement& pins, SdkInteraction& interaction,
                                       int attempt, bool pinpad, bool newPinOnPinpad) {
    auto status = pins.status();
    if (!status) return Result<void>(status.error());
    std::optional<SecureBytes> can;
    switch (status->status) {
        case eid::PinStatus::Deactivated:
        case eid::PinStatus::PukInoperative:
            return Result<void>(makeError(ErrorCode::AuthenticationFailed, status->message,
                                          eid::toString(status->status)));
        case eid::PinStatus::Blocked: {
            auto puk =
                interaction.askSecret(secretRequest(SecretKind::Puk, *status, attempt, pinpad));
            if (!puk) return Result<void>(puk.error());
            if (auto unblocked = pins.unblockPin(*puk); !unblocked) return std::nullopt;
            return changeOnce(pins, interaction, attempt, pinpad, newPinOnPinpad);
        }
        case eid::PinStatus::Suspended: {
            auto entered =
                interaction.askSecret(secretRequest(SecretKind::Can, *status, attempt, pinpad));
            if (!entered) return Result<void>(entered.error());
            can = std::move(*entered);
            break;
        }
        default:
            break;
    }
    auto pin = interaction.askSecret(secretRequest(SecretKind::Pin, *status, attempt, pinpad));
    if (!pin) return Result<void>(pin.error());
    auto newPin = interaction.askNewPin(newPinOnPinpad);
    if (!newPin) return Result<void>(newPin.error());
    auto changed = pins.changePin(*pin, *newPin, can);
    if (changed) return Result<void>();
    if (changed.error().code == ErrorCode::AuthenticationFailed) return std::nullopt;
    return Result<void>(changed.error());
}

}  // namespace

void runSdkChangePin(ReaderBackend& backend, SdkInteraction& interaction,
                     std::chrono::milliseconds cardWait) {
    auto card = waitForCard(backend, interaction, cardWait);
    if (!card) return interaction.changePinFinished(false, reasonFor(card.error()));
    auto pins = std::make_unique<eid::PinManagement>(**card);
    for (int attempt = 1; attempt <= kMaxAttempts + 1; ++attempt) {
        // A reader without MODIFY_PIN_DIRECT takes the current PIN on its pinpad only; the new
        // one then comes from the client and travels under the reader's secure messaging.
        auto outcome = changeOnce(*pins, interaction, attempt, (*card)->hasReaderPace(),
                                  (*card)->hasReaderPace() && (*card)->hasPinpadModify());
        if (!outcome) continue;
        if (*outcome) return interaction.changePinFinished(true, {});
        if (outcome->error().code != ErrorCode::CardRemoved)
            return interaction.changePinFinished(false, reasonFor(outcome->error()));
        // A bad card position: pause (API level 3), then start over with the card back in place.
        if (auto resumed = interaction.pauseForCardPosition(); !resumed)
            return interaction.changePinFinished(false, reasonFor(resumed.error()));
        card = waitForCard(backend, interaction, cardWait);
        if (!card) return interaction.changePinFinished(false, reasonFor(card.error()));
        pins = std::make_unique<eid::PinManagement>(**card);
        --attempt;
    }
    interaction.changePinFinished(false, "Change_Pin_Failed");
}

}  // namespace oa::service
