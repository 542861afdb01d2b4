#pragma once

#include <atomic>
#include <deque>
#include <functional>
#include <mutex>

#include "workflows/Interaction.h"

namespace oa::workflows {

// An Interaction that answers from a script and records what it was asked: for tests, and for
// headless runs where every answer is known beforehand (the CLI).
class ScriptedInteraction : public Interaction {
public:
    struct Script {
        std::string reader;  // empty: the first reader with a card, else the first reader
        bool refuseConsent = false;
        std::vector<eac::AccessRight> deselect;
        // Handed out in order; when a kind runs out, the request is cancelled. A request for the
        // reader's pinpad (SecretRequest::onReaderPinpad) is answered with nothing and recorded:
        // the user types on the reader.
        std::deque<std::string> pins, cans, puks;
        std::optional<AuthStep> cancelAt;          // cancel as soon as this step begins
        std::function<void(AuthStep)> onProgress;  // e.g. remove the card at a step
    };

    explicit ScriptedInteraction(Script script) : script_(std::move(script)) {}

    Result<std::string> chooseReader(const std::vector<ReaderInfo>& readers) override;
    void waitingForCard(const std::string& reader) override;
    Result<Consent> askConsent(const ConsentRequest& request) override;
    Result<SecureBytes> askSecret(const SecretRequest& request) override;
    void progress(AuthStep step) override;
    void finished(const AuthOutcome& outcome) override;
    bool cancelRequested() const override { return cancelled_; }

    void cancel() { cancelled_ = true; }

    // What was asked, in order.
    std::vector<AuthStep> steps() const;
    std::optional<ConsentRequest> consentRequest() const;
    std::vector<SecretRequest> secretRequests() const;
    std::optional<AuthOutcome> outcome() const;
    int waitsForCard() const { return waits_; }

private:
    Script script_;
    std::atomic<bool> cancelled_{false};
    std::atomic<int> waits_{0};
    mutable std::mutex mutex_;
    std::vector<AuthStep> steps_;
    std::optional<ConsentRequest> consent_;
    std::vector<SecretRequest> secrets_;
    std::optional<AuthOutcome> outcome_;
};

}  // namespace oa::workflows
