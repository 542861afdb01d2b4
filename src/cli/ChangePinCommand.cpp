#include "cli/CommandTable.h"
#include "cli/PinOutcome.h"
#include "cli/SecretInput.h"
#include "eid/PinManagement.h"

namespace oa::cli {
namespace {

bool sameSecret(const SecureBytes& a, const SecureBytes& b) {
    return constantTimeEqual(a.bytes(), b.bytes());
}

struct PinChangeSecrets {
    SecureBytes current;
    SecureBytes fresh;
    std::optional<SecureBytes> can;
};

// The new PIN from its file, or typed twice.
Result<SecureBytes> newPinFromUser(Invocation& invocation,
                                   const std::optional<std::string>& newPinFile) {
    auto fresh = readSecret(newPinFile, "New 6-digit PIN: ", invocation.err);
    if (!fresh || newPinFile) return fresh;
    auto repeated = readSecret(std::nullopt, "Repeat the new PIN: ", invocation.err);
    if (!repeated) return repeated.error();
    if (!sameSecret(*fresh, *repeated))
        return makeError(ErrorCode::InvalidInput, "The two new PINs differ; nothing changed", "");
    return fresh;
}

Result<PinChangeSecrets> secretsFromUser(Invocation& invocation,
                                         const std::optional<std::string>& pinFile,
                                         const std::optional<std::string>& newPinFile,
                                         const std::optional<std::string>& canFile) {
    PinChangeSecrets secrets;
    auto current =
        readSecret(pinFile, "Current PIN (or the 5-digit transport PIN): ", invocation.err);
    if (!current) return current.error();
    secrets.current = std::move(*current);
    auto fresh = newPinFromUser(invocation, newPinFile);
    if (!fresh) return fresh.error();
    secrets.fresh = std::move(*fresh);
    if (canFile) {
        auto read = readSecret(canFile, "", invocation.err);
        if (!read) return read.error();
        secrets.can = std::move(*read);
    }
    return secrets;
}

// A comfort reader asks for every secret on its pinpad (empty secrets tell PinManagement so): the
// CAN first when the PIN is suspended (MSE:Set AT costs no try), then the current PIN, then the
// new PIN twice.
Result<PinChangeSecrets> secretsOnPinpad(Invocation& invocation, const Card& card,
                                         eid::PinManagement& pins,
                                         const std::optional<std::string>& pinFile,
                                         const std::optional<std::string>& newPinFile,
                                         const std::optional<std::string>& canFile) {
    PinChangeSecrets secrets;
    auto status = pins.status();
    if (!status) return status.error();
    if (status->status == eid::PinStatus::Suspended || canFile) {
        auto can = secretOnPinpad(canFile, "CAN", invocation.err);
        if (!can) return can.error();
        secrets.can = std::move(*can);
    }
    auto current =
        secretOnPinpad(pinFile, "current PIN (or the 5-digit transport PIN)", invocation.err);
    if (!current) return current.error();
    if (!card.hasPinpadModify()) {
        // The reader cannot take a new PIN itself: it comes from here, under the reader's secure
        // messaging after its PACE.
        auto fresh = newPinFromUser(invocation, newPinFile);
        if (!fresh) return fresh.error();
        secrets.fresh = std::move(*fresh);
        return secrets;
    }
    auto fresh = secretOnPinpad(newPinFile, "new 6-digit PIN twice", invocation.err);
    if (!fresh) return fresh.error();
    return secrets;
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

    auto card = invocation.backend.connect(*reader);
    if (!card) return runtimeError(invocation, card.error());
    eid::PinManagement pins(**card);
    auto secrets = (*card)->hasReaderPace()
                       ? secretsOnPinpad(invocation, **card, pins, pinFile, newPinFile, canFile)
                       : secretsFromUser(invocation, pinFile, newPinFile, canFile);
    if (!secrets) return runtimeError(invocation, secrets.error());
    if (auto changed = pins.changePin(secrets->current, secrets->fresh, secrets->can); !changed)
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
