#include "app/EidDataListModel.h"

#include <QCoreApplication>

namespace oa {
namespace {

// The labels eid::EidData::describe() uses, so lupdate offers them for translation.
[[maybe_unused]] const char* const kLabels[] = {
    QT_TRANSLATE_NOOP("EidData", "Document type"),
    QT_TRANSLATE_NOOP("EidData", "Issuing state"),
    QT_TRANSLATE_NOOP("EidData", "Date of expiry"),
    QT_TRANSLATE_NOOP("EidData", "Given names"),
    QT_TRANSLATE_NOOP("EidData", "Family names"),
    QT_TRANSLATE_NOOP("EidData", "Artistic or religious name"),
    QT_TRANSLATE_NOOP("EidData", "Academic title"),
    QT_TRANSLATE_NOOP("EidData", "Date of birth"),
    QT_TRANSLATE_NOOP("EidData", "Place of birth"),
    QT_TRANSLATE_NOOP("EidData", "Nationality"),
    QT_TRANSLATE_NOOP("EidData", "Sex"),
    QT_TRANSLATE_NOOP("EidData", "Optional data"),
    QT_TRANSLATE_NOOP("EidData", "Birth name"),
    QT_TRANSLATE_NOOP("EidData", "Written signature"),
    QT_TRANSLATE_NOOP("EidData", "Date of issuance"),
    QT_TRANSLATE_NOOP("EidData", "Address"),
    QT_TRANSLATE_NOOP("EidData", "Community ID"),
    QT_TRANSLATE_NOOP("EidData", "Residence permit I"),
    QT_TRANSLATE_NOOP("EidData", "Residence permit II"),
    QT_TRANSLATE_NOOP("EidData", "Phone number"),
    QT_TRANSLATE_NOOP("EidData", "E-mail address"),
};

}  // namespace

int EidDataListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant EidDataListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
        case LabelRole:
        case Qt::DisplayRole:
            // Translated when asked, so a language switch shows at the next read.
            return QCoreApplication::translate("EidData", row.englishLabel.toUtf8().constData());
        case ValueRole:
            return row.value;
        default:
            return {};
    }
}

QHash<int, QByteArray> EidDataListModel::roleNames() const {
    return {{LabelRole, "label"}, {ValueRole, "value"}};
}

void EidDataListModel::setRows(const std::vector<std::pair<std::string, std::string>>& rows) {
    beginResetModel();
    rows_.clear();
    for (const auto& [label, value] : rows)
        rows_.push_back({QString::fromStdString(label), QString::fromStdString(value)});
    endResetModel();
    emit countChanged();
}

void EidDataListModel::clear() {
    setRows({});
}

void EidDataListModel::retranslate() {
    if (rows_.empty()) return;
    emit dataChanged(index(0), index(rowCount() - 1), {LabelRole, Qt::DisplayRole});
}

QString EidDataListModel::valueOf(const QString& englishLabel) const {
    for (const Row& row : rows_)
        if (row.englishLabel == englishLabel) return row.value;
    return {};
}

}  // namespace oa
