#pragma once

#include <QObject>
#include <QTimer>
#include <memory>

namespace oa {

class Desktop;
class TrayIcon;

// What the window face adds around the Desktop: the tray icon (closing the window then keeps
// the app and port 24727 running), ?ShowUI screens, and the background start of the autostart
// entry, which waits a little for a tray to appear with the session and shows the window when
// none does, so the app never runs unseen.
class WindowShell : public QObject {
    Q_OBJECT
public:
    static constexpr int kTrayWaitMs = 10000;

    WindowShell(Desktop& desktop, bool background, QObject* parent = nullptr);
    ~WindowShell() override;

    // ?ShowUI=<module>: the window to the front on that module's screen.
    void showModule(const QString& module);
    TrayIcon& tray() { return *tray_; }

private:
    void waitForTray();

    Desktop& desktop_;
    std::unique_ptr<TrayIcon> tray_;
    QTimer trayWait_;
    int trayWaitedMs_ = 0;
};

}  // namespace oa
