#include "app/DiagnosisReport.h"

#include <openssl/crypto.h>
#include <openssl/opensslv.h>

#include <QFileInfo>
#include <QGuiApplication>
#include <QSysInfo>

#include "app/AppSettings.h"
#include "app/LogBook.h"
#include "app/ReaderListModel.h"
#include "base/Version.h"

#ifdef OA_HAVE_PCSC
#include <PCSC/pcsclite.h>
#endif

namespace oa {
namespace {

QString onOff(bool on) {
    return on ? QStringLiteral("on") : QStringLiteral("off");
}

// pcscd's socket: PCSCLITE_CSOCK_NAME when set, as libpcsclite itself does.
QString pcscdSocket() {
    const QString overridden = qEnvironmentVariable("PCSCLITE_CSOCK_NAME");
    return overridden.isEmpty() ? QStringLiteral("/run/pcscd/pcscd.comm") : overridden;
}

}  // namespace

DiagnosisReport::DiagnosisReport(ReaderListModel& readers, AppSettings& settings, QObject* parent)
    : QObject(parent), readers_(readers), settings_(settings) {
    connect(&readers_, &ReaderListModel::readersChanged, this, &DiagnosisReport::textChanged);
    connect(&readers_, &ReaderListModel::serviceAvailableChanged, this,
            &DiagnosisReport::textChanged);
    connect(&readers_, &ReaderListModel::demoModeChanged, this, &DiagnosisReport::textChanged);
    connect(&settings_, &AppSettings::developerModeChanged, this, &DiagnosisReport::textChanged);
    connect(&settings_, &AppSettings::preferredReaderChanged, this, &DiagnosisReport::textChanged);
    connect(&settings_, &AppSettings::trayIconChanged, this, &DiagnosisReport::textChanged);
    connect(&settings_, &AppSettings::autostartChanged, this, &DiagnosisReport::textChanged);
}

QStringList DiagnosisReport::libraryVersions() {
    QStringList lines;
    lines << QStringLiteral("Qt %1 (built with %2)")
                 .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    lines << QStringLiteral("%1 (built with %2)")
                 .arg(QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)),
                      QStringLiteral(OPENSSL_VERSION_TEXT));
#ifdef OA_HAVE_PCSC
    lines
        << QStringLiteral("pcsc-lite %1 (built with)").arg(QStringLiteral(PCSCLITE_VERSION_NUMBER));
#else
    lines << QStringLiteral("pcsc-lite: not built in");
#endif
    return lines;
}

QString DiagnosisReport::text() const {
    QStringList lines;
    lines << QStringLiteral("OpenAusweis %1 diagnosis").arg(QString::fromLatin1(kVersion));
    lines << libraryVersions();
    lines << QStringLiteral("System: %1, kernel %2 %3, %4 display")
                 .arg(QSysInfo::prettyProductName(), QSysInfo::kernelVersion(),
                      QSysInfo::currentCpuArchitecture(), QGuiApplication::platformName());
    const QString socket = pcscdSocket();
    lines << QStringLiteral("pcscd socket %1: %2")
                 .arg(socket, QFileInfo::exists(socket) ? QStringLiteral("present")
                                                        : QStringLiteral("missing"));
    lines << QString();
    lines << readers_.diagnosisReport();
    lines << QStringLiteral("Preferred reader: %1")
                 .arg(settings_.preferredReader().isEmpty() ? QStringLiteral("(first with a card)")
                                                            : settings_.preferredReader());
    lines << QStringLiteral("Developer mode (test PKI trusted): %1")
                 .arg(onOff(settings_.developerMode()));
    lines << QStringLiteral("Tray icon: %1 (system tray %2)")
                 .arg(onOff(settings_.trayIcon()), settings_.trayAvailable()
                                                       ? QStringLiteral("available")
                                                       : QStringLiteral("not available"));
    lines << QStringLiteral("Autostart: %1").arg(onOff(settings_.autostart()));
    const LogBook* book = LogBook::active();
    lines << QStringLiteral("Log file: %1")
                 .arg(!book                        ? QStringLiteral("(none)")
                      : book->filePath().isEmpty() ? book->fileProblem()
                                                   : book->filePath());
    return lines.join(QLatin1Char('\n'));
}

}  // namespace oa
