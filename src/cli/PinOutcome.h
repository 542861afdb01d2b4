#pragma once

#include <optional>

#include "cli/Command.h"
#include "eid/PinStatus.h"

namespace oa::cli {

// Exit codes of the eID commands beyond 0, 1 and 2.
enum EidExitCode : int {
    kExitWrongSecret = 3,     // PIN, CAN or PUK wrong: try again (the status says how often)
    kExitPinNeedsAction = 4,  // PIN suspended, blocked, PUK used up, transport PIN, eID off
    kExitNotAccepted = 5,     // card not verified as genuine, or terminal refused by the card
};

// Prints the PIN status in words: title, meaning, next step.
void printPinStatus(std::ostream& out, const eid::PinStatusMessage& message);

// Prints the error and, when the card told us, what it means for the PIN and what to do next;
// returns the matching exit code.
int pinFailure(Invocation& invocation, const Error& error, std::optional<eid::PinStatus> status);

}  // namespace oa::cli
