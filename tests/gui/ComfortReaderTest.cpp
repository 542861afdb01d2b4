// The window with a comfort reader (a pinpad that runs PACE itself, tests/common/ComfortReader.h):
// no PIN, CAN or PUK fields, a prompt for each thing the reader asks on its pinpad, shown while
// the reader waits for it. The reader's pinpad holds each prompt until the test has seen the
// window show it.
#include <QtQml/qqmlextensionplugin.h>
#include <QAccessible>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>
#include <future>
#include <memory>
#include <mutex>

#include "ComfortReader.h"
#include "app/AuthController.h"
#include "app/Desktop.h"
#include "app/PinManagementController.h"
#include "app/SelfReadController.h"
#include "eid/DeveloperModeTrust.h"
#include "sim/card/CardProfile.h"
#include "sim/card/VirtualCard.h"
#include "sim/world/World.h"

Q_IMPORT_QML_PLUGIN(OpenAusweisPlugin)

using namespace oa;
using oa::test::ComfortReaderBackend;
using oa::test::pinOpensCard;
using oa::test::Pinpad;
using Prompt = Pinpad::Prompt;

namespace {

// Generous: each step takes milliseconds in process; this only ends a hang.
constexpr int kLimitMs = 60000;

QStringList qmlWarnings;

void collectQmlWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    const QByteArray category = context.category ? context.category : "";
    const bool fromQml = category == "qml" || category == "js" || message.contains("qrc:/");
    if (type != QtDebugMsg && type != QtInfoMsg && fromQml) qmlWarnings << message;
    if (type != QtDebugMsg && type != QtInfoMsg) fprintf(stderr, "%s\n", qPrintable(message));
}

std::shared_ptr<VirtualCard> testCard(int retryCounter = 3) {
    auto profile = sim::builtInProfile("mustermann");
    profile->pinState.retryCounter = retryCounter;
    return std::make_shared<VirtualCard>(std::move(*profile));
}

// The user at the reader: each prompt waits (on the reader's thread) until the test lets it go
// on, so the test can look at the window while the reader asks.
class PinpadUser {
public:
    PinpadUser() {
        pinpad->onPrompt([this](Prompt prompt) {
            {
                std::lock_guard lock(mutex_);
                prompts_.push_back(prompt);
            }
            asked_.release();
            goOn_.tryAcquire(1, kLimitMs);
        });
    }
    ~PinpadUser() { goOn_.release(100); }

    // Waits (the GUI's events running) until the reader has asked `count` prompts in all.
    bool waitForPrompt(int count) {
        if (!QTest::qWaitFor([&] { return asked_.available() + taken_ >= count; }, kLimitMs))
            return false;
        asked_.acquire(count - taken_);
        taken_ = count;
        return true;
    }
    Prompt prompt(int index) {
        std::lock_guard lock(mutex_);
        return prompts_.at(static_cast<std::size_t>(index));
    }
    // The user types what was queued for this prompt and confirms.
    void goOn() { goOn_.release(); }

    std::shared_ptr<Pinpad> pinpad = std::make_shared<Pinpad>(std::nullopt);

private:
    std::mutex mutex_;
    std::vector<Prompt> prompts_;
    QSemaphore asked_;
    QSemaphore goOn_;
    int taken_ = 0;
};

QQuickItem* visibleItem(QQuickWindow* window, const char* name) {
    for (auto* item : window->findChildren<QQuickItem*>(name))
        if (item->isVisible()) return item;
    return nullptr;
}

// Delegates live in the visual tree only: searched through childItems.
QQuickItem* visibleDescendant(QQuickItem* item, const QString& name) {
    if (!item->isVisible()) return nullptr;
    if (item->objectName() == name) return item;
    for (auto* child : item->childItems())
        if (auto* found = visibleDescendant(child, name)) return found;
    return nullptr;
}

void clickItem(QQuickWindow* window, QQuickItem* item) {
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, {}, centre.toPoint());
}

QString promptTitle(QQuickWindow* window) {
    auto* panel = visibleItem(window, "pinpadPromptPanel");
    return panel ? panel->property("title").toString() : QString();
}

bool waitUntilFinished(CardOperation& operation) {
    if (!operation.busy()) return true;
    QSignalSpy finished(&operation, &CardOperation::finished);
    return finished.wait(kLimitMs);
}

