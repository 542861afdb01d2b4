#include <QtQml/qqmlextensionplugin.h>
#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <memory>

#include "FakeReaderBackend.h"
#include "app/AppOptions.h"
#include "app/Desktop.h"
#include "base/Version.h"

Q_IMPORT_QML_PLUGIN(OpenAusweisPlugin)

using namespace oa;
using oa::test::FakeReaderBackend;

namespace {

// Insert and remove must show within this time (issue "Foundation", live readers).
constexpr int kVisibleWithinMs = 1000;

QStringList qmlWarnings;

// Any message that comes from QML or JavaScript fails the test that caused it.
void collectQmlWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    const QByteArray category = context.category ? context.category : "";
    const bool fromQml = category == "qml" || category == "js" || message.contains("qrc:/") ||
                         QByteArray(context.file ? context.file : "").startsWith("qrc:/");
    if (type != QtDebugMsg && type != QtInfoMsg && fromQml) qmlWarnings << message;
    if (type != QtDebugMsg) fprintf(stderr, "%s\n", qPrintable(message));
}

ReaderInfo reader(const std::string& name, bool card = false) {
    return {name, "pcsc", card, card ? Bytes{0x3B, 0x8A, 0x80, 0x01} : Bytes{}};
}

// A desktop over two fake backends: one real-looking, one standing in for the simulator.
struct Fixture {
    FakeReaderBackend* pcsc;
    FakeReaderBackend* simulator;
    std::unique_ptr<Desktop> desktop;
    // Checks every row signal the model emits against its contents.
    std::unique_ptr<QAbstractItemModelTester> modelTester;

    Fixture() {
        auto pcscBackend = std::make_unique<FakeReaderBackend>("pcsc");
        auto simulatorBackend = std::make_unique<FakeReaderBackend>("simulator");
        pcsc = pcscBackend.get();
        simulator = simulatorBackend.get();
        desktop = std::make_unique<Desktop>(std::vector<ReaderFeed*>{
            new ReaderFeed(std::move(pcscBackend), false),
            new ReaderFeed(std::move(simulatorBackend), true),
        });
        modelTester = std::make_unique<QAbstractItemModelTester>(
            &desktop->readers(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    template <typename T = QObject>
    T* find(const char* objectName) const {
        return desktop->window() ? desktop->window()->findChild<T*>(objectName) : nullptr;
    }
    QString statusTitle() const { return find("readerStatus")->property("title").toString(); }
};

}  // namespace

class DesktopSmokeTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("OpenAusweisTest");
        QCoreApplication::setApplicationName("openausweis-gui-test");
        QQuickStyle::setStyle("Material");
        qInstallMessageHandler(collectQmlWarnings);
    }

    void init() {
        QSettings().clear();
        QSettings().setValue("language", "en");
        qmlWarnings.clear();
    }

    void cleanup() { QVERIFY2(qmlWarnings.isEmpty(), qPrintable(qmlWarnings.join('\n'))); }

    void mainWindowLoadsWithoutQmlWarnings() {
        Fixture f;
        QVERIFY(f.desktop->start());
        QCOMPARE(f.desktop->window()->title(), QString("OpenAusweis"));
        QVERIFY(QTest::qWaitForWindowExposed(f.desktop->window()));
        const auto* version = f.find("aboutVersion");
        QVERIFY(version);
        QVERIFY(version->property("text").toString().contains(QString::fromLatin1(kVersion)));
    }

    void readerPluggedIntoBackendAppearsAndDisappearsWithinOneSecond() {
        Fixture f;
        QVERIFY(f.desktop->start());
        auto& model = f.desktop->readers();
        auto* list = f.find("startReaderList");
        QVERIFY(list);
        QCOMPARE(model.rowCount(), 0);

        QElapsedTimer clock;
        clock.start();
        f.pcsc->setReaders({reader("REINER SCT cyberJack RFID basis")});
        QTRY_COMPARE_WITH_TIMEOUT(list->property("count").toInt(), 1, kVisibleWithinMs);
        qInfo("reader shown after %lld ms", clock.elapsed());
        const auto row = model.index(0);
        QCOMPARE(row.data(ReaderListModel::NameRole).toString(),
                 QString("REINER SCT cyberJack RFID basis"));
        QCOMPARE(row.data(ReaderListModel::BackendRole).toString(), QString("pcsc"));
        QCOMPARE(row.data(ReaderListModel::CardPresentRole).toBool(), false);
        QCOMPARE(f.statusTitle(), QString("Place your ID card on the reader"));

        clock.restart();
        f.pcsc->setReaders({reader("REINER SCT cyberJack RFID basis", true)});
        QTRY_COMPARE_WITH_TIMEOUT(model.index(0).data(ReaderListModel::CardPresentRole).toBool(),
                                  true, kVisibleWithinMs);
        qInfo("card shown after %lld ms", clock.elapsed());
        QCOMPARE(model.index(0).data(ReaderListModel::AtrRole).toString(), QString("3B8A8001"));
        QCOMPARE(f.statusTitle(), QString("Your ID card is ready"));

        clock.restart();
        f.pcsc->setReaders({});
        QTRY_COMPARE_WITH_TIMEOUT(list->property("count").toInt(), 0, kVisibleWithinMs);
        qInfo("reader gone after %lld ms", clock.elapsed());
        QCOMPARE(f.statusTitle(), QString("No card reader connected"));
    }

