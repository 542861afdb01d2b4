#include "cli/PinOutcome.h"

#include <ostream>

namespace oa::cli {

void printPinStatus(std::ostream& out, const eid::PinStatusMessage& message) {
    out << "PIN status: " << message.title << " (" << eid::toString(message.status) << ")\n"
        << message.message << "\n"
        << "Next step: " << message.nextStepText << "\n";
}

int pinFailure(Invocation& invocation, const Error& error, std::optional<eid::PinStatus> status) {
    runtimeError(invocation, error);
    if (error.code != ErrorCode::AuthenticationFailed) return kExitRuntimeError;
    if (status && *status != eid::PinStatus::Operational)
        printPinStatus(invocation.err, eid::pinStatusMessage(*status));
    // PaceChannel words a rejected password as "The PIN/CAN/PUK is wrong".
    const bool wrongSecret = error.message.ends_with(" is wrong");
    const bool blocked = status == eid::PinStatus::Blocked;
    if (wrongSecret && !blocked) return kExitWrongSecret;
    if (status && !eid::pinStatusMessage(*status).pinUsable()) return kExitPinNeedsAction;
    return kExitNotAccepted;
}

}  // namespace oa::cli
