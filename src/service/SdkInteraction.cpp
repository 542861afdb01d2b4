#include "service/SdkInteraction.h"

#include "card/sim/SimulatorBackend.h"

namespace oa::service {

using workflows::SecretKind;

template <typename T>
Result<T> SdkInteraction::waitFor(std::optional<T>& slot) {
    std::unique_lock lock(mutex_);
    answered_.wait(lock, [&] { return slot.has_value() || cancelled_.load(); });
    if (cancelled_) return workflows::cancelledByUser("the SDK client cancelled");
    T value = std::move(*slot);
    slot.reset();
    return value;
}

Result<std::string> SdkInteraction::chooseReader(const std::vector<ReaderInfo>& readers) {
    std::string chosen = pickReader(readers);
    std::lock_guard lock(mutex_);
    chosenReader_ = chosen;
    return chosen;
}

std::string SdkInteraction::pickReader(const std::vector<ReaderInfo>& readers) {
    std::string preferred;
    {
        std::lock_guard lock(mutex_);
        preferred = preferredReader_;
    }
    for (const auto& reader : readers)
        if (reader.name == preferred && reader.cardPresent) return reader.name;
    for (const auto& reader : readers)
        if (reader.cardPresent) return reader.name;
    if (!preferred.empty()) return preferred;
    for (const auto& reader : readers)
        if (reader.name == SimulatorBackend::kReaderName) return reader.name;
    if (!readers.empty()) return readers.front().name;
    return std::string(SimulatorBackend::kReaderName);
}

void SdkInteraction::waitingForCard(const std::string& reader) {
    {
        std::lock_guard lock(mutex_);
        if (insertCardSent_) return;
        insertCardSent_ = true;
    }
    SdkEvent event;
    event.kind = SdkEvent::Kind::InsertCard;
    event.reader = reader;
    post_(std::move(event));
}

Result<workflows::Consent> SdkInteraction::askConsent(const workflows::ConsentRequest& request) {
    SdkEvent event;
    event.kind = SdkEvent::Kind::AccessRights;
    event.consent = request;
    post_(std::move(event));
    return waitFor(consent_);
}

Result<SecureBytes> SdkInteraction::askSecret(const workflows::SecretRequest& request) {
    {
        std::lock_guard lock(mutex_);
        insertCardSent_ = false;  // a later removal asks for the card again
    }
    SdkEvent event;
    event.kind = request.kind == SecretKind::Pin   ? SdkEvent::Kind::EnterPin
                 : request.kind == SecretKind::Can ? SdkEvent::Kind::EnterCan
                                                   : SdkEvent::Kind::EnterPuk;
    event.secret = request;
    {
        std::lock_guard lock(mutex_);
        event.reader = chosenReader_;  // the ENTER_* message names it, with its keypad
    }
    post_(std::move(event));
    return waitFor(secret_);
}

Result<SecureBytes> SdkInteraction::askNewPin(bool onReaderPinpad) {
    SdkEvent event;
    event.kind = SdkEvent::Kind::EnterNewPin;
    event.secret.onReaderPinpad = onReaderPinpad;
    {
        std::lock_guard lock(mutex_);
        event.reader = chosenReader_;
    }
    post_(std::move(event));
    return waitFor(secret_);
}

Result<void> SdkInteraction::pauseForCardPosition() {
    SdkEvent event;
    event.kind = SdkEvent::Kind::Pause;
    post_(std::move(event));
    auto goOn = waitFor(continue_);
    if (!goOn) return goOn.error();
    if (!*goOn) return makeError(ErrorCode::CardRemoved, "The ID card was removed.");
    return {};
}

bool SdkInteraction::resumeAfterCardRemoved() {
    if (!pauseForCardPosition()) return false;
    std::lock_guard lock(mutex_);
    insertCardSent_ = false;  // waiting for the card again tells the client once more
    return true;
}

void SdkInteraction::answerContinue(bool goOn) {
    std::lock_guard lock(mutex_);
    continue_ = goOn;
    answered_.notify_all();
}

void SdkInteraction::progress(workflows::AuthStep step) {
    SdkEvent event;
    event.kind = SdkEvent::Kind::Progress;
    event.step = step;
    post_(std::move(event));
}

void SdkInteraction::finished(const workflows::AuthOutcome& outcome) {
    SdkEvent event;
    event.kind = SdkEvent::Kind::AuthFinished;
    event.outcome = outcome;
    post_(std::move(event));
}

void SdkInteraction::changePinFinished(bool success, std::string reason) {
    SdkEvent event;
    event.kind = SdkEvent::Kind::ChangePinFinished;
    event.success = success;
    event.reason = std::move(reason);
    post_(std::move(event));
}

void SdkInteraction::answerConsent(workflows::Consent consent) {
    std::lock_guard lock(mutex_);
    consent_ = std::move(consent);
    answered_.notify_all();
}

void SdkInteraction::answerSecret(SecureBytes secret) {
    std::lock_guard lock(mutex_);
    secret_ = std::move(secret);
    answered_.notify_all();
}

void SdkInteraction::preferReader(std::string reader) {
    std::lock_guard lock(mutex_);
    preferredReader_ = std::move(reader);
}

void SdkInteraction::cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    answered_.notify_all();
}

}  // namespace oa::service
