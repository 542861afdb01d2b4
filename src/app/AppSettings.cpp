#include "app/AppSettings.h"

#include <QSettings>

#include "app/LogBook.h"

namespace oa {
namespace {

const QString kDeveloperModeKey = QStringLiteral("developerMode");
const QString kPreferredReaderKey = QStringLiteral("preferredReader");
const QString kTrayIconKey = QStringLiteral("trayIcon");

}  // namespace

AppSettings::AppSettings(Autostart autostart, std::function<bool()> trayAvailable,
                         QString executable, QObject* parent)
    : QObject(parent),
      autostart_(std::move(autostart)),
      trayAvailable_(std::move(trayAvailable)),
      executable_(std::move(executable)) {
    QSettings settings;
    developerMode_ = settings.value(kDeveloperModeKey, false).toBool();
    preferredReader_ = settings.value(kPreferredReaderKey).toString();
    trayIcon_ = settings.value(kTrayIconKey, true).toBool();
}

void AppSettings::setDeveloperMode(bool on) {
    if (on == developerMode_) return;
    developerMode_ = on;
    QSettings().setValue(kDeveloperModeKey, on);
    qCInfo(lcApp) << "developer mode" << (on ? "on: the test PKI is trusted" : "off");
    emit developerModeChanged();
}

void AppSettings::setPreferredReader(const QString& name) {
    if (name == preferredReader_) return;
    preferredReader_ = name;
    QSettings().setValue(kPreferredReaderKey, name);
    emit preferredReaderChanged();
}

void AppSettings::setTrayIcon(bool on) {
    if (on == trayIcon_) return;
    trayIcon_ = on;
    QSettings().setValue(kTrayIconKey, on);
    emit trayIconChanged();
}

void AppSettings::setAutostart(bool on) {
    const Result<void> done = on ? autostart_.enable(executable_) : autostart_.disable();
    autostartProblem_ = done ? QString()
                        : on ? tr("%1 could not be written.").arg(autostart_.entryPath())
                             : tr("%1 could not be removed.").arg(autostart_.entryPath());
    if (done)
        qCInfo(lcApp).noquote() << "autostart" << (on ? "on:" : "off:") << autostart_.entryPath();
    else
        qCWarning(lcApp).noquote() << "autostart:" << QString::fromStdString(done.error().message)
                                   << QString::fromStdString(done.error().detail);
    emit autostartChanged();
}

}  // namespace oa
