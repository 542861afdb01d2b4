#pragma once

#include <cstdint>
#include <optional>

namespace oa::eac {

// The PIN's state as the card reports it in the answer to MSE:Set AT for PACE with the PIN
// (TR-03110 Part 3 B.14.1; 63Cx carries the retry counter).
enum class PinState {
    Operational,  // 9000: three tries
    OneFailure,   // 63C2: two tries left
    Suspended,    // 63C1: the next try needs a successful PACE with the CAN first
    Blocked,      // 63C0: only the PUK helps
    Deactivated,  // 6283: the eID function is switched off
};

std::optional<PinState> pinStateFromStatusWord(std::uint16_t sw);
// Tries left, or -1 for Deactivated.
int retryCounter(PinState state);

}  // namespace oa::eac
