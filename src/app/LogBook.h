#pragma once

#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QObject>
#include <QString>
#include <deque>
#include <mutex>
#include <vector>

namespace oa {

// The app shell's own messages (settings, tray, window): "openausweis.app".
Q_DECLARE_LOGGING_CATEGORY(lcApp)

// One line of the app's log.
struct LogEntry {
    enum class Level { Debug, Info, Warning, Critical, Fatal };
    QDateTime time;
    Level level = Level::Info;
    QString category;
    QString message;
    quint64 sequence = 0;  // set by the book: 1, 2, … in order of arrival

    QString text() const;  // the line as the log file holds it
};

QString toString(LogEntry::Level level);

// The app's log: every qDebug/qInfo/qWarning (all categories) of this run, kept in a ring buffer
// for the Logs page and written to a file. Each run writes openausweis.log in the log directory;
// the files of earlier runs move to openausweis.1.log … openausweis.<kKeptRuns>.log, and a file
// that reaches kMaxFileBytes is cut there with a note, so the log never fills the disk. Code must
// never pass PINs, CANs, PUKs or keys to the log: the book writes what it is given.
class LogBook : public QObject {
    Q_OBJECT
public:
    static constexpr int kKeptRuns = 5;
    static constexpr qint64 kMaxFileBytes = 8 * 1024 * 1024;
    static constexpr std::size_t kRingSize = 5000;

    // `directory` empty: only the ring buffer until writeToDirectory.
    explicit LogBook(QString directory, QObject* parent = nullptr);
    ~LogBook() override;

    // OPENAUSWEIS_LOG_DIR if set, else $XDG_STATE_HOME/openausweis (~/.local/state/openausweis).
    static QString defaultDirectory();

    // The installed book, if any.
    static LogBook* active();

    // Routes Qt's messages here (and on to the previous handler, i.e. stderr) until destroyed.
    void install();

    // Starts this run's file there (with what the ring holds so far). The app calls it once it
    // owns port 24727: a second start, which only hands over, must not rotate the running one's
    // log.
    void writeToDirectory(const QString& directory);

    // Thread-safe: workers log too.
    void add(LogEntry entry);
    std::vector<LogEntry> entries() const;
    QString filePath() const { return filePath_; }
    // Why there is no log file (directory not writable…), empty when there is one.
    QString fileProblem() const { return fileProblem_; }

signals:
    // Queued to the book's thread, one per entry.
    void added(const oa::LogEntry& entry);

private:
    void openFile(const QString& directory);
    void writeToFile(const LogEntry& entry);

    mutable std::mutex mutex_;
    std::deque<LogEntry> ring_;
    QFile file_;
    QString filePath_;
    QString fileProblem_;
    bool fileFull_ = false;
    bool installed_ = false;
    quint64 lastSequence_ = 0;
};

}  // namespace oa

Q_DECLARE_METATYPE(oa::LogEntry)
