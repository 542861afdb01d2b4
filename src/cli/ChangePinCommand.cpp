#include "cli/CommandTable.h"
#include "cli/PinOutcome.h"
#include "cli/SecretInput.h"
#include "eid/PinManagement.h"

namespace oa::cli {
namespace {

bool sameSecret(const SecureBytes& a, const SecureBytes& b) {
    return constantTimeEqual(a.bytes(), b.bytes());
}

int runChangePin(Invocation& invocation) {
    const Command command = changePinCommand();
    auto& arguments = invocation.arguments;
    auto reader = arguments.takeOption("--reader");
    auto pinFile = arguments.takeOption("--pin-file");
    auto newPinFile = arguments.takeOption("--new-pin-file");
    auto canFile = arguments.takeOption("--can-file");
    if (auto missing = arguments.missingValue())
        return usageError(invocation, command, *missing + " needs a value");
    if (auto unknown = arguments.unknownOption())
        return usageError(invocation, command, "unknown option " + *unknown);
    if (!arguments.positional().empty())
        return usageError(invocation, command, "secrets are never taken from the command line");
    if (!reader) return usageError(invocation, command, "--reader NAME is required");

    auto current =
        readSecret(pinFile, "Current PIN (or the 5-digit transport PIN): ", invocation.err);
    if (!current) return runtimeError(invocation, current.error());
    auto fresh = readSecret(newPinFile, "New 6-digit PIN: ", invocation.err);
    if (!fresh) return runtimeError(invocation, fresh.error());
    if (!newPinFile) {
        auto repeated = readSecret(std::nullopt, "Repeat the new PIN: ", invocation.err);
        if (!repeated) return runtimeError(invocation, repeated.error());
        if (!sameSecret(*fresh, *repeated)) {
            return runtimeError(
                invocation,
                makeError(ErrorCode::InvalidInput, "The two new PINs differ; nothing changed", ""));
        }
    }
    std::optional<SecureBytes> can;
    if (canFile) {
        auto read = readSecret(canFile, "", invocation.err);
        if (!read) return runtimeError(invocation, read.error());
        can = std::move(*read);
    }

    auto card = invocation.backend.connect(*reader);
    if (!card) return runtimeError(invocation, card.error());
    eid::PinManagement pins(**card);
    if (auto changed = pins.changePin(*current, *fresh, can); !changed)
        return pinFailure(invocation, changed.error(), pins.lastStatus());
    invocation.out << "The PIN was changed. Use the new 6-digit PIN from now on.\n";
    return kExitOk;
}

}  // namespace

Command changePinCommand() {
    return {"change-pin", "change-pin --reader NAME [--pin-file F --new-pin-file F] [--can-file F]",
            "Change the PIN (or replace the 5-digit transport PIN) after PACE with the current "
            "PIN; --can-file for a suspended PIN. Without files the PINs are asked for hidden",
            runChangePin};
}

}  // namespace oa::cli
