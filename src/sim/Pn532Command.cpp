#include "sim/Pn532Command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "sim/Pn532Emulator.h"
#include "sim/StopSignal.h"
#include "sim/card/CardProfile.h"
#include "sim/card/VirtualCard.h"

namespace oa::sim {
namespace {

struct Pn532Options {
    std::string link;
    std::string profile;
    Pn532Emulator::TargetType type = Pn532Emulator::TargetType::IsoA;
};

bool parseOptions(const std::vector<std::string>& arguments, Pn532Options& options) {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        if (argument == "--pty" && hasValue) {
            options.link = arguments[++i];
        } else if (argument == "--profile" && hasValue) {
            options.profile = arguments[++i];
        } else if (argument == "--type" && hasValue &&
                   (arguments[i + 1] == "a" || arguments[i + 1] == "b")) {
            options.type = arguments[++i] == "a" ? Pn532Emulator::TargetType::IsoA
                                                 : Pn532Emulator::TargetType::IsoB;
        } else {
            std::fprintf(stderr, "openausweis-sim pn532: unexpected argument '%s'\n",
                         argument.c_str());
            return false;
        }
    }
    if (options.link.empty()) {
        std::fprintf(stderr, "openausweis-sim pn532: --pty PATH is required\n");
        return false;
    }
    return true;
}

}  // namespace

const char* pn532Usage() {
    return "       openausweis-sim pn532 --pty PATH [--profile NAME] [--type a|b]\n"
           "  pn532: a simulated PN532 on a pseudo-terminal (PATH links to it) holding the\n"
           "        virtual card; use it with LIBNFC_DEVICE=pn532_uart:PATH\n";
}

int runPn532Command(const std::vector<std::string>& arguments) {
    Pn532Options options;
    if (!parseOptions(arguments, options)) return 2;
    auto profile =
        options.profile.empty() ? std::optional(defaultProfile()) : builtInProfile(options.profile);
    if (!profile) {
        std::fprintf(stderr, "openausweis-sim pn532: unknown profile '%s'\n",
                     options.profile.c_str());
        return 2;
    }
    auto emulator =
        Pn532Emulator::start(std::make_shared<VirtualCard>(std::move(*profile)), options.type);
    if (!emulator) {
        std::fprintf(stderr, "openausweis-sim pn532: %s (%s)\n", emulator.error().message.c_str(),
                     emulator.error().detail.c_str());
        return 1;
    }
    unlink(options.link.c_str());
    if (symlink((*emulator)->devicePath().c_str(), options.link.c_str()) != 0) {
        std::fprintf(stderr, "openausweis-sim pn532: cannot link %s\n", options.link.c_str());
        return 1;
    }
    installStopSignalHandlers();
    std::fprintf(stderr, "openausweis-sim: PN532 on %s (%s)\n", options.link.c_str(),
                 (*emulator)->devicePath().c_str());
    while (!stopRequested())
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    unlink(options.link.c_str());
    return 0;
}

}  // namespace oa::sim
