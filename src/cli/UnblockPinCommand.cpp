#include "cli/CommandTable.h"
#include "cli/PinOutcome.h"
#include "cli/SecretInput.h"
#include "eid/PinManagement.h"

namespace oa::cli {
namespace {

int runUnblockPin(Invocation& invocation) {
    const Command command = unblockPinCommand();
    auto& arguments = invocation.arguments;
    auto reader = arguments.takeOption("--reader");
    auto pukFile = arguments.takeOption("--puk-file");
    if (auto missing = arguments.missingValue())
        return usageError(invocation, command, *missing + " needs a value");
    if (auto unknown = arguments.unknownOption())
        return usageError(invocation, command, "unknown option " + *unknown);
    if (!arguments.positional().empty())
        return usageError(invocation, command, "secrets are never taken from the command line");
    if (!reader) return usageError(invocation, command, "--reader NAME is required");

    auto card = invocation.backend.connect(*reader);
    if (!card) return runtimeError(invocation, card.error());
    auto puk = (*card)->hasReaderPace()
                   ? secretOnPinpad(pukFile, "PUK", invocation.err)
                   : readSecret(pukFile, "PUK (10 digits, from the PIN letter): ", invocation.err);
    if (!puk) return runtimeError(invocation, puk.error());
    eid::PinManagement pins(**card);
    if (auto unblocked = pins.unblockPin(*puk); !unblocked)
        return pinFailure(invocation, unblocked.error(), pins.lastStatus());
    invocation.out << "The PIN is unblocked and has 3 tries again.\n";
    return kExitOk;
}

}  // namespace

Command unblockPinCommand() {
    return {"unblock-pin", "unblock-pin --reader NAME [--puk-file F]",
            "Unblock a blocked PIN with the PUK (PACE with the PUK, then RESET RETRY COUNTER)",
            runUnblockPin};
}

}  // namespace oa::cli
