#include "cli/CommandTable.h"
#include "cli/PinOutcome.h"
#include "eid/PinManagement.h"

namespace oa::cli {
namespace {

int runPinStatus(Invocation& invocation) {
    const Command command = pinStatusCommand();
    auto reader = invocation.arguments.takeOption("--reader");
    if (auto missing = invocation.arguments.missingValue())
        return usageError(invocation, command, *missing + " needs a value");
    if (auto unknown = invocation.arguments.unknownOption())
        return usageError(invocation, command, "unknown option " + *unknown);
    if (!invocation.arguments.positional().empty())
        return usageError(invocation, command, "pin-status takes no arguments");
    if (!reader) return usageError(invocation, command, "--reader NAME is required");

    auto card = invocation.backend.connect(*reader);
    if (!card) return runtimeError(invocation, card.error());
    eid::PinManagement pins(**card);
    auto status = pins.status();
    if (!status) return runtimeError(invocation, status.error());
    printPinStatus(invocation.out, *status);
    return status->pinUsable() ? int{kExitOk} : int{kExitPinNeedsAction};
}

}  // namespace

Command pinStatusCommand() {
    return {"pin-status", "pin-status --reader NAME",
            "Show the PIN's state (tries left, suspended, blocked, eID off) and what to do next; "
            "costs no PIN try",
            runPinStatus};
}

}  // namespace oa::cli
