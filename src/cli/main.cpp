#include <iostream>
#include <string>
#include <vector>

#include "base/SecureBytes.h"
#include "base/Version.h"
#include "card/pcsc/PcscBackend.h"
#include "cli/CommandTable.h"

namespace {

using namespace oa::cli;

void printOverview(std::ostream& out) {
    out << "usage: openausweis-cli [--version | --help] COMMAND [ARGS...]\n\ncommands:\n";
    for (const auto& command : commandTable()) {
        out << "  " << command.usage << "\n      " << command.summary << "\n";
    }
    out << "\nRun 'openausweis-cli COMMAND --help' for one command.\n"
        << "Exit codes: 0 success, 1 runtime error, 2 usage error; eID commands also 3 wrong\n"
        << "PIN/CAN/PUK, 4 PIN needs another step first, 5 card or terminal not accepted.\n";
}

int run(std::vector<std::string> words) {
    if (words.empty()) {
        printOverview(std::cerr);
        return kExitUsage;
    }
    const std::string first = words.front();
    if (first == "--version") {
        std::cout << "openausweis-cli " << oa::kVersion << "\n";
        return kExitOk;
    }
    if (first == "--help" || first == "-h" || first == "help") {
        printOverview(std::cout);
        return kExitOk;
    }
    const Command* command = findCommand(first);
    if (!command) {
        std::cerr << "openausweis-cli: unknown command '" << first << "'\n";
        printOverview(std::cerr);
        return kExitUsage;
    }
    Arguments arguments({words.begin() + 1, words.end()});
    if (arguments.takeFlag("--help")) {
        std::cout << "usage: openausweis-cli " << command->usage << "\n"
                  << command->summary << "\n";
        return kExitOk;
    }
    oa::PcscBackend backend;
    Invocation invocation{std::move(arguments), std::cout, std::cerr, backend};
    return command->run(invocation);
}

}  // namespace

int main(int argc, char** argv) {
    if (const auto protection = oa::keepSecretsOutOfCoreDumps(); !protection)
        std::cerr << "warning: " << protection.error().message << " (" << protection.error().detail
                  << ")\n";
    return run({argv + 1, argv + argc});
}
