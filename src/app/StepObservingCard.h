#pragma once

#include <functional>

#include "card/Card.h"

namespace oa {

// Passes every command to the card and tells, from the command headers (which stay readable under
// secure messaging), which step of a workflow the card has reached, so the page can show progress
// without the workflow knowing about pages. Steps only move forward.
class StepObservingCard : public Card {
public:
    // The step a command belongs to, given the step reached so far; 0 for "no change".
    using Classifier = std::function<int(const CommandApdu& command, int reached)>;
    using Listener = std::function<void(int step)>;
    // A comfort reader's pinpad: called with the password id (2 CAN, 3 PIN, 4 PUK; 0 for the new
    // PIN of MODIFY_PIN_DIRECT) before the reader asks for it (`done` false), and again once the
    // reader has answered.
    using PinpadListener = std::function<void(int passwordId, bool done, bool succeeded)>;
    static constexpr int kNewPin = 0;

    StepObservingCard(Card& card, Classifier classify, Listener listener);

    Result<ResponseApdu> transmit(const CommandApdu& command) override;
    const Bytes& atr() const override { return card_.atr(); }
    std::string readerName() const override { return card_.readerName(); }
    bool supportsExtendedLength() const override { return card_.supportsExtendedLength(); }
    bool hasReaderPace() const override { return card_.hasReaderPace(); }
    // The reader's PACE counts as the PACE step, as an MSE:Set AT for PACE would.
    Result<Bytes> controlReaderPace(ByteView command) override;
    bool hasPinpadModify() const override { return card_.hasPinpadModify(); }
    // The new PIN typed on the pinpad counts as the step of RESET RETRY COUNTER.
    Result<Bytes> controlModifyPin(ByteView structure) override;

    void setPinpadListener(PinpadListener listener) { pinpadListener_ = std::move(listener); }

    // PinManagementController::Step: PACE, then RESET RETRY COUNTER.
    static Classifier pinManagementSteps();
    // SelfReadController::Step: PACE, Terminal Authentication, Chip Authentication, reading.
    static Classifier selfAuthenticationSteps();

private:
    Card& card_;
    Classifier classify_;
    Listener listener_;
    PinpadListener pinpadListener_;
    int reached_ = 0;

    void observe(const CommandApdu& command);
};

}  // namespace oa
