#pragma once

#include <string_view>
#include <vector>

#include "cli/Command.h"

namespace oa::cli {

// One function per command, each defined in its own <Name>Command.cpp. To add a command,
// declare it here and list it in CommandTable.cpp.
Command readersCommand();
Command apduCommand();
Command pinStatusCommand();
Command changePinCommand();
Command unblockPinCommand();
Command selfReadCommand();
Command authCommand();
Command pinLetterCommand();

const std::vector<Command>& commandTable();
const Command* findCommand(std::string_view name);

}  // namespace oa::cli