    void demoCardShowsOnlyWhileNoRealReaderIsConnected() {
        Fixture f;
        f.simulator->setReaders({{"Simulator", "simulator", true, {0x3B, 0x00}}});
        QVERIFY(f.desktop->start());
        auto& model = f.desktop->readers();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, kVisibleWithinMs);
        QCOMPARE(model.index(0).data(ReaderListModel::SimulatedRole).toBool(), true);
        QVERIFY(model.demoActive());

        f.pcsc->setReaders({reader("Real reader")});
        QTRY_VERIFY_WITH_TIMEOUT(!model.demoActive(), kVisibleWithinMs);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(ReaderListModel::NameRole).toString(), QString("Real reader"));

        model.setDemoMode(ReaderListModel::DemoMode::Always);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data(ReaderListModel::SimulatedRole).toBool(), true);
        model.setDemoMode(ReaderListModel::DemoMode::Off);
        f.pcsc->setReaders({});
        QTRY_COMPARE_WITH_TIMEOUT(model.realReaderCount(), 0, kVisibleWithinMs);
        QCOMPARE(model.rowCount(), 0);
    }

    void serviceLossIsShownAndRecoveryClearsIt() {
        Fixture f;
        QVERIFY(f.desktop->start());
        auto& model = f.desktop->readers();
        f.pcsc->setServiceUp(false);
        QTRY_VERIFY_WITH_TIMEOUT(!model.serviceAvailable(), kVisibleWithinMs);
        QCOMPARE(f.statusTitle(), QString("The smart card service is not running"));
        QVERIFY(model.diagnosisReport().contains("NOT available"));

        f.pcsc->setServiceUp(true);
        QTRY_VERIFY_WITH_TIMEOUT(model.serviceAvailable(), kVisibleWithinMs);
        QCOMPARE(f.statusTitle(), QString("No card reader connected"));
    }

    void languageSwitchTranslatesVisibleTextWithoutRestart() {
        Fixture f;
        QVERIFY(f.desktop->start());
        QTRY_COMPARE(f.statusTitle(), QString("No card reader connected"));

        f.desktop->language().setCode("de");
        QCOMPARE(f.desktop->language().code(), QString("de"));
        QCOMPARE(f.statusTitle(), QString("Kein Kartenleser angeschlossen"));

        f.desktop->language().setCode("en");
        QCOMPARE(f.statusTitle(), QString("No card reader connected"));
        QCOMPARE(QSettings().value("language").toString(), QString("en"));
    }

    // Set OA_GUI_SCREENSHOT_DIR to keep a picture of every screen for review.
    void keyboardReachesEveryScreen() {
        Fixture f;
        f.simulator->setReaders({{"Simulator", "simulator", true, {0x3B, 0x00}}});
        QVERIFY(f.desktop->start());
        auto* window = f.desktop->window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto* navigation = f.find("navigation");
        QVERIFY(navigation);
        QTRY_COMPARE_WITH_TIMEOUT(f.desktop->readers().rowCount(), 1, kVisibleWithinMs);
        window->requestActivate();
        QTRY_VERIFY(window->activeFocusItem());
        const QString shots = qEnvironmentVariable("OA_GUI_SCREENSHOT_DIR");
        // In the navigation's order: the replacement PIN (page 7) follows PIN management.
        for (int screen : {0, 1, 2, 7, 3, 4, 5, 6}) {
            QCOMPARE(navigation->property("currentIndex").toInt(), screen);
            if (!shots.isEmpty()) {
                QVERIFY(
                    window->grabWindow().save(QString("%1/screen-%2.png").arg(shots).arg(screen)));
            }
            QTest::keyClick(window, Qt::Key_Down);
            QTest::keyClick(window, Qt::Key_Return);
        }
        QCOMPARE(navigation->property("currentIndex").toInt(), 6);
    }

    void modelFollowsBackendOrderAndReportsCardChangesAsDataChanges() {
        ReaderListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.update("pcsc", false, {reader("A"), reader("B")}, true);
        model.update("pcsc", false, {reader("B"), reader("A")}, true);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(ReaderListModel::NameRole).toString(), QString("B"));
        QCOMPARE(model.index(1).data(ReaderListModel::NameRole).toString(), QString("A"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.update("pcsc", false, {reader("B"), reader("A", true)}, true);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().value<QModelIndex>().row(), 1);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(model.cardCount(), 1);
    }

    void versionAndHelpWinOverHeadlessAndQtOptionsPassThrough() {
        using Mode = AppOptions::Mode;
        const auto parse = [](std::vector<const char*> args) {
            args.insert(args.begin(), "openausweis");
            return parseAppOptions(static_cast<int>(args.size()), args.data()).mode;
        };
        QCOMPARE(parse({}), Mode::Window);
        QCOMPARE(parse({"-platform", "offscreen"}), Mode::Window);
        QCOMPARE(parse({"--headless"}), Mode::Headless);
        QCOMPARE(parse({"--headless", "--version"}), Mode::Version);
        QCOMPARE(parse({"--help", "--headless"}), Mode::Help);
        QVERIFY(versionText() == std::string("openausweis ") + kVersion + "\n");
    }

    void unknownLanguageIsIgnored() {
        Fixture f;
        QVERIFY(f.desktop->start());
        f.desktop->language().setCode("xx");
        QCOMPARE(f.desktop->language().code(), QString("en"));
    }
};

QTEST_MAIN(DesktopSmokeTest)
#include "DesktopSmokeTest.moc"
