#pragma once

#include <QString>

class QQuickWindow;

namespace oa {

// A browser's or second start's ?ShowUI=<module> (TR-03124-1): brings the window to the front
// on the screen for the module (Main.qml's showModule; unknown modules keep the current screen).
void showRequestedScreen(QQuickWindow* window, const QString& module);

}  // namespace oa
