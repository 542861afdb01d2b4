#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "workflows/Interaction.h"

namespace oa::service {

// What a running workflow tells the SDK client, or asks it.
struct SdkEvent {
    enum class Kind {
        InsertCard,
        AccessRights,
        EnterPin,
        EnterCan,
        EnterPuk,
        EnterNewPin,
        Pause,
        Progress,
        AuthFinished,
        ChangePinFinished,
    };
    Kind kind = Kind::Progress;
    std::string reader;
    workflows::ConsentRequest consent;
    workflows::SecretRequest secret;
    workflows::AuthStep step = workflows::AuthStep::FetchTcToken;
    workflows::AuthOutcome outcome;
    bool success = false;
    std::string reason;
};

// The workflows' Interaction for an SDK client. The workflow calls it on its worker thread; each
// question becomes an event (posted to the session's thread by `post`) and the worker blocks
// until the session answers or cancels. Answers and cancel() are thread-safe.
class SdkInteraction : public workflows::Interaction {
public:
    using Post = std::function<void(SdkEvent)>;
    explicit SdkInteraction(Post post) : post_(std::move(post)) {}

    Result<std::string> chooseReader(const std::vector<ReaderInfo>& readers) override;
    void waitingForCard(const std::string& reader) override;
    Result<workflows::Consent> askConsent(const workflows::ConsentRequest& request) override;
    Result<SecureBytes> askSecret(const workflows::SecretRequest& request) override;
    void progress(workflows::AuthStep step) override;
    void finished(const workflows::AuthOutcome& outcome) override;
    bool cancelRequested() const override { return cancelled_; }
    // PAUSE (API level 3) until CONTINUE; below level 3, or on CANCEL, the workflow ends.
    bool resumeAfterCardRemoved() override;

    // For the PIN change, which is not an AuthWorkflow. `onReaderPinpad`: the new PIN is typed on
    // the reader (twice) and the answer is empty, as for SecretRequest::onReaderPinpad.
    Result<SecureBytes> askNewPin(bool onReaderPinpad = false);
    // The card left mid-operation: at API level 3 the client is told (PAUSE) and the workflow
    // goes on after CONTINUE; an error ends the workflow.
    Result<void> pauseForCardPosition();
    void changePinFinished(bool success, std::string reason);

    // The session's side.
    void answerConsent(workflows::Consent consent);
    void answerSecret(SecureBytes secret);
    void answerContinue(bool goOn);
    void preferReader(std::string reader);
    void cancel();

private:
    template <typename T>
    Result<T> waitFor(std::optional<T>& slot);
    std::string pickReader(const std::vector<ReaderInfo>& readers);

    Post post_;
    std::atomic<bool> cancelled_{false};
    std::mutex mutex_;
    std::condition_variable answered_;
    std::optional<workflows::Consent> consent_;
    std::optional<SecureBytes> secret_;
    std::optional<bool> continue_;
    std::string preferredReader_;
    std::string chosenReader_;
    bool insertCardSent_ = false;
};

}  // namespace oa::service
