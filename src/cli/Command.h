#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "base/Result.h"
#include "card/ReaderBackend.h"
#include "cli/Arguments.h"

namespace oa::cli {

enum ExitCode : int { kExitOk = 0, kExitRuntimeError = 1, kExitUsage = 2 };

// Everything a command may touch; commands print only through out/err so they stay testable.
struct Invocation {
    Arguments arguments;  // what follows the command name
    std::ostream& out;
    std::ostream& err;
    ReaderBackend& backend;
};

struct Command {
    const char* name;
    const char* usage;    // "apdu --reader NAME HEX...", shown by --help and on usage errors
    const char* summary;  // one line for the command overview
    int (*run)(Invocation&);
};

// Prints the problem and the command's usage to stderr; returns kExitUsage.
int usageError(Invocation& invocation, const Command& command, std::string_view problem);
// Prints the error in user words with its technical cause to stderr; returns kExitRuntimeError.
int runtimeError(Invocation& invocation, const Error& error);

}  // namespace oa::cli
