#include <cstdio>
#include <string>
#include <vector>

#include "base/Version.h"
#include "sim/CardCommand.h"
#include "sim/PkiCommand.h"
#include "sim/Pn532Command.h"
#include "sim/UpCommand.h"
#include "sim/world/Misbehaviour.h"

namespace {

void printUsage() {
    std::printf(
        "usage: openausweis-sim --version\n"
        "       openausweis-sim card [--vpcd HOST:PORT] [--profile NAME | --profile-file F]\n"
        "                            [--state FILE] [--cvca FILE]... [--date YYMMDD]\n"
        "       openausweis-sim pki --out DIR [--fresh [--sequence NNNNN]]\n"
        "  card: the virtual eID card attached to vpcd (default 127.0.0.1:35963);\n"
        "        profiles: mustermann (default), under18, deactivated, eat, transport-pin,\n"
        "        mustermann-p384, mustermann-p512; --state keeps PIN state across runs;\n"
        "        --cvca adds a trust anchor (CV certificate, DER); --date sets the card's today\n"
        "  pki:  writes the built-in test PKI (--fresh: a new one) to DIR: csca.pem,\n"
        "        document-signer.pem, cvca/dv/terminal.cvcert, terminal.pkcs8, terminal-chain/\n");
    std::printf("%s%s%s", oa::sim::pn532Usage(), oa::sim::upUsage(), oa::sim::misbehaviourUsage());
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    if (arguments.empty()) {
        printUsage();
        return 2;
    }
    const std::string& command = arguments.front();
    const std::vector<std::string> rest(arguments.begin() + 1, arguments.end());
    if (command == "--version") {
        std::printf("openausweis-sim %s\n", oa::kVersion);
        return 0;
    }
    if (command == "--help" || command == "help") {
        printUsage();
        return 0;
    }
    if (command == "card") return oa::sim::runCardCommand(rest);
    if (command == "pki") return oa::sim::runPkiCommand(rest);
    if (command == "pn532") return oa::sim::runPn532Command(rest);
    if (command == "up") return oa::sim::runUpCommand(rest);
    std::fprintf(stderr, "openausweis-sim: unknown command '%s'\n", command.c_str());
    printUsage();
    return 2;
}
