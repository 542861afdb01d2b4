#include "app/AppOptions.h"

#include <charconv>
#include <string_view>

#include "base/Version.h"

namespace oa {

namespace {

AppOptions invalid(std::string error) {
    AppOptions options;
    options.mode = AppOptions::Mode::Invalid;
    options.error = std::move(error);
    return options;
}

bool parsePort(std::string_view text, int& port) {
    const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), port);
    return failure == std::errc() && end == text.data() + text.size() && port >= 0 && port <= 65535;
}

}  // namespace

AppOptions parseAppOptions(int argc, const char* const* argv) {
    AppOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        // --version and --help win over everything: they must work without a display.
        if (arg == "--version" || arg == "-v") options.mode = AppOptions::Mode::Version;
        if (arg == "--help" || arg == "-h") options.mode = AppOptions::Mode::Help;
        if (options.mode == AppOptions::Mode::Version || options.mode == AppOptions::Mode::Help)
            return options;
    }
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool takesValue = arg == "--port" || arg == "--address";
        if (takesValue && i + 1 >= argc) return invalid(std::string(arg) + " needs a value");
        if (arg == "--headless") options.mode = AppOptions::Mode::Headless;
        if (arg == "--background") options.background = true;
        if (arg == "--port" && !parsePort(argv[++i], options.port))
            return invalid(std::string("--port wants a number from 0 to 65535, not ") + argv[i]);
        if (arg == "--address") options.addresses.emplace_back(argv[++i]);
    }
    return options;
}

Result<service::LocalHttpServerSettings> listenerSettings(const AppOptions& options) {
    service::LocalHttpServerSettings settings;
    settings.port = static_cast<quint16>(options.port);
    if (options.addresses.empty()) return settings;
    settings.addresses.clear();
    for (const std::string& text : options.addresses) {
        QHostAddress address;
        if (!address.setAddress(QString::fromStdString(text)))
            return makeError(ErrorCode::InvalidInput, "--address wants an IP address, not " + text);
        settings.addresses.append(address);
    }
    return settings;
}

std::string versionText() {
    return std::string("openausweis ") + kVersion + "\n";
}

std::string usageText() {
    return "Usage: openausweis [--background | --headless] [--port N] [--address A]...\n"
           "                  [--version] [--help] [Qt options]\n"
           "\n"
           "OpenAusweis, a client for the German eID card (Personalausweis).\n"
           "\n"
           "  --background start with the window hidden behind the tray icon (the\n"
           "               autostart entry uses it; without a tray the window shows)\n"
           "  --headless   run the background services without a window\n"
           "               (reader monitoring; events are logged to stderr)\n"
           "  --port N     port of the browser's eID-Client interface (default 24727;\n"
           "               0 picks a free port and logs it)\n"
           "  --address A  listen on loopback address A instead of 127.0.0.1 and ::1\n"
           "               (repeatable; other interfaces are refused)\n"
           "  --version    print the version and exit\n"
           "  --help       print this help and exit\n"
           "\n"
           "The log of each run goes to $OPENAUSWEIS_LOG_DIR/openausweis.log, by default\n"
           "$XDG_STATE_HOME/openausweis (~/.local/state/openausweis); five earlier runs kept.\n"
           "\n"
           "Exit status 3: the eID-Client port is held by another program. A second start\n"
           "while OpenAusweis runs asks the running one to show its window and exits with 0.\n";
}

}  // namespace oa
