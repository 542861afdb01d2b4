#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>

#include "app/Autostart.h"

namespace oa {

// The settings page's choices beyond language, appearance and demo mode, kept in QSettings:
// developer mode (the test PKI is trusted for workflows the window starts; marked in the whole
// window), the preferred reader, the tray icon, the XDG autostart entry and the replacement PIN's
// letter service.
class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    Q_PROPERTY(
        bool developerMode READ developerMode WRITE setDeveloperMode NOTIFY developerModeChanged)
    // A reader name; empty: the first reader with a card.
    Q_PROPERTY(QString preferredReader READ preferredReader WRITE setPreferredReader NOTIFY
                   preferredReaderChanged)
    Q_PROPERTY(bool trayIcon READ trayIcon WRITE setTrayIcon NOTIFY trayIconChanged)
    // Whether the desktop has a system tray to put the icon in (checked when asked).
    Q_PROPERTY(bool trayAvailable READ trayAvailable NOTIFY trayIconChanged)
    Q_PROPERTY(bool autostart READ autostart WRITE setAutostart NOTIFY autostartChanged)
    // Why the last autostart change failed, in words for the user; empty after a success.
    Q_PROPERTY(QString autostartProblem READ autostartProblem NOTIFY autostartChanged)
    // The PIN letter service the user chose (an https URL); empty: the default.
    Q_PROPERTY(QString pinLetterService READ pinLetterService NOTIFY pinLetterServiceChanged)
    // OPENAUSWEIS_PIN_LETTER_SERVICE if it is an https URL; empty: none (demo mode then uses the
    // local simulation world's).
    Q_PROPERTY(QString defaultPinLetterService READ defaultPinLetterService CONSTANT)
public:
    // `trayAvailable` asks the platform; `executable` goes into the autostart entry.
    AppSettings(Autostart autostart, std::function<bool()> trayAvailable, QString executable,
                QObject* parent = nullptr);

    bool developerMode() const { return developerMode_; }
    void setDeveloperMode(bool on);
    QString preferredReader() const { return preferredReader_; }
    void setPreferredReader(const QString& name);
    bool trayIcon() const { return trayIcon_; }
    void setTrayIcon(bool on);
    bool trayAvailable() const { return trayAvailable_(); }
    bool autostart() const { return autostart_.isEnabled(); }
    void setAutostart(bool on);
    QString autostartProblem() const { return autostartProblem_; }
    QString pinLetterService() const { return pinLetterService_.toString(); }
    QString defaultPinLetterService() const { return defaultPinLetterService_.toString(); }
    // The one the replacement PIN uses: the chosen one, else the default; empty: none.
    QUrl pinLetterServiceUrl() const;
    // False (and nothing stored) unless `url` is an absolute https URL with a host, without user
    // name, query or fragment.
    Q_INVOKABLE bool setPinLetterService(const QString& url);
    Q_INVOKABLE void resetPinLetterService();
    // QSettings key of the chosen PIN letter service.
    static QString pinLetterServiceKey();

signals:
    void developerModeChanged();
    void preferredReaderChanged();
    void trayIconChanged();
    void autostartChanged();
    void pinLetterServiceChanged();

private:
    Autostart autostart_;
    std::function<bool()> trayAvailable_;
    QString executable_;
    bool developerMode_ = false;
    QString preferredReader_;
    bool trayIcon_ = true;
    QString autostartProblem_;
    QUrl pinLetterService_;
    QUrl defaultPinLetterService_;
};

}  // namespace oa
