#pragma once

#include <string>

namespace oa {

// What the command line asks the executable to do. Qt's own arguments (-platform, -style…) are
// left for Q*Application, so only our flags are recognised here.
struct AppOptions {
    enum class Mode { Window, Headless, Version, Help };
    Mode mode = Mode::Window;
};

AppOptions parseAppOptions(int argc, const char* const* argv);
std::string versionText();
std::string usageText();

}  // namespace oa