// The comfort reader of `backend`, chosen as the window's reader list would choose it.
CardChooser chooseComfortReader(std::shared_ptr<ComfortReaderBackend> backend) {
    return [backend]() -> std::optional<CardChoice> {
        return CardChoice{QString::fromLatin1(ComfortReaderBackend::kReaderName), false,
                          [backend] { return backend->connect(ComfortReaderBackend::kReaderName); },
                          true};
    };
}

// The window over one comfort reader holding `card`.
struct ComfortDesktop {
    ComfortDesktop(std::shared_ptr<VirtualCard> card, std::shared_ptr<Pinpad> pinpad,
                   const QString& language = QStringLiteral("en"))
        : desktop({new ReaderFeed(
              std::make_unique<ComfortReaderBackend>(std::move(card), std::move(pinpad)), false)}) {
        desktop.language().setCode(language);
    }
    bool open(const char* navigation) {
        if (!desktop.start()) return false;
        window = desktop.window();
        if (!QTest::qWaitForWindowExposed(window)) return false;
        if (!QTest::qWaitFor([&] { return desktop.readers().cardCount() == 1; }, kLimitMs))
            return false;
        if (navigation) clickItem(window, window->findChild<QQuickItem*>(navigation));
        return true;
    }
    Desktop desktop;
    QQuickWindow* window = nullptr;
};

void screenshot(QQuickWindow* window, const QString& name) {
    const QString shots = qEnvironmentVariable("OA_GUI_SCREENSHOT_DIR");
    if (shots.isEmpty()) return;
    QTest::qWait(200);  // let the page settle (animations) before the picture
    QVERIFY(window->grabWindow().save(QString("%1/%2.png").arg(shots, name)));
}

}  // namespace

class ComfortReaderTest : public QObject {
    Q_OBJECT

    std::unique_ptr<sim::World> world_;

    // The world's CA, the CSCAs the app trusts in developer mode, and a card wait that only ends
    // a hang.
    AuthController::SettingsFactory worldSettings() {
        return [this] {
            workflows::AuthSettings settings;
            settings.caCertificates = {world_->caCertificate()};
            settings.verifyCardSecurity = eid::passiveAuthentication(eid::cscaTrust(true));
            settings.cardWait = std::chrono::milliseconds(kLimitMs);
            return settings;
        };
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("OpenAusweisTest");
        QCoreApplication::setApplicationName("openausweis-gui-comfort-test");
        QQuickStyle::setStyle("Material");
        qInstallMessageHandler(collectQmlWarnings);
        auto world = sim::World::start({});
        QVERIFY2(world.ok(), world.ok() ? "" : world.error().detail.c_str());
        world_ = std::move(*world);
    }

    void init() {
        QSettings().clear();
        QSettings().setValue("language", "en");
        qmlWarnings.clear();
    }

    void cleanup() { QVERIFY2(qmlWarnings.isEmpty(), qPrintable(qmlWarnings.join('\n'))); }

