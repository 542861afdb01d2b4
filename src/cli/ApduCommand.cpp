#include <optional>

#include "card/CommandApdu.h"
#include "cli/CommandTable.h"

namespace oa::cli {
namespace {

std::optional<CommandApdu> parseApdu(const std::string& hex) {
    Bytes encoded;
    if (!fromHex(hex, encoded)) return std::nullopt;
    auto apdu = CommandApdu::parse(encoded);
    if (!apdu) return std::nullopt;
    return *apdu;
}

int runApdu(Invocation& invocation) {
    const Command command = apduCommand();
    auto reader = invocation.arguments.takeOption("--reader");
    if (auto missing = invocation.arguments.missingValue()) {
        return usageError(invocation, command, *missing + " needs a value");
    }
    if (auto unknown = invocation.arguments.unknownOption()) {
        return usageError(invocation, command, "unknown option " + *unknown);
    }
    if (!reader) return usageError(invocation, command, "--reader NAME is required");
    if (invocation.arguments.positional().empty()) {
        return usageError(invocation, command, "give at least one APDU in hex");
    }
    // Check every APDU before touching the card, so a typo never sends half a script.
    std::vector<CommandApdu> apdus;
    for (const auto& hex : invocation.arguments.positional()) {
        auto apdu = parseApdu(hex);
        if (!apdu) return usageError(invocation, command, "not a valid APDU: " + hex);
        apdus.push_back(std::move(*apdu));
    }
    auto card = invocation.backend.connect(*reader);
    if (!card) return runtimeError(invocation, card.error());
    for (const auto& apdu : apdus) {
        invocation.out << "> " << toHex(apdu.encode()) << "\n";
        auto response = (*card)->transmit(apdu);
        if (!response) return runtimeError(invocation, response.error());
        invocation.out << "< ";
        if (!response->data().empty()) invocation.out << toHex(response->data()) << " ";
        invocation.out << describe(response->sw()) << "\n";
    }
    return kExitOk;
}

}  // namespace

Command apduCommand() {
    return {"apdu", "apdu --reader NAME HEX...",
            "Send command APDUs to the card in a reader and print the answers", runApdu};
}

}  // namespace oa::cli
