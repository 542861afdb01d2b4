#include "app/AppSettings.h"

#include <QSettings>

#include "app/LogBook.h"

namespace oa {
namespace {

const QString kDeveloperModeKey = QStringLiteral("developerMode");
const QString kPreferredReaderKey = QStringLiteral("preferredReader");
const QString kTrayIconKey = QStringLiteral("trayIcon");

// Strict: the replacement PIN sends the card holder's order there.
QUrl pinLetterServiceFrom(const QString& text) {
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const bool ok = url.isValid() && url.scheme() == QLatin1String("https") &&
                    !url.host().isEmpty() && url.userInfo().isEmpty() && !url.hasQuery() &&
                    !url.hasFragment();
    if (!ok) return QUrl();
    // The workflow appends "/order": no trailing slash, not even the root's.
    QUrl clean = url.adjusted(QUrl::StripTrailingSlash);
    if (clean.path() == QLatin1String("/")) clean.setPath(QString());
    return clean;
}

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
    pinLetterService_ = pinLetterServiceFrom(settings.value(pinLetterServiceKey()).toString());
    defaultPinLetterService_ =
        pinLetterServiceFrom(qEnvironmentVariable("OPENAUSWEIS_PIN_LETTER_SERVICE"));
}

QString AppSettings::pinLetterServiceKey() {
    return QStringLiteral("pinLetter/serviceUrl");
}

QUrl AppSettings::pinLetterServiceUrl() const {
    return pinLetterService_.isEmpty() ? defaultPinLetterService_ : pinLetterService_;
}

bool AppSettings::setPinLetterService(const QString& text) {
    const QUrl url = pinLetterServiceFrom(text);
    if (url.isEmpty()) return false;
    if (url == pinLetterService_) return true;
    pinLetterService_ = url;
    QSettings().setValue(pinLetterServiceKey(), url.toString());
    qCInfo(lcApp).noquote() << "PIN letter service:" << url.toString();
    emit pinLetterServiceChanged();
    return true;
}

void AppSettings::resetPinLetterService() {
    if (pinLetterService_.isEmpty()) return;
    pinLetterService_.clear();
    QSettings().remove(pinLetterServiceKey());
    qCInfo(lcApp) << "PIN letter service: the default";
    emit pinLetterServiceChanged();
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
