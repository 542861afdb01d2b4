#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

class QMenu;
class QSystemTrayIcon;
class QWindow;

namespace oa {

class AppSettings;

// Whether closing the window leaves the app (and port 24727) running: only with an icon in a
// system tray to bring the window back. Without one, an app with no window could be neither
// seen nor ended (a known trap of other eID clients), so closing the window quits.
bool keepsRunningWhenWindowCloses(bool trayIconWanted, bool trayAvailable);

// The tray icon while the user wants it and the desktop has a tray: click (or "Open") shows the
// window, "Quit" ends the app. Keeps QGuiApplication::quitOnLastWindowClosed in step with it.
// Needs a QApplication for the icon; under a plain QGuiApplication there is never an icon.
class TrayIcon : public QObject {
    Q_OBJECT
public:
    TrayIcon(AppSettings& settings, QWindow* window, QObject* parent = nullptr);
    ~TrayIcon() override;

    static bool systemTrayAvailable();
    bool shown() const;
    void showWindow();
    // Looks for a tray again (one may appear after the session started us).
    void refresh() { update(false); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // `bringBackWindow`: a closed window reappears when the icon goes (the user turned it off).
    void update(bool bringBackWindow);
    void retranslate();

    AppSettings& settings_;
    QPointer<QWindow> window_;
    std::unique_ptr<QMenu> menu_;
    std::unique_ptr<QSystemTrayIcon> icon_;
    QTimer watch_;  // the tray host may quit (or start) while we run
};

}  // namespace oa
