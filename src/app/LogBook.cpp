#include "app/LogBook.h"

#include <QDir>
#include <QFileDevice>
#include <QFileInfo>
#include <QMetaObject>

namespace oa {

Q_LOGGING_CATEGORY(lcApp, "openausweis.app")

namespace {

LogBook* activeBook = nullptr;
QtMessageHandler previousHandler = nullptr;

LogEntry::Level levelOf(QtMsgType type) {
    switch (type) {
        case QtDebugMsg:
            return LogEntry::Level::Debug;
        case QtInfoMsg:
            return LogEntry::Level::Info;
        case QtWarningMsg:
            return LogEntry::Level::Warning;
        case QtCriticalMsg:
            return LogEntry::Level::Critical;
        case QtFatalMsg:
            return LogEntry::Level::Fatal;
    }
    return LogEntry::Level::Info;
}

void handleMessage(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    // A message raised while the book writes (a file warning) goes only to the previous handler.
    thread_local bool inBook = false;
    if (activeBook && !inBook) {
        inBook = true;
        activeBook->add({QDateTime::currentDateTime(), levelOf(type),
                         QString::fromLatin1(context.category ? context.category : "default"),
                         message});
        inBook = false;
    }
    if (previousHandler) previousHandler(type, context, message);
}

QString runFile(const QDir& dir, int run) {
    return dir.filePath(run == 0 ? QStringLiteral("openausweis.log")
                                 : QStringLiteral("openausweis.%1.log").arg(run));
}

}  // namespace

QString toString(LogEntry::Level level) {
    switch (level) {
        case LogEntry::Level::Debug:
            return QStringLiteral("debug");
        case LogEntry::Level::Info:
            return QStringLiteral("info");
        case LogEntry::Level::Warning:
            return QStringLiteral("warning");
        case LogEntry::Level::Critical:
            return QStringLiteral("critical");
        case LogEntry::Level::Fatal:
            return QStringLiteral("fatal");
    }
    return {};
}

QString LogEntry::text() const {
    return QStringLiteral("%1 %2 %3: %4")
        .arg(time.toString(Qt::ISODateWithMs), toString(level), category, message);
}

LogBook::LogBook(QString directory, QObject* parent) : QObject(parent) {
    qRegisterMetaType<LogEntry>();
    if (!directory.isEmpty()) writeToDirectory(directory);
}

void LogBook::writeToDirectory(const QString& directory) {
    std::lock_guard lock(mutex_);
    if (file_.isOpen()) return;
    openFile(directory);
    for (const LogEntry& entry : ring_)
        writeToFile(entry);
}

LogBook::~LogBook() {
    if (installed_) {
        qInstallMessageHandler(previousHandler);
        activeBook = nullptr;
    }
}

QString LogBook::defaultDirectory() {
    const QString overridden = qEnvironmentVariable("OPENAUSWEIS_LOG_DIR");
    if (!overridden.isEmpty()) return overridden;
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    // The XDG spec: relative paths are invalid and must be ignored.
    if (state.isEmpty() || QDir::isRelativePath(state))
        state = QDir::homePath() + QStringLiteral("/.local/state");
    return state + QStringLiteral("/openausweis");
}

LogBook* LogBook::active() {
    return activeBook;
}

void LogBook::install() {
    activeBook = this;
    installed_ = true;
    previousHandler = qInstallMessageHandler(handleMessage);
}

void LogBook::openFile(const QString& directory) {
    QDir dir(directory);
    if (!dir.mkpath(QStringLiteral("."))) {
        fileProblem_ = QStringLiteral("cannot create %1").arg(directory);
        return;
    }
    // Only the user may read the log: it names readers, services and card events.
    QFile::setPermissions(dir.absolutePath(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile::remove(runFile(dir, kKeptRuns));
    for (int run = kKeptRuns - 1; run >= 0; --run)
        QFile::rename(runFile(dir, run), runFile(dir, run + 1));
    file_.setFileName(runFile(dir, 0));
    if (!file_.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        fileProblem_ =
            QStringLiteral("cannot write %1: %2").arg(file_.fileName(), file_.errorString());
        return;
    }
    file_.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    filePath_ = QFileInfo(file_).absoluteFilePath();
}

void LogBook::add(LogEntry entry) {
    {
        std::lock_guard lock(mutex_);
        entry.sequence = ++lastSequence_;
        writeToFile(entry);
        ring_.push_back(entry);
        if (ring_.size() > kRingSize) ring_.pop_front();
    }
    QMetaObject::invokeMethod(
        this, [this, entry] { emit added(entry); }, Qt::QueuedConnection);
}

void LogBook::writeToFile(const LogEntry& entry) {
    if (!file_.isOpen() || fileFull_) return;
    QByteArray line = entry.text().toUtf8() + '\n';
    if (file_.size() + line.size() > kMaxFileBytes) {
        line = QByteArrayLiteral("-- log file full, later messages only in the app --\n");
        fileFull_ = true;
    }
    file_.write(line);
    file_.flush();
}

std::vector<LogEntry> LogBook::entries() const {
    std::lock_guard lock(mutex_);
    return {ring_.begin(), ring_.end()};
}

}  // namespace oa
