#include "sim/CardCommand.h"

#include <cstdio>

#include "sim/StopSignal.h"
#include "sim/VpcdClient.h"
#include "sim/card/VirtualCard.h"

namespace oa::sim {
namespace {

constexpr const char* kDefaultVpcd = "127.0.0.1:35963";

struct CardOptions {
    std::string vpcd = kDefaultVpcd;
};

bool parseOptions(const std::vector<std::string>& arguments, CardOptions& options) {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        if (argument == "--vpcd" && hasValue) {
            options.vpcd = arguments[++i];
        } else {
            std::fprintf(stderr, "openausweis-sim card: unexpected argument '%s'\n",
                         argument.c_str());
            return false;
        }
    }
    return true;
}

}  // namespace

int runCardCommand(const std::vector<std::string>& arguments) {
    CardOptions options;
    if (!parseOptions(arguments, options)) return 2;
    std::string host;
    std::uint16_t port = 0;
    if (!parseHostPort(options.vpcd, host, port)) {
        std::fprintf(stderr, "openausweis-sim card: --vpcd expects HOST:PORT, got '%s'\n",
                     options.vpcd.c_str());
        return 2;
    }
    installStopSignalHandlers();
    VirtualCard card;
    VpcdClient client(host, port, card, [] { return stopRequested(); });
    client.run();
    std::fprintf(stderr, "openausweis-sim: card removed, stopping\n");
    return 0;
}

}  // namespace oa::sim