    // PIN management: no fields; the current PIN, then the new PIN twice, each asked on the reader
    // with the window saying so at that moment.
    void pinIsChangedOnThePinpadWithAPromptForEachStage() {
        auto card = testCard();
        PinpadUser user;
        ComfortDesktop shell(card, user.pinpad);
        QVERIFY(shell.open("pinNavigation"));
        auto* window = shell.window;
        auto& controller = shell.desktop.pinManagement();
        QTRY_VERIFY(controller.pinpad());
        QTRY_VERIFY(visibleItem(window, "pinpadNote"));
        for (const char* field :
             {"currentPinField", "newPinField", "repeatPinField", "canField", "transportPinCheck"})
            QVERIFY2(!visibleItem(window, field), field);
        auto* change = visibleItem(window, "changePinButton");
        QVERIFY(change);
        QTRY_VERIFY(change->isEnabled());

        user.pinpad->type("123456");
        user.pinpad->type("246810");
        user.pinpad->type("246810");
        clickItem(window, change);
        QVERIFY(user.waitForPrompt(1));
        QCOMPARE(user.prompt(0), Prompt::Pin);
        QTRY_COMPARE(promptTitle(window),
                     QString("Please enter your current PIN (or the five-digit transport PIN) "
                             "on your card reader's pinpad"));
        QCOMPARE(visibleItem(window, "pinpadPromptPanel")->property("kind").toString(),
                 QString("info"));
        screenshot(window, "en-pin-management-pinpad");
        user.goOn();
        QVERIFY(user.waitForPrompt(2));
        QCOMPARE(user.prompt(1), Prompt::NewPin);
        const QString newPin(
            "Please enter your new six-digit PIN on your card reader's pinpad, "
            "then once more to confirm it");
        QTRY_COMPARE(promptTitle(window), newPin);
        user.goOn();
        QVERIFY(user.waitForPrompt(3));
        QCOMPARE(user.prompt(2), Prompt::NewPinAgain);
        QCOMPARE(promptTitle(window), newPin);
        user.goOn();

        QVERIFY(waitUntilFinished(controller));
        QVERIFY2(controller.succeeded(), qPrintable(controller.detail()));
        QCOMPARE(controller.outcome(), QString("pinChanged"));
        QTRY_VERIFY(!visibleItem(window, "pinpadPromptPanel"));
        QTRY_VERIFY(visibleItem(window, "pinResultPanel"));
        QCOMPARE(visibleItem(window, "pinResultPanel")->property("title").toString(),
                 QString("Your PIN was changed. Use the new six-digit PIN from now on."));
        QVERIFY(pinOpensCard(card, "246810"));
    }

    // The reader list and the diagnosis report say which reader has a pinpad.
    void theReaderListNamesThePinpad() {
        ComfortDesktop shell(testCard(), std::make_shared<Pinpad>());
        QVERIFY(shell.open(nullptr));  // the start page lists the readers
        auto& readers = shell.desktop.readers();
        QVERIFY(readers.index(0).data(ReaderListModel::PinpadRole).toBool());
        QVERIFY(readers.diagnosisReport().contains(
            QString("%1 (pinpad, PACE on the reader): card present")
                .arg(ComfortReaderBackend::kReaderName)));
        auto* root = shell.window->contentItem();
        QTRY_VERIFY(visibleDescendant(root, "readerPinpadNote"));
        QCOMPARE(visibleDescendant(root, "readerPinpadNote")->property("text").toString(),
                 QString("With its own pinpad: you enter PIN, CAN and PUK on the reader"));
    }

    // A blocked PIN: the PUK is typed on the reader, the page has no PUK field.
    void blockedPinIsUnblockedWithThePukOnThePinpad() {
        auto card = testCard(0);
        PinpadUser user;
        ComfortDesktop shell(card, user.pinpad);
        QVERIFY(shell.open("pinNavigation"));
        auto* window = shell.window;
        auto& controller = shell.desktop.pinManagement();
        QTRY_VERIFY(controller.pinpad());
        QVERIFY(controller.readStatus());
        QVERIFY(waitUntilFinished(controller));
        QCOMPARE(controller.status(), QString("blocked"));
        QVERIFY(!visibleItem(window, "pukField"));
        auto* unblock = visibleItem(window, "unblockButton");
        QVERIFY(unblock);
        QTRY_VERIFY(unblock->isEnabled());
        user.pinpad->type("9876543210");
        clickItem(window, unblock);
        QVERIFY(user.waitForPrompt(1));
        QCOMPARE(user.prompt(0), Prompt::Puk);
        QTRY_COMPARE(promptTitle(window),
                     QString("Please enter the PUK on your card reader's pinpad"));
        user.goOn();
        QVERIFY(waitUntilFinished(controller));
        QVERIFY2(controller.succeeded(), qPrintable(controller.detail()));
        QCOMPARE(controller.outcome(), QString("pinUnblocked"));
        QCOMPARE(controller.status(), QString("operational"));
    }

