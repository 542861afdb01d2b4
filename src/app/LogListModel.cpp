#include "app/LogListModel.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>

namespace oa {

LogListModel::LogListModel(LogBook& book, QObject* parent)
    : QAbstractListModel(parent), book_(book) {
    refilter();
    connect(&book_, &LogBook::added, this, &LogListModel::append);
}

int LogListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(shown_.size());
}

QVariant LogListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const LogEntry& entry = shown_[static_cast<std::size_t>(index.row())];
    switch (role) {
        case TimeRole:
            return entry.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelRole:
            return static_cast<int>(entry.level);
        case LevelNameRole:
            return toString(entry.level);
        case CategoryRole:
            return entry.category;
        case MessageRole:
        case Qt::DisplayRole:
            return entry.message;
        default:
            return {};
    }
}

QHash<int, QByteArray> LogListModel::roleNames() const {
    return {{TimeRole, "time"},
            {LevelRole, "level"},
            {LevelNameRole, "levelName"},
            {CategoryRole, "category"},
            {MessageRole, "message"}};
}

void LogListModel::setMinimumLevel(Level level) {
    if (level == minimumLevel_) return;
    minimumLevel_ = level;
    refilter();
    emit filterChanged();
}

void LogListModel::setFilterText(const QString& text) {
    if (text == filterText_) return;
    filterText_ = text;
    refilter();
    emit filterChanged();
}

bool LogListModel::passes(const LogEntry& entry) const {
    if (static_cast<int>(entry.level) < static_cast<int>(minimumLevel_)) return false;
    if (filterText_.isEmpty()) return true;
    return entry.message.contains(filterText_, Qt::CaseInsensitive) ||
           entry.category.contains(filterText_, Qt::CaseInsensitive);
}

void LogListModel::refilter() {
    beginResetModel();
    shown_.clear();
    for (const LogEntry& entry : book_.entries()) {
        lastSequence_ = std::max(lastSequence_, entry.sequence);
        if (passes(entry)) shown_.push_back(entry);
    }
    endResetModel();
    emit countChanged();
}

void LogListModel::append(const LogEntry& entry) {
    if (entry.sequence <= lastSequence_) return;
    lastSequence_ = entry.sequence;
    if (!passes(entry)) return;
    // The ring buffer forgets the oldest entries; so does the page.
    if (shown_.size() >= LogBook::kRingSize) {
        beginRemoveRows({}, 0, 0);
        shown_.erase(shown_.begin());
        endRemoveRows();
    }
    const int row = static_cast<int>(shown_.size());
    beginInsertRows({}, row, row);
    shown_.push_back(entry);
    endInsertRows();
    emit countChanged();
}

QString LogListModel::shownText() const {
    QString text;
    for (const LogEntry& entry : shown_)
        text += entry.text() + QLatin1Char('\n');
    return text;
}

bool LogListModel::exportTo(const QString& path) const {
    if (path.isEmpty()) return false;
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Text)) return false;
    out.write(shownText().toUtf8());
    return out.commit();
}

QString LogListModel::chooseExportFile(const QString& title) const {
    if (!qobject_cast<QApplication*>(QCoreApplication::instance())) return {};
    const QString name =
        QStringLiteral("openausweis-log-%1.txt")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty()) folder = QDir::homePath();
    return QFileDialog::getSaveFileName(nullptr, title, QDir(folder).filePath(name),
                                        QStringLiteral("*.txt"));
}

void LogListModel::copyToClipboard() const {
    if (QClipboard* clipboard = QGuiApplication::clipboard()) clipboard->setText(shownText());
}

}  // namespace oa
