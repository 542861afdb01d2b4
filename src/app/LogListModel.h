#pragma once

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <vector>

#include "app/LogBook.h"

namespace oa {

// The Logs page: the log book's entries at or above a level and containing a text, newest last.
// New entries that pass the filter appear while the page is open.
class LogListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    Q_PROPERTY(Level minimumLevel READ minimumLevel WRITE setMinimumLevel NOTIFY filterChanged)
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString filePath READ filePath CONSTANT)
public:
    enum Role { TimeRole = Qt::UserRole + 1, LevelRole, LevelNameRole, CategoryRole, MessageRole };
    // The same order as LogEntry::Level.
    enum Level { Debug, Info, Warning, Critical };
    Q_ENUM(Level)

    explicit LogListModel(LogBook& book, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Level minimumLevel() const { return minimumLevel_; }
    void setMinimumLevel(Level level);
    QString filterText() const { return filterText_; }
    void setFilterText(const QString& text);
    QString filePath() const { return book_.filePath(); }

    // The shown lines as the log file has them: for the clipboard and for export.
    Q_INVOKABLE QString shownText() const;
    // Writes the shown lines to a file; false (and nothing half-written left) on failure.
    Q_INVOKABLE bool exportTo(const QString& path) const;
    // A save dialog for the export (Qt Widgets' dialog); empty when cancelled or without one.
    Q_INVOKABLE QString chooseExportFile(const QString& title) const;
    // The shown lines to the system clipboard.
    Q_INVOKABLE void copyToClipboard() const;

signals:
    void filterChanged();
    void countChanged();

private:
    bool passes(const LogEntry& entry) const;
    void refilter();
    void append(const LogEntry& entry);

    LogBook& book_;
    std::vector<LogEntry> shown_;
    Level minimumLevel_ = Debug;
    QString filterText_;
    quint64 lastSequence_ = 0;  // the newest entry seen, so none shows twice
};

}  // namespace oa
