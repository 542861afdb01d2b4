#include "app/AppOptions.h"

#include <string_view>

#include "base/Version.h"

namespace oa {

AppOptions parseAppOptions(int argc, const char* const* argv) {
    AppOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        // --version and --help win over everything: they must work without a display.
        if (arg == "--version" || arg == "-v") return {AppOptions::Mode::Version};
        if (arg == "--help" || arg == "-h") return {AppOptions::Mode::Help};
        if (arg == "--headless") options.mode = AppOptions::Mode::Headless;
    }
    return options;
}

std::string versionText() {
    return std::string("openausweis ") + kVersion + "\n";
}

std::string usageText() {
    return "Usage: openausweis [--headless] [--version] [--help] [Qt options]\n"
           "\n"
           "OpenAusweis, a client for the German eID card (Personalausweis).\n"
           "\n"
           "  --headless   run the background services without a window\n"
           "               (reader monitoring; events are logged to stderr)\n"
           "  --version    print the version and exit\n"
           "  --help       print this help and exit\n";
}

}  // namespace oa
