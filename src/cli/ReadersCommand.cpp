#include "cli/CommandTable.h"

namespace oa::cli {
namespace {

int runReaders(Invocation& invocation) {
    const Command command = readersCommand();
    if (auto unknown = invocation.arguments.unknownOption()) {
        return usageError(invocation, command, "unknown option " + *unknown);
    }
    if (!invocation.arguments.positional().empty()) {
        return usageError(invocation, command, "readers takes no arguments");
    }
    auto readers = invocation.backend.readers();
    if (!readers) return runtimeError(invocation, readers.error());
    if (readers->empty()) {
        invocation.out << "No card readers found.\n";
        return kExitOk;
    }
    for (const auto& reader : *readers) {
        invocation.out << reader.name << ": ";
        if (reader.cardPresent) {
            invocation.out << "card present, ATR " << toHex(reader.atr);
        } else {
            invocation.out << "no card";
        }
        // A comfort reader: the secrets of every command are typed on it.
        invocation.out << (reader.pinpad ? "; pinpad (PIN entered on the reader)\n" : "\n");
    }
    return kExitOk;
}

}  // namespace

Command readersCommand() {
    return {"readers", "readers", "List the card readers, whether a card is present and its ATR",
            runReaders};
}

}  // namespace oa::cli
