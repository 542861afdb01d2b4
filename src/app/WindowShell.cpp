#include "app/WindowShell.h"

#include <QQuickWindow>

#include "app/Desktop.h"
#include "app/LogBook.h"
#include "app/ShowUi.h"
#include "app/TrayIcon.h"

namespace oa {
namespace {

constexpr int kTrayPollMs = 500;

}  // namespace

WindowShell::WindowShell(Desktop& desktop, bool background, QObject* parent)
    : QObject(parent),
      desktop_(desktop),
      tray_(std::make_unique<TrayIcon>(desktop.settings(), desktop.window())) {
    if (!background) return;
    if (tray_->shown()) {
        qCInfo(lcApp) << "started in the background: the tray icon opens the window";
        return;
    }
    trayWait_.setInterval(kTrayPollMs);
    connect(&trayWait_, &QTimer::timeout, this, &WindowShell::waitForTray);
    trayWait_.start();
}

WindowShell::~WindowShell() = default;

void WindowShell::showModule(const QString& module) {
    trayWait_.stop();
    showRequestedScreen(desktop_.window(), module);
}

void WindowShell::waitForTray() {
    tray_->refresh();
    trayWaitedMs_ += kTrayPollMs;
    if (tray_->shown()) {
        trayWait_.stop();
        qCInfo(lcApp) << "tray appeared after" << trayWaitedMs_ << "ms: the window stays hidden";
    } else if (trayWaitedMs_ >= kTrayWaitMs || !desktop_.settings().trayIcon()) {
        trayWait_.stop();
        qCInfo(lcApp) << "no tray icon: showing the window instead of running unseen";
        if (QQuickWindow* window = desktop_.window()) window->show();
    }
}

}  // namespace oa
