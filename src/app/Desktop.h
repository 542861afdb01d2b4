#pragma once

#include <QObject>
#include <QQmlApplicationEngine>
#include <memory>
#include <vector>

#include "app/AppSettings.h"
#include "app/DiagnosisReport.h"
#include "app/Language.h"
#include "app/LogListModel.h"
#include "app/PinManagementController.h"
#include "app/ReaderFeed.h"
#include "app/ReaderListModel.h"
#include "app/SelfReadController.h"

class QQuickWindow;

namespace oa {

// The windowed face: the QML user interface over live reader feeds. Settings the user chose
// (language, demo mode, appearance) are kept in QSettings.
class Desktop : public QObject {
    Q_OBJECT
public:
    // Takes ownership of the feeds.
    explicit Desktop(std::vector<ReaderFeed*> feeds, QObject* parent = nullptr);
    ~Desktop() override;

    // Starts the feeds and makes the main window, shown unless `visible` is false (started in the
    // background: the tray or a second start shows it). False if the QML could not be loaded.
    bool start(bool visible = true);

    QQmlApplicationEngine& engine() { return *engine_; }
    ReaderListModel& readers() { return readers_; }
    Language& language() { return language_; }
    PinManagementController& pinManagement() { return pinManagement_; }
    SelfReadController& selfRead() { return selfRead_; }
    AppSettings& settings() { return settings_; }
    LogListModel& logs() { return logs_; }
    DiagnosisReport& diagnosis() { return diagnosis_; }
    QQuickWindow* window() const;

private:
    void restoreSettings();
    std::optional<CardChoice> chooseCard();

    // Goes first on destruction, so no binding sees the model or language vanish.
    std::unique_ptr<QQmlApplicationEngine> engine_;
    ReaderListModel readers_;
    Language language_;
    AppSettings settings_;
    DiagnosisReport diagnosis_;
    LogBook ownLog_{QString()};  // the Logs page's book when main() installed none (tests)
    LogListModel logs_;
    std::vector<ReaderFeed*> feeds_;
    // Their worker threads end before the feeds (children) and their backends go.
    PinManagementController pinManagement_;
    SelfReadController selfRead_;
};

}  // namespace oa
