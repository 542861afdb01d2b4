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

    StepObservingCard(Card& card, Classifier classify, Listener listener);

    Result<ResponseApdu> transmit(const CommandApdu& command) override;
    const Bytes& atr() const override { return card_.atr(); }
    std::string readerName() const override { return card_.readerName(); }
    bool supportsExtendedLength() const override { return card_.supportsExtendedLength(); }

    // PinManagementController::Step: PACE, then RESET RETRY COUNTER.
    static Classifier pinManagementSteps();
    // SelfReadController::Step: PACE, Terminal Authentication, Chip Authentication, reading.
    static Classifier selfAuthenticationSteps();

private:
    Card& card_;
    Classifier classify_;
    Listener listener_;
    int reached_ = 0;
};

}  // namespace oa