    // "My data": the PIN on the reader, then the test person as on a plain reader.
    void myDataIsReadWithThePinFromThePinpad() {
        PinpadUser user;
        ComfortDesktop shell(testCard(), user.pinpad);
        QVERIFY(shell.open("myDataNavigation"));
        auto* window = shell.window;
        auto& controller = shell.desktop.selfRead();
        controller.setDeveloperMode(
            true);  // the test card's CSCA, on a reader that is not the demo
        QTRY_VERIFY(controller.pinpad());
        QTRY_VERIFY(visibleItem(window, "myDataPinpadNote"));
        QVERIFY(!visibleItem(window, "myDataPinField"));
        auto* read = visibleItem(window, "readMyDataButton");
        QTRY_VERIFY(read->isEnabled());
        user.pinpad->type("123456");
        clickItem(window, read);
        QVERIFY(user.waitForPrompt(1));
        QCOMPARE(user.prompt(0), Prompt::Pin);
        QTRY_COMPARE(promptTitle(window),
                     QString("Please enter your PIN on your card reader's pinpad"));
        user.goOn();
        QVERIFY(waitUntilFinished(controller));
        QVERIFY2(controller.succeeded(), qPrintable(controller.detail()));
        QCOMPARE(controller.data()->valueOf("Given names"), QString("ERIKA"));
        QTRY_VERIFY(visibleItem(window, "myDataCard"));
    }

    // A suspended PIN: the CAN is typed on the reader first, then the PIN (and the new PIN twice).
    void suspendedPinTakesTheCanOnThePinpadFirst() {
        auto card = testCard(1);
        PinpadUser user;
        auto backend = std::make_shared<ComfortReaderBackend>(card, user.pinpad);
        PinManagementController pins(chooseComfortReader(backend));
        QStringList prompts;
        connect(&pins, &CardOperation::stateChanged, this, [&] {
            if (!pins.pinpadPrompt().isEmpty() &&
                (prompts.isEmpty() || prompts.last() != pins.pinpadPrompt()))
                prompts << pins.pinpadPrompt();
        });
        for (const char* typed : {"500540", "123456", "246810", "246810"})
            user.pinpad->type(typed);
        QVERIFY(pins.changePinOnPinpad(true));
        QVERIFY(pins.pinpad());
        for (int prompt = 1; prompt <= 4; ++prompt) {
            QVERIFY(user.waitForPrompt(prompt));
            const QString expected = prompt == 1 ? "can" : prompt == 2 ? "pin" : "newPin";
            QTRY_COMPARE(pins.pinpadPrompt(), expected);
            user.goOn();
        }
        QVERIFY(waitUntilFinished(pins));
        QVERIFY2(pins.succeeded(), qPrintable(pins.detail()));
        QCOMPARE(prompts, QStringList({"can", "pin", "newPin"}));
        QCOMPARE(pins.pinpadPrompt(), QString());
        QCOMPARE(pins.status(), QString("operational"));
        QVERIFY(pinOpensCard(card, "246810"));
    }

    // A pinpad reader without MODIFY_PIN_DIRECT: the window learns it before any PACE, then takes
    // the new PIN in its fields while the current one is still typed on the reader.
    void readerWithoutPinpadModifyTakesTheNewPinFromTheWindow() {
        auto card = testCard();
        auto pinpad = std::make_shared<Pinpad>(std::nullopt);
        auto backend = std::make_shared<ComfortReaderBackend>(card, pinpad);
        backend->withoutPinpadModify();
        PinManagementController pins(chooseComfortReader(backend));
        QVERIFY(pins.newPinOnPinpad());
        QVERIFY(pins.changePinOnPinpad(false));
        QVERIFY(waitUntilFinished(pins));
        QCOMPARE(pins.outcome(), QString("newPinNeeded"));
        QVERIFY(!pins.newPinOnPinpad());
        QVERIFY(pinpad->prompts().empty());
        QCOMPARE(card->pinState().retryCounter, 3);
        QVERIFY(!pins.changePinOnPinpad(false, "24681"));
        QCOMPARE(pins.outcome(), QString("wrongInput"));

        pinpad->type("123456");
        QVERIFY(pins.changePinOnPinpad(false, "246810"));
        QVERIFY(waitUntilFinished(pins));
        QVERIFY2(pins.succeeded(), qPrintable(pins.detail()));
        QCOMPARE(pins.outcome(), QString("pinChanged"));
        QCOMPARE(pinpad->prompts(), std::vector<Prompt>{Prompt::Pin});
        QVERIFY(pinOpensCard(card, "246810"));
    }

