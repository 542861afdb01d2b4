#include "app/ReaderListModel.h"

#include <QMetaEnum>
#include <QStringList>
#include <algorithm>

#include "base/Bytes.h"
#include "base/Version.h"

namespace oa {

ReaderListModel::ReaderListModel(QObject* parent) : QAbstractListModel(parent) {}

int ReaderListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant ReaderListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row& row = rows_[static_cast<size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
        case NameRole:
            return QString::fromStdString(row.info.name);
        case BackendRole:
            return row.source;
        case CardPresentRole:
            return row.info.cardPresent;
        case AtrRole:
            return QString::fromStdString(toHex(row.info.atr)).toUpper();
        case SimulatedRole:
            return row.simulated;
        case PinpadRole:
            return row.info.pinpad;
        default:
            return {};
    }
}

QHash<int, QByteArray> ReaderListModel::roleNames() const {
    return {{NameRole, "name"}, {BackendRole, "backend"},     {CardPresentRole, "cardPresent"},
            {AtrRole, "atr"},   {SimulatedRole, "simulated"}, {PinpadRole, "pinpad"}};
}

void ReaderListModel::update(const QString& source, bool simulated,
                             const std::vector<ReaderInfo>& readers, bool serviceAvailable) {
    const bool wasAvailable = this->serviceAvailable();
    auto found = std::find_if(sources_.begin(), sources_.end(),
                              [&](const auto& entry) { return entry.first == source; });
    if (found == sources_.end()) found = sources_.insert(sources_.end(), {source, Source{}});
    found->second = Source{simulated, serviceAvailable, readers};
    showRows(visibleRows());
    if (wasAvailable != this->serviceAvailable()) emit serviceAvailableChanged();
}

int ReaderListModel::cardCount() const {
    return static_cast<int>(std::count_if(rows_.begin(), rows_.end(),
                                          [](const Row& row) { return row.info.cardPresent; }));
}

int ReaderListModel::realReaderCount() const {
    int count = 0;
    for (const auto& [name, source] : sources_) {
        if (!source.simulated) count += static_cast<int>(source.readers.size());
    }
    return count;
}

int ReaderListModel::realCardCount() const {
    int count = 0;
    for (const auto& [name, source] : sources_) {
        if (source.simulated) continue;
        count += static_cast<int>(std::count_if(source.readers.begin(), source.readers.end(),
                                                [](const auto& r) { return r.cardPresent; }));
    }
    return count;
}

bool ReaderListModel::serviceAvailable() const {
    return std::all_of(sources_.begin(), sources_.end(), [](const auto& entry) {
        return entry.second.simulated || entry.second.serviceAvailable;
    });
}

bool ReaderListModel::demoActive() const {
    return std::any_of(rows_.begin(), rows_.end(), [](const Row& row) { return row.simulated; });
}

QStringList ReaderListModel::names() const {
    QStringList names;
    for (const Row& row : rows_)
        names << QString::fromStdString(row.info.name);
    return names;
}

std::optional<ReaderListModel::CardReader> ReaderListModel::firstCardReader() const {
    for (const Row& row : rows_)
        if (row.info.cardPresent && row.info.name == preferredReader_)
            return CardReader{row.source, row.info.name, row.simulated, row.info.pinpad};
    for (const Row& row : rows_)
        if (row.info.cardPresent)
            return CardReader{row.source, row.info.name, row.simulated, row.info.pinpad};
    return std::nullopt;
}

void ReaderListModel::setDemoMode(DemoMode mode) {
    if (mode == demoMode_) return;
    demoMode_ = mode;
    showRows(visibleRows());
    emit demoModeChanged();
}

std::vector<ReaderListModel::Row> ReaderListModel::visibleRows() const {
    const bool showSimulator = demoMode_ == DemoMode::Always ||
                               (demoMode_ == DemoMode::Automatic && realReaderCount() == 0);
    std::vector<Row> rows;
    for (const bool simulatedPass : {false, true}) {
        if (simulatedPass && !showSimulator) break;
        for (const auto& [name, source] : sources_) {
            if (source.simulated != simulatedPass) continue;
            for (const auto& info : source.readers)
                rows.push_back({name, source.simulated, info});
        }
    }
    return rows;
}

// Turns the current rows into the wanted ones with row-level signals, so views keep their
// selection and focus instead of being reset on every card movement.
void ReaderListModel::showRows(const std::vector<Row>& wanted) {
    removeVanishedRows(wanted);
    for (size_t i = 0; i < wanted.size(); ++i) {
        const int row = static_cast<int>(i);
        if (i < rows_.size() && rows_[i].sameReader(wanted[i])) {
            if (rows_[i].info != wanted[i].info) {
                rows_[i] = wanted[i];
                emit dataChanged(index(row), index(row));
            }
            continue;
        }
        // Not at its place: drop a later copy (the backend reordered), then insert here.
        auto later = std::find_if(rows_.begin() + std::min(i, rows_.size()), rows_.end(),
                                  [&](const Row& r) { return r.sameReader(wanted[i]); });
        if (later != rows_.end()) {
            const int laterRow = static_cast<int>(later - rows_.begin());
            beginRemoveRows({}, laterRow, laterRow);
            rows_.erase(later);
            endRemoveRows();
        }
        beginInsertRows({}, row, row);
        rows_.insert(rows_.begin() + row, wanted[i]);
        endInsertRows();
    }
    emit readersChanged();
}

void ReaderListModel::removeVanishedRows(const std::vector<Row>& wanted) {
    for (int row = rowCount() - 1; row >= 0; --row) {
        const Row& current = rows_[static_cast<size_t>(row)];
        const bool stays = std::any_of(wanted.begin(), wanted.end(),
                                       [&](const Row& w) { return w.sameReader(current); });
        if (stays) continue;
        beginRemoveRows({}, row, row);
        rows_.erase(rows_.begin() + row);
        endRemoveRows();
    }
}

QString ReaderListModel::diagnosisReport() const {
    QStringList lines;
    lines << QStringLiteral("OpenAusweis %1").arg(QString::fromLatin1(kVersion));
    for (const auto& [name, source] : sources_) {
        lines << QStringLiteral("Backend %1%2: service %3, %4 reader(s)")
                     .arg(name, source.simulated ? QStringLiteral(" (simulated)") : QString(),
                          source.serviceAvailable ? QStringLiteral("available")
                                                  : QStringLiteral("NOT available"))
                     .arg(source.readers.size());
        for (const auto& reader : source.readers) {
            lines << QStringLiteral("  - %1%2: %3")
                         .arg(QString::fromStdString(reader.name),
                              reader.pinpad ? QStringLiteral(" (pinpad, PACE on the reader)")
                                            : QString(),
                              reader.cardPresent
                                  ? QStringLiteral("card present, ATR %1")
                                        .arg(QString::fromStdString(toHex(reader.atr)).toUpper())
                                  : QStringLiteral("no card"));
        }
    }
    if (sources_.empty()) lines << QStringLiteral("No reader backend has reported yet.");
    lines << QStringLiteral("Demo mode: %1")
                 .arg(QString::fromLatin1(
                     QMetaEnum::fromType<DemoMode>().valueToKey(static_cast<int>(demoMode_))));
    return lines.join(QLatin1Char('\n'));
}

}  // namespace oa
