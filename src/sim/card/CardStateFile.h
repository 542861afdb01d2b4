#pragma once

#include <optional>
#include <string>

#include "base/Result.h"
#include "sim/card/PinStateMachine.h"

namespace oa::sim {

// What a card keeps across runs of the card process (--state FILE): its PIN state and its current
// PIN, which a PIN change replaces. The file is a test fixture, written owner-only.
struct PersistentCardState {
    PinState pinState;
    SecureBytes pin;
};

// Nothing when the file does not exist yet (a fresh card).
Result<std::optional<PersistentCardState>> loadCardState(const std::string& path);
Result<void> saveCardState(const std::string& path, const PersistentCardState& state);

}  // namespace oa::sim