    // A plain reader never gets the pinpad operations: they would send empty secrets.
    void pinpadOperationsAreRefusedOnAPlainReader() {
        auto backend = std::make_shared<SimulatorBackend>(testCard());
        const CardChooser plain = [backend]() -> std::optional<CardChoice> {
            return CardChoice{QStringLiteral("Simulator"), true, [backend] {
                                  return backend->connect(SimulatorBackend::kReaderName);
                              }};
        };
        PinManagementController pins(plain);
        QVERIFY(!pins.changePinOnPinpad(false));
        QCOMPARE(pins.outcome(), QString("wrongInput"));
        QVERIFY(!pins.unblockPinOnPinpad());
        SelfReadController selfRead(plain);
        QVERIFY(!selfRead.readOnPinpad(false));
        QCOMPARE(selfRead.outcome(), QString("wrongInput"));
        QVERIFY(!pins.busy() && !selfRead.busy());
        QCOMPARE(backend->card()->pinState().retryCounter, 3);
    }

    // The authentication screen: the prompt instead of the field, cancel still there, the
    // reader's answer ends in the redirect to the provider.
    void authenticationAsksForThePinOnThePinpad_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("prompt");
        QTest::newRow("en") << "en"
                            << "Please enter your PIN on your card reader's pinpad";
        QTest::newRow("de") << "de"
                            << "Bitte geben Sie Ihre PIN am Tastenfeld Ihres Kartenlesers ein";
    }
    void authenticationAsksForThePinOnThePinpad() {
        QFETCH(QString, language);
        PinpadUser user;
        ComfortReaderBackend reader(testCard(), user.pinpad);
        AuthController controller(reader, worldSettings());
        ComfortDesktop shell(testCard(), std::make_shared<Pinpad>(), language);
        QVERIFY(shell.desktop.start());
        auto* window = shell.desktop.window();
        window->setProperty("authentication", QVariant::fromValue(&controller));
        QVERIFY(QTest::qWaitForWindowExposed(window));

        service::ActivationOutcome outcome;
        bool answered = false;
        controller.start(world_->eService().tcTokenUrl(),
                         [&](const service::ActivationOutcome& done) {
                             outcome = done;
                             answered = true;
                         });
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
        QVERIFY(controller.acceptConsent());
        user.pinpad->type("123456");
        QVERIFY(user.waitForPrompt(1));
        QCOMPARE(user.prompt(0), Prompt::Pin);
        QTRY_COMPARE(controller.page(), QString("secret"));
        QVERIFY(controller.onReaderPinpad());
        QTRY_VERIFY(visibleItem(window, "authPinpadPrompt"));
        auto* prompt = visibleItem(window, "authPinpadPrompt");
        QTEST(prompt->property("text").toString(), "prompt");
        QCOMPARE(QAccessible::queryAccessibleInterface(prompt)->text(QAccessible::Name),
                 prompt->property("text").toString());
        QVERIFY(!visibleItem(window, "authSecretFieldInput"));
        QVERIFY(!visibleItem(window, "authSecretButton"));
        QVERIFY(visibleItem(window, "authCancelButton"));
        QVERIFY(!controller.submitSecret("123456"));  // nothing to type in the window
        screenshot(window, language + "-auth-pinpad");
        user.goOn();

        QTRY_VERIFY_WITH_TIMEOUT(answered, kLimitMs);
        QVERIFY2(controller.succeeded(), qPrintable(controller.detail()));
        QCOMPARE(QUrlQuery(outcome.redirect).queryItemValue("ResultMajor"), QString("ok"));
        QTRY_VERIFY(!visibleItem(window, "authPinpadPrompt"));
    }

    // A wrong PIN typed on the reader: the prompt comes back with the tries left, in words.
    void wrongPinOnThePinpadIsAskedAgainWithTheTriesLeft() {
        PinpadUser user;
        ComfortReaderBackend reader(testCard(), user.pinpad);
        AuthController controller(reader, worldSettings());
        ComfortDesktop shell(testCard(), std::make_shared<Pinpad>());
        QVERIFY(shell.desktop.start());
        auto* window = shell.desktop.window();
        window->setProperty("authentication", QVariant::fromValue(&controller));
        QVERIFY(QTest::qWaitForWindowExposed(window));
        bool answered = false;
        controller.start(world_->eService().tcTokenUrl(),
                         [&](const service::ActivationOutcome&) { answered = true; });
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
        QVERIFY(controller.acceptConsent());
        user.pinpad->type("111111");
        user.pinpad->type("123456");
        QVERIFY(user.waitForPrompt(1));
        user.goOn();
        QVERIFY(user.waitForPrompt(2));
        QTRY_COMPARE(controller.attempt(), 2);
        QTRY_VERIFY(visibleItem(window, "authPinpadStatusPanel"));
        QCOMPARE(visibleItem(window, "authPinpadStatusPanel")->property("title").toString(),
                 QString("The PIN was wrong. Two tries are left."));
        QVERIFY(visibleItem(window, "authPinpadStatusPanel")
                    ->property("guidance")
                    .toString()
                    .startsWith("Tries left: 2"));
        QVERIFY(visibleItem(window, "authPinpadPrompt"));
        user.goOn();
        QTRY_VERIFY_WITH_TIMEOUT(answered, kLimitMs);
        QVERIFY2(controller.succeeded(), qPrintable(controller.detail()));
    }

    // CAN-allowed mode (a PIN reset service) asks for the CAN instead of the PIN: said so, on the
    // pinpad and in the field, not as if two wrong PINs had been entered.
    void canInsteadOfThePinIsExplainedOnThePinpadAndInTheField() {
        SimulatorBackend backend(nullptr);
        AuthController controller(backend, [] { return workflows::AuthSettings{}; });
        ComfortDesktop shell(testCard(), std::make_shared<Pinpad>());
        QVERIFY(shell.desktop.start());
        auto* window = shell.desktop.window();
        window->setProperty("authentication", QVariant::fromValue(&controller));
        QVERIFY(QTest::qWaitForWindowExposed(window));
        const QString explained(
            "The PIN reset service opens your card with the card access "
            "number printed on its front, instead of the PIN.");
        controller.beginWindowFlow();
        workflows::SecretRequest request;
        request.kind = workflows::SecretKind::Can;
        request.canAllowedMode = true;
        request.onReaderPinpad = true;
        auto onPinpad =
            std::async(std::launch::async, [&] { return controller.askSecret(request); });
        auto typedOnReader = onPinpad.get();  // the reader takes it: no answer from the window
        QVERIFY(typedOnReader.ok() && typedOnReader->empty());
        QTRY_VERIFY(visibleItem(window, "authPinpadStatusPanel"));
        QCOMPARE(visibleItem(window, "authPinpadStatusPanel")->property("title").toString(),
                 explained);
        QCOMPARE(visibleItem(window, "authPinpadPrompt")->property("text").toString(),
                 QString("Please enter the card access number (CAN) on your card reader's pinpad"));
        controller.progress(workflows::AuthStep::TerminalAuthentication);
        QTRY_VERIFY(!visibleItem(window, "authPinpadPrompt"));

        request.onReaderPinpad = false;
        auto inField =
            std::async(std::launch::async, [&] { return controller.askSecret(request); });
        QTRY_VERIFY(visibleItem(window, "secretStatusPanel"));
        QCOMPARE(visibleItem(window, "secretStatusPanel")->property("title").toString(), explained);
        QCOMPARE(visibleItem(window, "secretStatusPanel")->property("kind").toString(),
                 QString("info"));
        QVERIFY(controller.submitSecret("500540"));
        auto typed = inField.get();
        QVERIFY(typed.ok() && typed->size() == 6);
        controller.endWindowFlow();
    }

    // Cancel on the reader's pinpad: the workflow ends, the browser is answered, no try is lost.
    void cancelOnThePinpadEndsTheAuthentication() {
        PinpadUser user;
        auto card = testCard();
        ComfortReaderBackend reader(card, user.pinpad);
        AuthController controller(reader, worldSettings());
        bool answered = false;
        controller.start(world_->eService().tcTokenUrl(),
                         [&](const service::ActivationOutcome&) { answered = true; });
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
        QVERIFY(controller.acceptConsent());
        user.pinpad->cancel();
        QVERIFY(user.waitForPrompt(1));
        QTRY_VERIFY(controller.onReaderPinpad());
        user.goOn();
        QTRY_VERIFY_WITH_TIMEOUT(answered, kLimitMs);
        QCOMPARE(controller.page(), QString("result"));
        QVERIFY(!controller.succeeded());
        QCOMPARE(card->pinState().retryCounter, 3);
    }
};

QTEST_MAIN(ComfortReaderTest)
#include "ComfortReaderTest.moc"
