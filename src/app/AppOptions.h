#pragma once

#include <string>
#include <vector>

#include "base/Result.h"
#include "service/LocalHttpServer.h"

namespace oa {

// What the command line asks the executable to do. Qt's own arguments (-platform, -style…) are
// left for Q*Application, so only our flags are recognised here.
struct AppOptions {
    enum class Mode { Window, Headless, Version, Help, Invalid };
    Mode mode = Mode::Window;
    // --background: the window starts hidden behind the tray icon (the autostart entry's way);
    // without a tray it shows after all, so the app never runs unseen.
    bool background = false;
    // The eID-Client listener (TR-03124-1): --port (0 picks a free one), --address (repeatable,
    // loopback only; default 127.0.0.1 and ::1).
    int port = 24727;
    std::vector<std::string> addresses;
    std::string error;  // with Mode::Invalid
};

AppOptions parseAppOptions(int argc, const char* const* argv);
// The listener's settings from --port/--address; an unreadable address is an error.
Result<service::LocalHttpServerSettings> listenerSettings(const AppOptions& options);
std::string versionText();
std::string usageText();

}  // namespace oa
