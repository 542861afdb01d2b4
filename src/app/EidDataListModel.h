#pragma once

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QString>
#include <string>
#include <utility>
#include <vector>

namespace oa {

// The data read from the card as (label, value) rows for the "My data" card view. Labels are
// translated into the UI language when the rows are set.
class EidDataListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { LabelRole = Qt::UserRole + 1, ValueRole };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // From EidData::describe(): English labels, values as the core prints them.
    void setRows(const std::vector<std::pair<std::string, std::string>>& rows);
    void clear();
    // The UI language changed: views fetch the labels again.
    void retranslate();
    // The value of the first row with this English label, for tests; empty if there is none.
    QString valueOf(const QString& englishLabel) const;

signals:
    void countChanged();

private:
    struct Row {
        QString englishLabel;
        QString value;
    };
    std::vector<Row> rows_;
};

}  // namespace oa
