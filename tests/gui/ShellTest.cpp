#include <QtQml/qqmlextensionplugin.h>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "FakeReaderBackend.h"
#include "GuiTestCase.h"
#include "app/AppOptions.h"
#include "app/AppSettings.h"
#include "app/Autostart.h"
#include "app/Desktop.h"
#include "app/DiagnosisReport.h"
#include "app/LogBook.h"
#include "app/LogListModel.h"
#include "app/SdkClientStatus.h"
#include "app/TrayIcon.h"

Q_IMPORT_QML_PLUGIN(OpenAusweisPlugin)

using namespace oa;
using namespace oa::test;
using oa::test::FakeReaderBackend;

namespace {

Q_LOGGING_CATEGORY(lcShellTest, "openausweis.test")

constexpr int kVisibleWithinMs = 1000;

QString readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

ReaderInfo reader(const std::string& name, bool card) {
    return {name, "pcsc", card, card ? Bytes{0x3B, 0x8A, 0x80, 0x01} : Bytes{}};
}

struct Fixture {
    FakeReaderBackend* pcsc;
    std::unique_ptr<Desktop> desktop;

    Fixture() {
        auto backend = std::make_unique<FakeReaderBackend>("pcsc");
        pcsc = backend.get();
        desktop = std::make_unique<Desktop>(
            std::vector<ReaderFeed*>{new ReaderFeed(std::move(backend), false)});
    }
    template <typename T = QObject>
    T* find(const char* objectName) const {
        return desktop->window() ? desktop->window()->findChild<T*>(objectName) : nullptr;
    }
    int pageIndexOf(const char* objectName) const {
        auto* page = find<QQuickItem>(objectName);
        return page && page->parentItem() ? page->parentItem()->childItems().indexOf(page) : -1;
    }
    QString showModule(const QString& module) const {
        QVariant shown;
        QMetaObject::invokeMethod(desktop->window(), "showModule", Q_RETURN_ARG(QVariant, shown),
                                  Q_ARG(QVariant, module));
        return shown.toString();
    }
};

}  // namespace

