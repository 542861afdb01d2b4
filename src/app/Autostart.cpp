#include "app/Autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace oa {
namespace {

const QString kTemplate = QStringLiteral(":/OpenAusweis/platform/autostart/openausweis.desktop");

// $XDG_CONFIG_HOME or ~/.config (a private folder in Qt's test mode).
QString defaultConfigHome() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
}

// Desktop entry Exec quoting: arguments with reserved characters go in double quotes.
QString quotedForExec(const QString& path) {
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool plain = true;
    for (QChar c : path)
        if (reserved.contains(c)) plain = false;
    if (plain) return path;
    QString quoted = path;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""))
        .replace(QLatin1Char('`'), QStringLiteral("\\`"))
        .replace(QLatin1Char('$'), QStringLiteral("\\$"));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

}  // namespace

Autostart::Autostart(QString configHome)
    : entryPath_((configHome.isEmpty() ? defaultConfigHome() : configHome) +
                 QStringLiteral("/autostart/openausweis.desktop")) {}

bool Autostart::isEnabled() const {
    return QFileInfo::exists(entryPath_);
}

Result<QByteArray> Autostart::entryFor(const QString& executable) {
    QFile source(kTemplate);
    if (!source.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Unknown, "The autostart template is missing from the app.");
    QByteArray entry = source.readAll();
    const QByteArray exec = QByteArrayLiteral("\nExec=openausweis ");
    const qsizetype at = entry.indexOf(exec);
    if (at < 0) return makeError(ErrorCode::Unknown, "The autostart template has no Exec line.");
    const QString found = QStandardPaths::findExecutable(QStringLiteral("openausweis"));
    const bool onPath = !found.isEmpty() && QFileInfo(found).canonicalFilePath() ==
                                                QFileInfo(executable).canonicalFilePath();
    if (!executable.isEmpty() && !onPath)
        entry.replace(at + 6, exec.size() - 7, quotedForExec(executable).toUtf8());
    return entry;
}

Result<void> Autostart::enable(const QString& executable) const {
    auto entry = entryFor(executable);
    if (!entry) return entry.error();
    if (!QDir().mkpath(QFileInfo(entryPath_).absolutePath()))
        return makeError(ErrorCode::Unknown, "Could not create the autostart folder.",
                         QFileInfo(entryPath_).absolutePath().toStdString());
    QSaveFile file(entryPath_);
    if (!file.open(QIODevice::WriteOnly) || file.write(*entry) != entry->size() || !file.commit())
        return makeError(ErrorCode::Unknown, "Could not write the autostart entry.",
                         entryPath_.toStdString() + ": " + file.errorString().toStdString());
    return {};
}

Result<void> Autostart::disable() const {
    if (QFileInfo::exists(entryPath_) && !QFile::remove(entryPath_))
        return makeError(ErrorCode::Unknown, "Could not remove the autostart entry.",
                         entryPath_.toStdString());
    return {};
}

}  // namespace oa
