#include "workflows/ScriptedInteraction.h"

namespace oa::workflows {

Result<std::string> ScriptedInteraction::chooseReader(const std::vector<ReaderInfo>& readers) {
    if (cancelled_) return cancelledByUser("while choosing a reader");
    if (!script_.reader.empty()) {
        for (const auto& reader : readers)
            if (reader.name == script_.reader) return reader.name;
        return makeError(ErrorCode::NoReader, "The reader " + script_.reader + " is not connected",
                         "scripted reader not among " + std::to_string(readers.size()));
    }
    for (const auto& reader : readers)
        if (reader.cardPresent) return reader.name;
    if (readers.empty()) return makeError(ErrorCode::NoReader, "No card reader is connected");
    return readers.front().name;
}

void ScriptedInteraction::waitingForCard(const std::string&) {
    ++waits_;
}

Result<Consent> ScriptedInteraction::askConsent(const ConsentRequest& request) {
    {
        std::lock_guard lock(mutex_);
        consent_ = request;
    }
    if (cancelled_ || script_.refuseConsent) return cancelledByUser("consent refused");
    return Consent{script_.deselect};
}

Result<SecureBytes> ScriptedInteraction::askSecret(const SecretRequest& request) {
    std::deque<std::string>* queue = nullptr;
    {
        std::lock_guard lock(mutex_);
        secrets_.push_back(request);
    }
    // The user types it on the reader's pinpad (tests queue it on the simulated reader).
    if (request.onReaderPinpad && !cancelled_) return SecureBytes();
    switch (request.kind) {
        case SecretKind::Pin:
            queue = &script_.pins;
            break;
        case SecretKind::Can:
            queue = &script_.cans;
            break;
        case SecretKind::Puk:
            queue = &script_.puks;
            break;
    }
    if (cancelled_ || queue->empty())
        return cancelledByUser(std::string("no ") + toString(request.kind) + " given");
    SecureBytes secret = SecureBytes::fromAscii(queue->front());
    queue->pop_front();
    return secret;
}

void ScriptedInteraction::progress(AuthStep step) {
    {
        std::lock_guard lock(mutex_);
        steps_.push_back(step);
    }
    if (script_.cancelAt && *script_.cancelAt == step) cancelled_ = true;
    if (script_.onProgress) script_.onProgress(step);
}

void ScriptedInteraction::finished(const AuthOutcome& outcome) {
    std::lock_guard lock(mutex_);
    outcome_ = outcome;
}

std::vector<AuthStep> ScriptedInteraction::steps() const {
    std::lock_guard lock(mutex_);
    return steps_;
}

std::optional<ConsentRequest> ScriptedInteraction::consentRequest() const {
    std::lock_guard lock(mutex_);
    return consent_;
}

std::vector<SecretRequest> ScriptedInteraction::secretRequests() const {
    std::lock_guard lock(mutex_);
    return secrets_;
}

std::optional<AuthOutcome> ScriptedInteraction::outcome() const {
    std::lock_guard lock(mutex_);
    return outcome_;
}

}  // namespace oa::workflows