// The window's shell: logs, settings (reader, developer mode, autostart, tray), ?ShowUI screens
// and the diagnosis report.
class ShellTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { startGuiTestCase("openausweis-shell-test"); }

    void init() {
        QSettings().clear();
        QSettings().setValue("language", "en");
        qmlWarnings.clear();
    }

    void cleanup() { QVERIFY2(qmlWarnings.isEmpty(), qPrintable(qmlWarnings.join('\n'))); }

    void logBookKeepsEveryCategoryInRingAndFileAndPassesMessagesOn() {
        QTemporaryDir dir;
        LogBook book(dir.path() + "/logs");
        book.install();
        qCInfo(lcShellTest) << "reader plugged";
        qCWarning(lcApp) << "something odd";
        qDebug() << "plain debug";
        const auto entries = book.entries();
        QCOMPARE(entries.size(), std::size_t(3));
        QCOMPARE(entries[0].category, QString("openausweis.test"));
        QVERIFY(entries[0].level == LogEntry::Level::Info);
        QVERIFY(entries[1].level == LogEntry::Level::Warning);
        QCOMPARE(entries[2].category, QString("default"));
        QVERIFY(entries[0].sequence < entries[1].sequence);
        const QString file = readFile(dir.path() + "/logs/openausweis.log");
        QVERIFY(file.contains("info openausweis.test: reader plugged\n"));
        QVERIFY(file.contains("warning openausweis.app: something odd\n"));
        QCOMPARE(book.filePath(), dir.path() + "/logs/openausweis.log");
        QCOMPARE(
            QFile::permissions(book.filePath()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
            QFileDevice::Permissions());
    }

    void eachRunGetsAFreshFileAndOnlyFiveEarlierRunsAreKept() {
        QTemporaryDir dir;
        for (int run = 1; run <= 8; ++run) {
            LogBook book(dir.path());
            book.add({QDateTime::currentDateTime(), LogEntry::Level::Info, "run",
                      QString("run %1").arg(run), 0});
        }
        QCOMPARE(readFile(dir.path() + "/openausweis.log").count("run "), 1);
        QVERIFY(readFile(dir.path() + "/openausweis.log").contains("run 8"));
        QVERIFY(readFile(dir.path() + "/openausweis.1.log").contains("run 7"));
        QVERIFY(readFile(dir.path() + "/openausweis.5.log").contains("run 3"));
        QVERIFY(!QFile::exists(dir.path() + "/openausweis.6.log"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 6);
    }

    void messagesBeforeTheFileStartsAreWrittenWhenItDoes() {
        QTemporaryDir dir;
        LogBook book{QString()};
        book.add({QDateTime::currentDateTime(), LogEntry::Level::Info, "early", "before", 0});
        QVERIFY(book.filePath().isEmpty());
        book.writeToDirectory(dir.path());
        book.add({QDateTime::currentDateTime(), LogEntry::Level::Info, "late", "after", 0});
        const QString file = readFile(dir.path() + "/openausweis.log");
        QVERIFY(file.contains("info early: before\n"));
        QVERIFY(file.contains("info late: after\n"));
    }

    void ringBufferForgetsTheOldestEntries() {
        LogBook book{QString()};
        for (std::size_t i = 0; i < LogBook::kRingSize + 10; ++i)
            book.add(
                {QDateTime::currentDateTime(), LogEntry::Level::Info, "c", QString::number(i), 0});
        const auto entries = book.entries();
        QCOMPARE(entries.size(), LogBook::kRingSize);
        QCOMPARE(entries.front().message, QString("10"));
        QVERIFY(book.filePath().isEmpty());
    }

    void logDirectoryComesFromTheEnvironmentOrXdgState() {
        qputenv("OPENAUSWEIS_LOG_DIR", "/tmp/oa-log-test");
        QCOMPARE(LogBook::defaultDirectory(), QString("/tmp/oa-log-test"));
        qunsetenv("OPENAUSWEIS_LOG_DIR");
        qputenv("XDG_STATE_HOME", "/tmp/oa-state");
        QCOMPARE(LogBook::defaultDirectory(), QString("/tmp/oa-state/openausweis"));
        qputenv("XDG_STATE_HOME", "relative/ignored");
        QCOMPARE(LogBook::defaultDirectory(), QDir::homePath() + "/.local/state/openausweis");
        qunsetenv("XDG_STATE_HOME");
    }

    void logsPageFiltersByLevelAndTextAndExportsWhatItShows() {
        LogBook book{QString()};
        const auto add = [&book](LogEntry::Level level, const char* category, const char* text) {
            book.add({QDateTime::currentDateTime(), level, category, text, 0});
        };
        add(LogEntry::Level::Debug, "openausweis.card", "APDU sent");
        add(LogEntry::Level::Info, "openausweis.readers", "reader added");
        LogListModel model(book);
        QCOMPARE(model.rowCount(), 2);
        // Entries logged before the model existed arrive queued too: none shows twice.
        QCoreApplication::processEvents();
        QCOMPARE(model.rowCount(), 2);

        add(LogEntry::Level::Warning, "openausweis.service", "port busy");
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2).data(LogListModel::MessageRole).toString(), QString("port busy"));
        QCOMPARE(model.index(2).data(LogListModel::LevelNameRole).toString(), QString("warning"));

        model.setMinimumLevel(LogListModel::Info);
        QCOMPARE(model.rowCount(), 2);
        model.setFilterText("READER");  // case-insensitive, message or category
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(LogListModel::MessageRole).toString(),
                 QString("reader added"));
        model.setFilterText("service");
        QCOMPARE(model.rowCount(), 1);
        add(LogEntry::Level::Critical, "openausweis.card", "card gone");
        QCoreApplication::processEvents();
        QCOMPARE(model.rowCount(), 1);

        QTemporaryDir dir;
        QVERIFY(model.exportTo(dir.path() + "/export.txt"));
        const QString exported = readFile(dir.path() + "/export.txt");
        QCOMPARE(exported.count('\n'), 1);
        QVERIFY(exported.contains("warning openausweis.service: port busy"));
        QCOMPARE(exported, model.shownText());
        QVERIFY(!model.exportTo(dir.path() + "/missing/folder/export.txt"));
        QVERIFY(!model.exportTo(QString()));
    }

    void logsPageListsTheInstalledBooksMessages() {
        QTemporaryDir dir;
        LogBook book(dir.path());
        book.install();
        qCInfo(lcShellTest) << "before the window";
        Fixture f;
        QVERIFY(f.desktop->start());
        auto* list = f.find("logList");
        QVERIFY(list);
        QTRY_VERIFY(list->property("count").toInt() >= 1);
        const int before = list->property("count").toInt();
        qCWarning(lcShellTest) << "while the window is open";
        QTRY_COMPARE(list->property("count").toInt(), before + 1);
        f.find("logFilter")->setProperty("text", "");
        f.desktop->logs().setFilterText("while the window");
        QCOMPARE(list->property("count").toInt(), 1);
    }

    void autostartEntryComesFromTheTemplateAndPointsAtThisProgram() {
        QTemporaryDir dir;
        Autostart autostart(dir.path());
        QCOMPARE(autostart.entryPath(), dir.path() + "/autostart/openausweis.desktop");
        QVERIFY(!autostart.isEnabled());
        QVERIFY(autostart.enable("/opt/Open Ausweis/openausweis").ok());
        QVERIFY(autostart.isEnabled());
        const QString entry = readFile(autostart.entryPath());
        QVERIFY(entry.contains("[Desktop Entry]"));
        QVERIFY2(entry.contains("\nExec=\"/opt/Open Ausweis/openausweis\" --background\n"),
                 qPrintable(entry));
        QVERIFY(autostart.disable().ok());
        QVERIFY(!autostart.isEnabled());
        QVERIFY(autostart.disable().ok());  // already off: nothing to do
    }

    void settingsPersistAndAutostartFollowsTheSwitch() {
        QTemporaryDir dir;
        {
            AppSettings settings(
                Autostart(dir.path()), [] { return false; }, "/usr/bin/openausweis");
            QCOMPARE(settings.developerMode(), false);
            QCOMPARE(settings.trayIcon(), true);
            settings.setDeveloperMode(true);
            settings.setPreferredReader("REINER SCT cyberJack");
            settings.setTrayIcon(false);
            settings.setAutostart(true);
            QVERIFY(settings.autostart());
            QVERIFY(settings.autostartProblem().isEmpty());
        }
        AppSettings again(
            Autostart(dir.path()), [] { return false; }, "/usr/bin/openausweis");
        QVERIFY(again.developerMode());
        QCOMPARE(again.preferredReader(), QString("REINER SCT cyberJack"));
        QVERIFY(!again.trayIcon());
        QVERIFY(again.autostart());
        again.setAutostart(false);
        QVERIFY(!QFile::exists(dir.path() + "/autostart/openausweis.desktop"));

        // A file where the folder should be: the user learns autostart could not be turned on.
        QFile blocker(dir.path() + "/blocked");
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        AppSettings blocked(
            Autostart(dir.path() + "/blocked"), [] { return false; }, "x");
        blocked.setAutostart(true);
        QVERIFY(!blocked.autostart());
        QVERIFY(!blocked.autostartProblem().isEmpty());
    }

    void closingTheWindowKeepsTheAppOnlyWithATrayIcon() {
        QVERIFY(keepsRunningWhenWindowCloses(true, true));
        QVERIFY(!keepsRunningWhenWindowCloses(true, false));
        QVERIFY(!keepsRunningWhenWindowCloses(false, true));
        // The test runs under QGuiApplication: no tray, so closing quits.
        QVERIFY(!TrayIcon::systemTrayAvailable());
        Fixture f;
        QVERIFY(f.desktop->start());
        TrayIcon tray(f.desktop->settings(), f.desktop->window());
        QVERIFY(!tray.shown());
        QVERIFY(QGuiApplication::quitOnLastWindowClosed());
        QCOMPARE(f.find("closeBehaviour")->property("text").toString(),
                 QString("This desktop has no system tray, so closing the window quits "
                         "OpenAusweis; the browser can then not reach it."));
        // Turning the icon off while the window is hidden brings the window back.
        f.desktop->window()->hide();
        f.desktop->settings().setTrayIcon(false);
        QVERIFY(f.desktop->window()->isVisible());
    }

    void backgroundStartHidesTheWindowAndOptionParses() {
        const char* args[] = {"openausweis", "--background"};
        const AppOptions options = parseAppOptions(2, args);
        QCOMPARE(options.mode, AppOptions::Mode::Window);
        QVERIFY(options.background);
        Fixture f;
        QVERIFY(f.desktop->start(false));
        QVERIFY(!f.desktop->window()->isVisible());
    }

    void developerModeMarksTheWholeWindowAndReachesTheWorkflows() {
        Fixture f;
        QVERIFY(f.desktop->start());
        auto* bar = f.find<QQuickItem>("developerModeBar");
        QVERIFY(bar);
        QVERIFY(!bar->isVisible());
        QCOMPARE(f.desktop->window()->title(), QString("OpenAusweis"));
        QVERIFY(!f.desktop->selfRead().developerMode());

        f.find("developerMode")->setProperty("checked", true);
        QMetaObject::invokeMethod(f.find("developerMode"), "toggled");
        QVERIFY(f.desktop->settings().developerMode());
        QVERIFY(bar->isVisible());
        QCOMPARE(f.desktop->window()->title(), QString("OpenAusweis (developer mode)"));
        QVERIFY(f.desktop->selfRead().developerMode());
        QVERIFY(f.desktop->diagnosis().text().contains("Developer mode (test PKI trusted): on"));
        QCOMPARE(QSettings().value("developerMode").toBool(), true);

        f.desktop->language().setCode("de");
        QCOMPARE(f.desktop->window()->title(), QString("OpenAusweis (Entwicklermodus)"));
        f.desktop->language().setCode("en");
        f.desktop->settings().setDeveloperMode(false);
        QVERIFY(!bar->isVisible());
        QVERIFY(!f.desktop->selfRead().developerMode());
    }

    void aConnectedSdkClientIsNamedOnEveryScreenUntilItLeaves() {
        Fixture f;
        QVERIFY(f.desktop->start());
        SdkClientStatus sdkClient;
        f.desktop->window()->setProperty("sdkClient", QVariant::fromValue(&sdkClient));
        auto* banner = f.find<QQuickItem>("sdkClientBanner");
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());

        sdkClient.update(true, QStringLiteral("Steuer\x01"
                                              "App/2.1"));
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->property("title").toString(),
                 QString("Controlled by another application: SteuerApp/2.1"));
        sdkClient.update(true, QString());
        QCOMPARE(banner->property("title").toString(),
                 QString("Controlled by another application"));

        sdkClient.update(false, QString());
        QVERIFY(!banner->isVisible());
    }

    void preferredReaderGetsTheCardOperationsWhileItHoldsACard() {
        Fixture f;
        QVERIFY(f.desktop->start());
        auto& readers = f.desktop->readers();
        f.pcsc->setReaders({reader("First", true), reader("Second", true)});
        QTRY_COMPARE_WITH_TIMEOUT(readers.cardCount(), 2, kVisibleWithinMs);
        QCOMPARE(readers.firstCardReader()->name, std::string("First"));
        QCOMPARE(readers.names(), QStringList({"First", "Second"}));

        auto* choice = f.find("preferredReader");
        QCOMPARE(choice->property("count").toInt(), 3);
        QMetaObject::invokeMethod(choice, "activated", Q_ARG(int, 2));
        QCOMPARE(f.desktop->settings().preferredReader(), QString("Second"));
        QCOMPARE(readers.firstCardReader()->name, std::string("Second"));

        f.pcsc->setReaders({reader("First", true), reader("Second", false)});
        QTRY_COMPARE_WITH_TIMEOUT(readers.cardCount(), 1, kVisibleWithinMs);
        QCOMPARE(readers.firstCardReader()->name, std::string("First"));

        // Unplugged, the choice stays listed and selected.
        f.pcsc->setReaders({reader("First", true)});
        QTRY_COMPARE_WITH_TIMEOUT(readers.rowCount(), 1, kVisibleWithinMs);
        QCOMPARE(choice->property("count").toInt(), 3);
        QCOMPARE(choice->property("currentIndex").toInt(), 2);
        QMetaObject::invokeMethod(choice, "activated", Q_ARG(int, 0));
        QCOMPARE(f.desktop->settings().preferredReader(), QString());
    }

    void showUiModulesOpenTheirScreens() {
        Fixture f;
        QVERIFY(f.desktop->start());
        auto* navigation = f.find("navigation");
        const QList<std::pair<QString, const char*>> modules{
            {"SETTINGS", "settingsPage"},
            {"PINMANAGEMENT", "pinManagementPage"},
            {"HELP", "helpPage"},
            {"SELF_AUTHENTICATION", "myDataPage"},
            {"UPDATEINFORMATION", "helpPage"},
            {"IDENTIFY", "startPage"},
            {"DEFAULT", "startPage"},
            {"ONBOARDING", "startPage"},
        };
        for (const auto& [module, page] : modules) {
            QCOMPARE(f.showModule(module), QString(page));
            QCOMPARE(navigation->property("currentIndex").toInt(), f.pageIndexOf(page));
            QVERIFY(f.pageIndexOf(page) >= 0);
        }
        f.showModule("SETTINGS");
        QCOMPARE(f.showModule("CURRENT"), QString("settingsPage"));
        QCOMPARE(navigation->property("currentIndex").toInt(), f.pageIndexOf("settingsPage"));
    }

    void diagnosisReportNamesVersionsServiceReadersAndCards() {
        Fixture f;
        QVERIFY(f.desktop->start());
        f.pcsc->setReaders({reader("REINER SCT cyberJack RFID basis", true)});
        QTRY_COMPARE_WITH_TIMEOUT(f.desktop->readers().cardCount(), 1, kVisibleWithinMs);
        const QString report = f.desktop->diagnosis().text();
        QVERIFY(report.contains(QString("Qt %1").arg(qVersion())));
        QVERIFY(report.contains("OpenSSL 3."));
        QVERIFY(report.contains("pcsc-lite 1."));
        QVERIFY(report.contains("pcscd socket"));
        QVERIFY(report.contains("Backend pcsc: service available, 1 reader(s)"));
        QVERIFY(report.contains("REINER SCT cyberJack RFID basis: card present, ATR 3B8A8001"));
        QVERIFY(report.contains("Autostart: off"));
        QCOMPARE(f.find("diagnosisReport")->property("text").toString(), report);

        f.pcsc->setServiceUp(false);
        QTRY_VERIFY_WITH_TIMEOUT(f.desktop->diagnosis().text().contains("NOT available"),
                                 kVisibleWithinMs);
    }
};

QTEST_MAIN(ShellTest)
#include "ShellTest.moc"
