#include "app/TrayIcon.h"

#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWindow>

#include "app/AppSettings.h"
#include "app/LogBook.h"

namespace oa {
namespace {

constexpr int kWatchIntervalMs = 5000;

}  // namespace

bool keepsRunningWhenWindowCloses(bool trayIconWanted, bool trayAvailable) {
    return trayIconWanted && trayAvailable;
}

TrayIcon::TrayIcon(AppSettings& settings, QWindow* window, QObject* parent)
    : QObject(parent), settings_(settings), window_(window) {
    connect(&settings_, &AppSettings::trayIconChanged, this, [this] { update(true); });
    qApp->installEventFilter(this);
    update(false);
    // A tray that goes away while the window is hidden would leave the app unseen: the window
    // comes back then.
    if (qobject_cast<QApplication*>(QCoreApplication::instance())) {
        watch_.setInterval(kWatchIntervalMs);
        connect(&watch_, &QTimer::timeout, this, [this] {
            if (shown() !=
                keepsRunningWhenWindowCloses(settings_.trayIcon(), systemTrayAvailable()))
                update(true);
        });
        watch_.start();
    }
}

TrayIcon::~TrayIcon() {
    qApp->removeEventFilter(this);
}

bool TrayIcon::systemTrayAvailable() {
    return qobject_cast<QApplication*>(QCoreApplication::instance()) &&
           QSystemTrayIcon::isSystemTrayAvailable();
}

bool TrayIcon::shown() const {
    return icon_ && icon_->isVisible();
}

void TrayIcon::showWindow() {
    if (!window_) return;
    window_->show();
    window_->raise();
    window_->requestActivate();
}

void TrayIcon::update(bool bringBackWindow) {
    const bool wanted = keepsRunningWhenWindowCloses(settings_.trayIcon(), systemTrayAvailable());
    if (wanted && !icon_) {
        menu_ = std::make_unique<QMenu>();
        menu_->addAction(QString(), this, &TrayIcon::showWindow);
        menu_->addSeparator();
        menu_->addAction(QString(), qApp, &QCoreApplication::quit);
        icon_ = std::make_unique<QSystemTrayIcon>(QGuiApplication::windowIcon());
        icon_->setContextMenu(menu_.get());
        connect(
            icon_.get(), &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    showWindow();
            });
        retranslate();
        icon_->show();
    } else if (!wanted && icon_) {
        icon_.reset();
        menu_.reset();
    }
    const bool changed = QGuiApplication::quitOnLastWindowClosed() == wanted;
    QGuiApplication::setQuitOnLastWindowClosed(!wanted);
    if (bringBackWindow && !wanted && window_ && !window_->isVisible()) showWindow();
    if (!changed) return;
    qCInfo(lcApp) << "tray icon"
                  << (wanted ? "shown: closing the window keeps the service running"
                             : "not shown: closing the window quits");
}

void TrayIcon::retranslate() {
    if (!icon_) return;
    icon_->setToolTip(tr("OpenAusweis: ready for eID requests from the browser"));
    const auto actions = menu_->actions();
    actions[0]->setText(tr("Open OpenAusweis"));
    actions[2]->setText(tr("Quit OpenAusweis"));
}

bool TrayIcon::eventFilter(QObject* watched, QEvent* event) {
    if (watched == qApp && event->type() == QEvent::LanguageChange) retranslate();
    return QObject::eventFilter(watched, event);
}

}  // namespace oa
