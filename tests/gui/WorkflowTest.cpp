#include <QtQml/qqmlextensionplugin.h>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>

#include "GuiTestCase.h"
#include "app/Desktop.h"
#include "app/LogBook.h"
#include "app/PinManagementController.h"
#include "app/SelfReadController.h"
#include "card/sim/SimulatorBackend.h"
#include "sim/card/CardProfile.h"
#include "sim/card/VirtualCard.h"

Q_IMPORT_QML_PLUGIN(OpenAusweisPlugin)

using namespace oa;
using namespace oa::test;

namespace {

std::shared_ptr<VirtualCard> cardWith(const std::string& profileName,
                                      void (*adjust)(sim::PinState&) = nullptr) {
    auto profile = sim::builtInProfile(profileName);
    if (adjust) adjust(profile->pinState);
    return std::make_shared<VirtualCard>(std::move(*profile));
}

// The simulator's reader holding `card`; connect() records whether it ran off the GUI thread.
struct SimulatorReader {
    std::shared_ptr<SimulatorBackend> backend;
    std::shared_ptr<std::atomic<int>> connectsOnGuiThread = std::make_shared<std::atomic<int>>(0);

    explicit SimulatorReader(std::shared_ptr<VirtualCard> card)
        : backend(std::make_shared<SimulatorBackend>(std::move(card))) {}

    CardChooser chooser() const {
        return [backend = backend, onGui = connectsOnGuiThread]() -> std::optional<CardChoice> {
            return CardChoice{QStringLiteral("Simulator"), true, [backend, onGui] {
                                  if (QThread::currentThread() == qApp->thread()) ++*onGui;
                                  return backend->connect(SimulatorBackend::kReaderName);
                              }};
        };
    }
};

// The texts of every visible item under `item`, delegates included.
QStringList visibleText(QQuickItem* item) {
    QStringList texts;
    if (!item->isVisible()) return texts;
    const QString text = item->property("text").toString();
    if (!text.isEmpty()) texts << text;
    for (auto* child : item->childItems())
        texts << visibleText(child);
    return texts;
}

// The visible button under `item` whose text is `text`.
QQuickItem* findButton(QQuickItem* item, const QString& text) {
    if (!item->isVisible()) return nullptr;
    if (item->inherits("QQuickAbstractButton") && item->property("text").toString() == text)
        return item;
    for (auto* child : item->childItems())
        if (auto* found = findButton(child, text)) return found;
    return nullptr;
}

void clickItem(QQuickWindow* window, QQuickItem* item) {
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, {}, centre.toPoint());
}

}  // namespace

class WorkflowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { startGuiTestCase("openausweis-gui-workflow-test"); }

    void init() {
        QSettings().clear();
        QSettings().setValue("language", "en");
        qmlWarnings.clear();
    }

    void cleanup() { QVERIFY2(qmlWarnings.isEmpty(), qPrintable(qmlWarnings.join('\n'))); }

    void pinStatusShowsEveryStateWithItsNextStep_data() {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<int>("retries");
        QTest::addColumn<int>("pukUses");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("nextStep");
        QTest::addColumn<int>("triesLeft");
        QTest::newRow("operational") << "mustermann" << 3 << 10 << "operational"
                                     << "none" << 3;
        QTest::newRow("two tries") << "mustermann" << 2 << 10 << "two-tries-left"
                                   << "enterPinCarefully" << 2;
        QTest::newRow("suspended") << "mustermann" << 1 << 10 << "suspended"
                                   << "enterCanThenPin" << 1;
        QTest::newRow("blocked") << "mustermann" << 0 << 10 << "blocked"
                                 << "unblockWithPuk" << 0;
        QTest::newRow("deactivated") << "deactivated" << 3 << 10 << "deactivated"
                                     << "activateAtAuthority" << -2;
    }
    void pinStatusShowsEveryStateWithItsNextStep() {
        QFETCH(QString, profile);
        QFETCH(int, retries);
        QFETCH(int, pukUses);
        auto built = sim::builtInProfile(profile.toStdString());
        QVERIFY(built);
        built->pinState.retryCounter = retries;
        built->pinState.pukUsesLeft = pukUses;
        SimulatorReader reader(std::make_shared<VirtualCard>(std::move(*built)));
        PinManagementController controller(reader.chooser());
        QVERIFY(!controller.statusKnown());

        QVERIFY(controller.readStatus());
        QVERIFY(controller.busy());
        QVERIFY(waitUntilFinished(controller));
        QCOMPARE(controller.outcome(), QString("statusRead"));
        QVERIFY(controller.succeeded());
        QVERIFY(controller.statusKnown());
        QTEST(controller.status(), "status");
        QTEST(controller.nextStep(), "nextStep");
        QFETCH(int, triesLeft);
        if (triesLeft != -2) QCOMPARE(controller.triesLeft(), triesLeft);
        QVERIFY(!controller.statusDetail().isEmpty());
        QCOMPARE(reader.connectsOnGuiThread->load(), 0);
    }

    void changedPinIsTheOneTheCardAcceptsNext() {
        SimulatorReader reader(cardWith("mustermann"));
        PinManagementController controller(reader.chooser());
        QVERIFY(controller.changePin("123456", "246810"));
        QVERIFY(waitUntilFinished(controller));
        QCOMPARE(controller.outcome(), QString("pinChanged"));
        QCOMPARE(controller.status(), QString("operational"));
        QCOMPARE(controller.step(), int(PinManagementController::Done));

        // The old PIN is wrong now; the new one works.
        QVERIFY(controller.changePin("123456", "135790"));
        QVERIFY(waitUntilFinished(controller));
        QCOMPARE(controller.outcome(), QString("wrongPin"));
        QVERIFY(!controller.succeeded());
        // Nothing was written: the step list stops at the PIN check.
        QCOMPARE(controller.step(), int(PinManagementController::Pace));
        QCOMPARE(controller.status(), QString("two-tries-left"));
        QVERIFY(!controller.detail().isEmpty());
        QVERIFY(controller.changePin("246810", "135790"));
        QVERIFY(waitUntilFinished(controller));
        QCOMPARE(controller.outcome(), QString("pinChanged"));
        QCOMPARE(controller.status(), QString("operational"));
        QCOMPARE(controller.triesLeft(), 3);
    }

    void transportPinIsReplacedOnFirstUse() {
        SimulatorReader reader(cardWith("transport-pin"));
        PinManagementController controller(reader.chooser());
        QVERIFY(controller.changePin("12345", "246810"));
        QVERIFY(waitUntilFinished(controller));
        QCOMPARE(controller.outcome(), QString("pinChanged"));
        QCOMPARE(controller.status(), QString("operational"));
    }

    void suspendedPinIsChangedAfterTheCan() {
        SimulatorReader reader(
            cardWith("mustermann", [](sim::PinState& s) { s.retryCounter = 1; }));
        PinManagementController controller(reader.chooser());
        QVERIFY(controller.changePin("123456", "246810", "500540"));
        QVERIFY(waitUntilFinished(controller));
        QCOMPARE(controller.outcome(), QString("pinChanged"));
        QCOMPARE(controller.status(), QString("operational"));
    }

    void blockedPinIsUnblockedWithThePuk() {
        SimulatorReader reader(
            cardWith("mustermann", [](sim::PinState& s) { s.retryCounter = 0; }));
        PinManagementController controller(reader.chooser());
        QVERIFY(controller.unblockPin("9876543210"));
        QVERIFY(waitUntilFinished(controller));
        QCOMPARE(controller.outcome(), QString("pinUnblocked"));
        QCOMPARE(controller.status(), QString("operational"));
        QCOMPARE(controller.triesLeft(), 3);
    }

    // MSE:Set AT cannot tell a used-up PUK from a blocked PIN; the refused PUK does.
    void usedUpPukIsExplainedOnceTheCardRefusesIt() {
        SimulatorReader reader(cardWith("mustermann", [](sim::PinState& s) {
            s.retryCounter = 0;
            s.pukUsesLeft = 0;
        }));
        PinManagementController controller(reader.chooser());
        QVERIFY(controller.unblockPin("9876543210"));
        QVERIFY(waitUntilFinished(controller));
        QCOMPARE(controller.outcome(), QString("failed"));
        QCOMPARE(controller.status(), QString("puk-inoperative"));
        QCOMPARE(controller.nextStep(), QString("contactAuthority"));
    }

    void malformedSecretsAreRefusedWithoutTouchingTheCard() {
        SimulatorReader reader(cardWith("mustermann"));
        PinManagementController controller(reader.chooser());
        QVERIFY(!controller.changePin("12a456", "246810"));
        QCOMPARE(controller.outcome(), QString("wrongInput"));
        QVERIFY(!controller.changePin("123456", "24681"));
        QVERIFY(!controller.changePin("123456", "246810", "5005"));
        QVERIFY(!controller.unblockPin("987654321"));
        QCOMPARE(controller.outcome(), QString("wrongInput"));
        QVERIFY(!controller.busy());
        QCOMPARE(reader.backend->card()->pinState().retryCounter, 3);
    }

    void withoutACardTheOutcomeSaysSo() {
        PinManagementController controller([] { return std::optional<CardChoice>(); });
        QVERIFY(!controller.readStatus());
        QCOMPARE(controller.outcome(), QString("noCard"));
        SelfReadController selfRead([] { return std::optional<CardChoice>(); });
        QVERIFY(!selfRead.read("123456"));
        QCOMPARE(selfRead.outcome(), QString("noCard"));
    }

    void myDataShowsTheTestPersonStepByStep() {
        SimulatorReader reader(cardWith("mustermann"));
        SelfReadController controller(reader.chooser());
        QList<int> steps;
        connect(&controller, &CardOperation::stateChanged, this, [&] {
            if (steps.isEmpty() || steps.last() != controller.step()) steps << controller.step();
        });
        QVERIFY(controller.read("123456"));
        QVERIFY(controller.demo());
        QVERIFY(waitUntilFinished(controller));
        QCOMPARE(controller.outcome(), QString("dataRead"));
        QVERIFY2(controller.succeeded(), qPrintable(controller.detail()));
        QCOMPARE(controller.data()->valueOf("Given names"), QString("ERIKA"));
        QCOMPARE(controller.data()->valueOf("Family names"), QString("MUSTERMANN"));
        QCOMPARE(controller.data()->valueOf("Birth name"), QString("GABLER"));
        QVERIFY(controller.data()->rowCount() >= 10);
        using Step = SelfReadController::Step;
        QCOMPARE(steps, (QList<int>{Step::Connecting, Step::Pace, Step::TerminalAuthentication,
                                    Step::ChipAuthentication, Step::Reading, Step::Done}));
        QCOMPARE(reader.connectsOnGuiThread->load(), 0);
    }

    void myDataWithAWrongPinShowsNoDataAndTheTriesLeft() {
        SimulatorReader reader(cardWith("mustermann"));
        SelfReadController controller(reader.chooser());
        QVERIFY(controller.read("111111"));
        QVERIFY(waitUntilFinished(controller));
        QCOMPARE(controller.outcome(), QString("failed"));
        QCOMPARE(controller.pinStatus(), QString("two-tries-left"));
        QCOMPARE(controller.data()->rowCount(), 0);
    }

    void myDataLabelsFollowTheLanguage() {
        Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(), true)});
        QVERIFY(desktop.start());
        EidDataListModel& model = *desktop.selfRead().data();
        model.setRows({{"Given names", "ERIKA"}});
        QSignalSpy relabelled(&model, &QAbstractItemModel::dataChanged);
        desktop.language().setCode("de");
        QCOMPARE(relabelled.count(), 1);
        QCOMPARE(model.index(0).data(EidDataListModel::LabelRole).toString(), QString("Vornamen"));
        QCOMPARE(model.index(0).data(EidDataListModel::ValueRole).toString(), QString("ERIKA"));
        desktop.language().setCode("en");
        QCOMPARE(model.index(0).data(EidDataListModel::LabelRole).toString(),
                 QString("Given names"));
    }

    // The whole way a first user takes: demo card, "My data", PIN typed, card view with the
    // test person and the demo marker.
    void clickingThroughMyDataWithTheVirtualCardShowsTheTestPerson() {
        Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(), true)});
        QVERIFY(desktop.start());
        auto* window = desktop.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_COMPARE_WITH_TIMEOUT(desktop.readers().cardCount(), 1, kOperationLimitMs);

        auto* navigation = window->findChild<QQuickItem*>("myDataNavigation");
        QVERIFY(navigation);
        clickItem(window, navigation);
        QTRY_COMPARE(window->findChild<QObject*>("navigation")->property("currentIndex").toInt(),
                     1);

        auto* pinInput = window->findChild<QQuickItem*>("myDataPinFieldInput");
        auto* readButton = window->findChild<QQuickItem*>("readMyDataButton");
        QVERIFY(pinInput && readButton);
        QTRY_VERIFY(pinInput->isVisible());
        QVERIFY(!readButton->isEnabled());
        clickItem(window, pinInput);
        QTRY_VERIFY(pinInput->hasActiveFocus());
        for (const char digit : std::string("123456"))
            QTest::keyClick(window, digit);
        QCOMPARE(pinInput->property("text").toString().size(), 6);
        QTRY_VERIFY(readButton->isEnabled());
        clickItem(window, readButton);
        // The secret leaves the field as soon as it is handed over.
        QCOMPARE(pinInput->property("text").toString(), QString());

        QVERIFY(waitUntilFinished(desktop.selfRead()));
        QVERIFY2(desktop.selfRead().succeeded(), qPrintable(desktop.selfRead().detail()));
        auto* card = window->findChild<QQuickItem*>("myDataCard");
        QVERIFY(card);
        QTRY_VERIFY(card->isVisible());
        QVERIFY(visibleText(card).contains("ERIKA"));
        QVERIFY(visibleText(card).contains("MUSTERMANN"));
        bool demoMarked = false;
        for (auto* banner : window->findChildren<QQuickItem*>("demoBanner"))
            demoMarked |=
                banner->isVisible() && banner->property("title").toString().startsWith("DEMO");
        QVERIFY(demoMarked);
        const QString shots = qEnvironmentVariable("OA_GUI_SCREENSHOT_DIR");
        if (!shots.isEmpty()) QVERIFY(window->grabWindow().save(shots + "/my-data-read.png"));
    }

    // PIN management through the page: the current PIN from the on-screen keypad, the new one
    // typed, the card's answer shown in words.
    void changingThePinThroughThePageWithTheKeypad() {
        Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(), true)});
        QVERIFY(desktop.start());
        auto* window = desktop.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_COMPARE_WITH_TIMEOUT(desktop.readers().cardCount(), 1, kOperationLimitMs);
        clickItem(window, window->findChild<QQuickItem*>("pinNavigation"));
        auto* current = window->findChild<QQuickItem*>("currentPinField");
        QVERIFY(current);
        QTRY_VERIFY(current->isVisible());

        window->resize(window->width(), 1400);  // keypad and form fit without scrolling
        current->setProperty("keypadShown", true);
        QTRY_VERIFY(findButton(current, "1"));
        for (const char* digit : {"1", "2", "3", "4", "5", "6"})
            clickItem(window, findButton(current, digit));
        QCOMPARE(current->property("text").toString(), QString("123456"));
        clickItem(window, findButton(current, "\u232b"));
        QCOMPARE(current->property("text").toString(), QString("12345"));
        clickItem(window, findButton(current, "6"));

        for (const char* name : {"newPinFieldInput", "repeatPinFieldInput"}) {
            auto* input = window->findChild<QQuickItem*>(name);
            input->forceActiveFocus();
            for (const char digit : std::string("246810"))
                QTest::keyClick(window, digit);
        }
        auto* change = window->findChild<QQuickItem*>("changePinButton");
        QTRY_VERIFY(change->isEnabled());
        clickItem(window, change);
        QCOMPARE(current->property("text").toString(), QString());
        QVERIFY(waitUntilFinished(desktop.pinManagement()));
        QCOMPARE(desktop.pinManagement().outcome(), QString("pinChanged"));
        auto* result = window->findChild<QQuickItem*>("pinResultPanel");
        QTRY_VERIFY(result->isVisible());
        QCOMPARE(result->property("title").toString(),
                 QString("Your PIN was changed. Use the new six-digit PIN from now on."));
        QCOMPARE(window->findChild<QQuickItem*>("pinStatusPanel")->property("title").toString(),
                 QString("Your PIN is ready to use"));
    }

    // scripts/screenshots.sh runs this under Xvfb; without OA_GUI_SCREENSHOT_DIR it is skipped.
    void screenshotsOfTheMainScreens() {
        const QString shots = qEnvironmentVariable("OA_GUI_SCREENSHOT_DIR");
        if (shots.isEmpty()) QSKIP("OA_GUI_SCREENSHOT_DIR not set");
        const QStringList pages{"start", "my-data", "pin-management", "readers", "settings",
                                "logs",  "help"};
        for (const QString language : {"en", "de"}) {
            // The Logs page shows this run's messages, as in the app.
            LogBook log{QString()};
            log.install();
            Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(), true)});
            desktop.language().setCode(language);
            QVERIFY(desktop.start());
            auto* window = desktop.window();
            QVERIFY(QTest::qWaitForWindowExposed(window));
            QTRY_COMPARE_WITH_TIMEOUT(desktop.readers().cardCount(), 1, kOperationLimitMs);
            auto* navigation = window->findChild<QObject*>("navigation");
            const auto shoot = [&](const QString& name) {
                QTest::qWait(200);  // let the page settle (animations) before the picture
                return window->grabWindow().save(
                    QString("%1/%2-%3.png").arg(shots, language, name));
            };
            for (int page = 0; page < pages.size(); ++page) {
                navigation->setProperty("currentIndex", page);
                QVERIFY(shoot(pages[page]));
            }

            navigation->setProperty("currentIndex", 1);
            window->findChild<QQuickItem*>("myDataPinFieldInput")->setProperty("text", "123456");
            clickItem(window, window->findChild<QQuickItem*>("readMyDataButton"));
            QVERIFY(waitUntilFinished(desktop.selfRead()));
            QVERIFY(desktop.selfRead().succeeded());
            // Tall enough for the whole card view below the form.
            const QSize size = window->size();
            window->resize(size.width(), 1500);
            QVERIFY(shoot("my-data-read"));
            window->resize(size);

            // The settings page in full, below the fold too.
            navigation->setProperty("currentIndex", 4);
            window->resize(size.width(), 1500);
            QVERIFY(shoot("settings-all"));
            window->resize(size);
            desktop.settings().setDeveloperMode(true);
            QVERIFY(shoot("developer-mode"));
            desktop.settings().setDeveloperMode(false);

            navigation->setProperty("currentIndex", 2);
            clickItem(window, window->findChild<QQuickItem*>("readPinStatusButton"));
            QVERIFY(waitUntilFinished(desktop.pinManagement()));
            QVERIFY(shoot("pin-management-status"));
        }
    }
};

QTEST_MAIN(WorkflowTest)
#include "WorkflowTest.moc"
