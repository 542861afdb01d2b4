#include "sim/card/PinStateMachine.h"

#include <algorithm>

namespace oa::sim {
namespace {

constexpr std::size_t kPinLength = 6;

StatusWord retryStatus(int counter) {
    switch (counter) {
        case 2:
            return StatusWord::PinRetry2;
        case 1:
            return StatusWord::PinSuspended;
        case 0:
            return StatusWord::PinBlocked;
        default:
            return StatusWord::Success;
    }
}

}  // namespace

PinStateMachine::PinStateMachine(PinState state, CardSecrets secrets)
    : state_(state), secrets_(std::move(secrets)) {}

const SecureBytes& PinStateMachine::secret(Password password) const {
    switch (password) {
        case Password::Can:
            return secrets_.can;
        case Password::Puk:
            return secrets_.puk;
        case Password::Mrz:
            return secrets_.mrz;
        default:
            return secrets_.pin;
    }
}

StatusWord PinStateMachine::selectPassword(Password password) const {
    if (password != Password::Pin) return StatusWord::Success;
    if (state_.eidDeactivated) return StatusWord::Deactivated;
    return retryStatus(state_.retryCounter);
}

StatusWord PinStateMachine::mayAuthenticate(Password password) const {
    if (password != Password::Pin) return StatusWord::Success;
    if (state_.retryCounter == 0) return StatusWord::AuthenticationMethodBlocked;
    if (state_.retryCounter == 1 && !canAuthenticatedThisSession_) {
        return StatusWord::ConditionsOfUseNotSatisfied;
    }
    return StatusWord::Success;
}

StatusWord PinStateMachine::paceFinished(Password password, bool passwordCorrect) {
    authenticated_.reset();
    if (const StatusWord refusal = mayAuthenticate(password); refusal != StatusWord::Success) {
        return refusal;
    }
    if (!passwordCorrect) {
        if (password != Password::Pin) return StatusWord::AuthenticationFailed;
        state_.retryCounter = std::max(0, state_.retryCounter - 1);
        return retryStatus(state_.retryCounter);
    }
    if (password == Password::Pin) state_.retryCounter = PinState::kMaxRetries;
    if (password == Password::Can) canAuthenticatedThisSession_ = true;
    authenticated_ = password;
    return StatusWord::Success;
}

void PinStateMachine::paceStarted() {
    authenticated_.reset();
}

void PinStateMachine::resetSession() {
    authenticated_.reset();
    canAuthenticatedThisSession_ = false;
}

StatusWord PinStateMachine::unblockPin() {
    if (authenticated_ != Password::Puk || state_.pukUsesLeft == 0) {
        return StatusWord::SecurityStatusNotSatisfied;
    }
    --state_.pukUsesLeft;
    state_.retryCounter = PinState::kMaxRetries;
    return StatusWord::Success;
}

StatusWord PinStateMachine::changePin(ByteView newPin) {
    if (authenticated_ != Password::Pin) return StatusWord::SecurityStatusNotSatisfied;
    return setPinByTerminal(newPin);
}

StatusWord PinStateMachine::resetRetryCounterByTerminal() {
    state_.retryCounter = PinState::kMaxRetries;
    return StatusWord::Success;
}

StatusWord PinStateMachine::setPinByTerminal(ByteView newPin) {
    if (newPin.size() != kPinLength) return StatusWord::WrongLength;
    if (!std::all_of(newPin.begin(), newPin.end(), [](auto c) { return c >= '0' && c <= '9'; })) {
        return StatusWord::WrongData;
    }
    secrets_.pin = SecureBytes(newPin);
    state_.transportPin = false;
    state_.retryCounter = PinState::kMaxRetries;
    return StatusWord::Success;
}

}  // namespace oa::sim
