#pragma once

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>
#include <string>
#include <vector>

#include "card/ReaderInfo.h"

namespace oa {

// The readers of all backends as the user sees them: real readers first, then the simulator's
// reader while demo mode is active. Updated from ReaderFeeds on the GUI thread.
class ReaderListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    Q_PROPERTY(int count READ rowCount NOTIFY readersChanged)
    Q_PROPERTY(int cardCount READ cardCount NOTIFY readersChanged)
    Q_PROPERTY(int realReaderCount READ realReaderCount NOTIFY readersChanged)
    Q_PROPERTY(int realCardCount READ realCardCount NOTIFY readersChanged)
    Q_PROPERTY(bool serviceAvailable READ serviceAvailable NOTIFY serviceAvailableChanged)
    Q_PROPERTY(bool demoActive READ demoActive NOTIFY readersChanged)
    Q_PROPERTY(DemoMode demoMode READ demoMode WRITE setDemoMode NOTIFY demoModeChanged)
    // Plain-text status for bug reports, in English whatever the UI language: services, readers,
    // cards.
    Q_PROPERTY(QString diagnosisReport READ diagnosisReport NOTIFY readersChanged)
    // The names of the visible readers, for choosing a preferred one.
    Q_PROPERTY(QStringList names READ names NOTIFY readersChanged)
public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        BackendRole,
        CardPresentRole,
        AtrRole,
        SimulatedRole,
        PinpadRole,  // a comfort reader: secrets are typed on it
    };
    // Automatic: the simulator's reader appears only while no real reader is connected.
    enum class DemoMode { Automatic, Always, Off };
    Q_ENUM(DemoMode)

    explicit ReaderListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The latest snapshot of one backend (named source); replaces what it reported before.
    void update(const QString& source, bool simulated, const std::vector<ReaderInfo>& readers,
                bool serviceAvailable);

    int cardCount() const;
    int realReaderCount() const;
    int realCardCount() const;
    // False while a real backend's service (pcscd) is down.
    bool serviceAvailable() const;
    bool demoActive() const;
    DemoMode demoMode() const { return demoMode_; }
    void setDemoMode(DemoMode mode);

    QString diagnosisReport() const;

    QStringList names() const;
    // Card operations go to this reader when it is visible and holds a card; empty: no preference.
    void setPreferredReader(const QString& name) { preferredReader_ = name.toStdString(); }

    // The preferred reader if it holds a card, else the first visible reader holding a card (real
    // readers come first): where a card operation goes.
    struct CardReader {
        QString source;
        std::string name;
        bool simulated = false;
        bool pinpad = false;
    };
    std::optional<CardReader> firstCardReader() const;

signals:
    void readersChanged();
    void serviceAvailableChanged();
    void demoModeChanged();

private:
    struct Source {
        bool simulated = false;
        bool serviceAvailable = true;
        std::vector<ReaderInfo> readers;
    };
    struct Row {
        QString source;
        bool simulated = false;
        ReaderInfo info;
        bool sameReader(const Row& other) const {
            return source == other.source && info.name == other.info.name;
        }
    };

    std::vector<Row> visibleRows() const;
    void showRows(const std::vector<Row>& wanted);
    void removeVanishedRows(const std::vector<Row>& wanted);

    std::vector<std::pair<QString, Source>> sources_;  // in order of first report
    std::vector<Row> rows_;
    DemoMode demoMode_ = DemoMode::Automatic;
    std::string preferredReader_;
};

}  // namespace oa
