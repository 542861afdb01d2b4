#include "cli/Command.h"

namespace oa::cli {

int usageError(Invocation& invocation, const Command& command, std::string_view problem) {
    invocation.err << "openausweis-cli: " << problem << "\n"
                   << "usage: openausweis-cli " << command.usage << "\n";
    return kExitUsage;
}

int runtimeError(Invocation& invocation, const Error& error) {
    invocation.err << "openausweis-cli: " << error.message << "\n";
    if (!error.detail.empty()) invocation.err << "  (" << error.detail << ")\n";
    return kExitRuntimeError;
}

}  // namespace oa::cli
