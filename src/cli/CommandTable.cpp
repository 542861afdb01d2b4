#include "cli/CommandTable.h"

namespace oa::cli {

const std::vector<Command>& commandTable() {
    static const std::vector<Command> table = {
        // clang-format off
        readersCommand(),
        apduCommand(),
        pinStatusCommand(),
        changePinCommand(),
        unblockPinCommand(),
        selfReadCommand(),
        authCommand(),
        pinLetterCommand(),
        // clang-format on
    };
    return table;
}

const Command* findCommand(std::string_view name) {
    for (const auto& command : commandTable()) {
        if (name == command.name) return &command;
    }
    return nullptr;
}

}  // namespace oa::cli
