// The window's replacement PIN (PinLetterController) against the simulation world's PIN letter
// service with the in-process card: the card questions come through the window's AuthController,
// the stages are published in order, the countdown ticks and cancel ends it, the order reference is
// kept for a new controller, an outage ends in "try later", and a blocked PIN is replaced end to
// end.
#include <QtQml/qqmlextensionplugin.h>
#include <QAccessible>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <atomic>
#include <future>
#include <memory>
#include <thread>

#include "app/AppSettings.h"
#include "app/AuthController.h"
#include "app/DemoWorld.h"
#include "app/Desktop.h"
#include "app/LogBook.h"
#include "app/PinLetterController.h"
#include "app/WindowPinLetter.h"
#include "card/sim/SimulatorBackend.h"
#include "eid/DeveloperModeTrust.h"
#include "eid/PinManagement.h"
#include "net/HttpsExchange.h"
#include "net/TlsConfiguration.h"
#include "sim/card/CardProfile.h"
#include "sim/card/VirtualCard.h"
#include "sim/world/World.h"
#include "workflows/AuthWorkflow.h"
#include "workflows/ScriptedInteraction.h"

Q_IMPORT_QML_PLUGIN(OpenAusweisPlugin)

using namespace oa;

namespace {

// Only ends a hang: a run on loopback with the in-process card takes about a second.
constexpr int kLimitMs = 60000;
const char* kCan = "500540";

SecureBytes digits(const std::string& text) {
    return SecureBytes(ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::shared_ptr<VirtualCard> testCard() {
    auto profile = sim::builtInProfile("mustermann");
    return std::make_shared<VirtualCard>(std::move(*profile));
}

// Records every stage the controller shows, once per change.
struct StageLog {
    QStringList stages;
    QList<int> seconds;
    void follow(PinLetterController& controller) {
        QObject::connect(&controller, &PinLetterController::stateChanged, [this, &controller] {
            if (stages.isEmpty() || stages.last() != controller.stage())
                stages << controller.stage();
            if (controller.secondsLeft() > 0 &&
                (seconds.isEmpty() || seconds.last() != controller.secondsLeft()))
                seconds << controller.secondsLeft();
        });
    }
};

void clickItem(QQuickWindow* window, QQuickItem* item) {
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, {}, centre.toPoint());
}

// QTest::keyClicks takes widgets only.
void typeText(QQuickWindow* window, const char* text) {
    for (const char* c = text; *c; ++c)
        QTest::keyClick(window, *c);
}

QQuickItem* visibleItem(QQuickWindow* window, const char* name) {
    for (auto* item : window->findChildren<QQuickItem*>(name))
        if (item->isVisible()) return item;
    return nullptr;
}

}  // namespace

class PinLetterControllerTest : public QObject {
    Q_OBJECT

    std::unique_ptr<sim::World> world_;
    QTemporaryDir directory_;

    QString storePath() const { return directory_.filePath("pin-letter.json"); }

    workflows::AuthSettings authSettings() const {
        workflows::AuthSettings settings;
        settings.caCertificates = {world_->caCertificate()};
        settings.verifyCardSecurity = eid::passiveAuthentication(eid::cscaTrust(true));
        settings.cardWait = std::chrono::milliseconds(kLimitMs);
        // Developer mode: the test PKI's PIN reset terminal counts for CAN-allowed.
        settings.developerMode = true;
        return settings;
    }

    // The world's service; waits as `retry` says, without real sleeping unless `realWaits`.
    PinLetterController::Environment environment(net::RetrySettings retry, bool realWaits) {
        PinLetterController::Environment environment;
        environment.settings = [this, retry] {
            workflows::PinLetterSettings settings;
            settings.service = world_->pinLetterService().origin();
            settings.caCertificates = {world_->caCertificate()};
            settings.retry = retry;
            settings.requestsPerMinute = 600;
            settings.requestBurst = 100;
            settings.timeouts = {std::chrono::milliseconds(5000), std::chrono::milliseconds(10000)};
            return settings;
        };
        environment.authSettings = [this] { return authSettings(); };
        environment.client = [realWaits](const workflows::PinLetterSettings& settings) {
            net::HttpsExchange::Settings exchange;
            exchange.tls = net::TlsConfiguration::eServiceChannel(settings.caCertificates);
            exchange.timeouts = settings.timeouts;
            auto policy =
                realWaits
                    ? std::make_shared<net::RetryPolicy>(settings.retry, [] { return 1.0; })
                    : std::make_shared<net::RetryPolicy>(
                          settings.retry, [] { return 0.5; }, [](std::chrono::milliseconds) {});
            return std::make_unique<net::ServiceClient>(
                exchange, policy, std::make_shared<net::RequestBudget>(600, 100));
        };
        return environment;
    }

    // Answers the window's card questions (consent, then the CAN) until the controller is done.
    static void answerUntilDone(PinLetterController& controller, AuthController& authentication,
                                QStringList& pagesSeen) {
        QElapsedTimer timer;
        timer.start();
        while (controller.busy() && timer.elapsed() < kLimitMs) {
            QTest::qWait(10);
            const QString page = authentication.page();
            if (pagesSeen.isEmpty() || pagesSeen.last() != page) pagesSeen << page;
            if (page == "consent") QVERIFY(authentication.acceptConsent());
            if (page == "secret") {
                QCOMPARE(authentication.secretKind(), QString("can"));
                QVERIFY(authentication.submitSecret(kCan));
            }
        }
        QVERIFY(!controller.busy());
    }

    QJsonObject mailbox() {
        return mailboxOf(world_->pinLetterService().origin(), world_->caCertificate());
    }

    // Blocks the calling thread (no event loop of its own but the exchange's).
    static QJsonObject mailboxOf(const QUrl& origin, const QSslCertificate& ca) {
        net::HttpsExchange::Request request;
        request.method = "GET";
        request.url = QUrl(origin.toString() + "/mailbox.json");
        net::HttpsExchange::Settings settings;
        settings.tls = net::TlsConfiguration::eServiceChannel({ca});
        settings.timeouts = {std::chrono::milliseconds(5000), std::chrono::milliseconds(10000)};
        QNetworkAccessManager manager;
        const auto outcome = net::HttpsExchange::run(manager, request, settings);
        return outcome.result ? QJsonDocument::fromJson(outcome.result->body).object()
                              : QJsonObject();
    }

    static void blockPin(SimulatorBackend& backend) {
        auto card = backend.connect(SimulatorBackend::kReaderName);
        QVERIFY(card.ok());
        eid::PinManagement pins(**card);
        QVERIFY(!pins.authenticateWithPin(digits("111111")));
        QVERIFY(!pins.authenticateWithPin(digits("222222")));
        QVERIFY(!pins.authenticateWithPin(digits("333333"), digits(kCan)));
        auto status = pins.status();
        QVERIFY(status.ok());
        QCOMPARE(status->status, eid::PinStatus::Blocked);
    }

    void setOutage(bool on) {
        sim::PinLetterOverload overload;
        if (on) overload.outageLength = std::chrono::milliseconds(3600 * 1000);
        world_->pinLetterService().setOverload(overload);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("OpenAusweisTest");
        QCoreApplication::setApplicationName("openausweis-gui-pin-letter-test");
        QQuickStyle::setStyle("Material");
        QVERIFY(directory_.isValid());
        auto world = sim::World::start({});
        QVERIFY2(world.ok(), world.ok() ? "" : world.error().detail.c_str());
        world_ = std::move(*world);
    }

    void init() {
        QSettings().clear();
        setOutage(false);
        QFile::remove(storePath());
    }

    void blockedPinIsReplacedThroughTheWindowEndToEnd() {
        SimulatorBackend backend(testCard());
        blockPin(backend);
        AuthController authentication(backend, [this] { return authSettings(); });
        StageLog log;
        QStringList pages;
        {
            PinLetterController controller(backend, authentication, environment({}, false),
                                           storePath());
            log.follow(controller);
            QVERIFY(controller.order());
            QVERIFY(!controller.order());  // one at a time
            answerUntilDone(controller, authentication, pages);
            QCOMPARE(controller.stage(), QString("letterOrdered"));
            QVERIFY2(controller.message().isEmpty(), qPrintable(controller.message()));
            QCOMPARE(log.stages,
                     (QStringList{"ordering", "authenticating", "confirming", "letterOrdered"}));
            // The card part used the window's screens, and they stepped aside afterwards.
            QVERIFY(pages.contains("consent"));
            QVERIFY(pages.contains("secret"));
            QCOMPARE(authentication.page(), QString("idle"));
            QVERIFY(controller.orderReference().startsWith("PRS-"));
            QCOMPARE(controller.orderedLetters().size(), 1);
            QVERIFY(!controller.orderPending());
        }

        // A new controller (a restart) shows the reference from the store.
        const QJsonArray letters = mailbox().value("letters").toArray();
        QVERIFY(!letters.isEmpty());
        const QJsonObject letter = letters.last().toObject();
        PinLetterController restarted(backend, authentication, environment({}, false), storePath());
        QCOMPARE(restarted.orderedLetters().size(), 1);
        QVERIFY(restarted.orderedLetters().front().startsWith(letter.value("order").toString()));

        // Activation with the letter's code; then the letter's PIN opens the card.
        QVERIFY(!restarted.activate(""));
        QVERIFY(!restarted.activate("no spaces allowed"));
        StageLog activation;
        activation.follow(restarted);
        QVERIFY(restarted.activate(letter.value("activationCode").toString()));
        answerUntilDone(restarted, authentication, pages);
        QVERIFY2(restarted.stage() == "activated", qPrintable(restarted.message()));
        QCOMPARE(activation.stages.front(), QString("ordering"));
        QVERIFY(activation.stages.contains("authenticating"));
        QCOMPARE(activation.stages.back(), QString("activated"));
        QSignalSpy handOver(&restarted, &PinLetterController::changePinRequested);
        restarted.changeLetterPin();
        QCOMPARE(handOver.count(), 1);

        auto card = backend.connect(SimulatorBackend::kReaderName);
        QVERIFY(card.ok());
        eid::PinManagement pins(**card);
        auto status = pins.status();
        QVERIFY(status.ok());
        QCOMPARE(status->status, eid::PinStatus::Operational);
        QVERIFY(pins.authenticateWithPin(digits(letter.value("newPin").toString().toStdString())));
    }

    // The authentication screen's own cancel (what its button calls) ends the order, and the
    // screen steps aside again.
    void cancelOnTheAuthenticationScreenEndsTheOrder() {
        SimulatorBackend backend(testCard());
        AuthController authentication(backend, [this] { return authSettings(); });
        PinLetterController controller(backend, authentication, environment({}, false),
                                       storePath());
        QVERIFY(controller.order());
        QTRY_COMPARE_WITH_TIMEOUT(authentication.page(), QString("consent"), kLimitMs);
        QVERIFY(authentication.active());  // its cancel button shows
        QCOMPARE(controller.stage(), QString("authenticating"));
        authentication.cancelAuthentication();
        QVERIFY(authentication.cancelling());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), kLimitMs);
        QCOMPARE(controller.stage(), QString("cancelled"));
        QCOMPARE(authentication.page(), QString("idle"));
        QVERIFY(!authentication.active());
        QVERIFY(controller.orderedLetters().isEmpty());
    }

    void outageEndsInTryLaterWithTheOrderKept() {
        setOutage(true);
        SimulatorBackend backend(testCard());
        AuthController authentication(backend, [this] { return authSettings(); });
        const net::RetrySettings retry{3, std::chrono::milliseconds(1000),
                                       std::chrono::milliseconds(2000),
                                       std::chrono::milliseconds(300000), true};
        {
            PinLetterController controller(backend, authentication, environment(retry, false),
                                           storePath());
            StageLog log;
            log.follow(controller);
            QStringList pages;
            QVERIFY(controller.order());
            answerUntilDone(controller, authentication, pages);
            QCOMPARE(controller.stage(), QString("tryLater"));
            QVERIFY(!controller.message().isEmpty());
            QCOMPARE(log.stages.count("waiting"), 2);  // three tries, two waits between them
            QVERIFY(!log.stages.contains("authenticating"));
            QVERIFY(controller.orderPending());
            controller.dismiss();
            QCOMPARE(controller.stage(), QString("idle"));
        }
        PinLetterController restarted(backend, authentication, environment(retry, false),
                                      storePath());
        QVERIFY(restarted.orderPending());
    }

    void countdownTicksAndCancelEndsTheWait() {
        setOutage(true);
        SimulatorBackend backend(testCard());
        AuthController authentication(backend, [this] { return authSettings(); });
        // A real 30 s wait (jitter drawn as its maximum): the test cancels it after two ticks.
        const net::RetrySettings retry{4, std::chrono::milliseconds(30000),
                                       std::chrono::milliseconds(60000),
                                       std::chrono::milliseconds(300000), true};
        PinLetterController controller(backend, authentication, environment(retry, true),
                                       storePath());
        StageLog log;
        log.follow(controller);
        QVERIFY(controller.order());
        QTRY_VERIFY_WITH_TIMEOUT(log.seconds.size() >= 2, kLimitMs);
        QCOMPARE(controller.stage(), QString("waiting"));
        QVERIFY(log.seconds.at(0) > log.seconds.at(1));  // counts down
        QVERIFY(log.seconds.at(0) <= 30);
        controller.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 5000);
        QCOMPARE(controller.stage(), QString("cancelled"));
        QCOMPARE(controller.secondsLeft(), 0);
        QVERIFY(controller.orderPending());  // kept for the next try
    }

    // The page in the window, clicked: the navigation opens it, the order button starts the order
    // (the CAN is asked on the authentication screen), the reference is shown, the activation code
    // field and button activate, and the hand-over button opens PIN management. With
    // OA_GUI_SCREENSHOT_DIR set (scripts/screenshots.sh) it keeps
    // {en,de}-replacement-pin{,-waiting,-ordered,-activated}.png.
    void replacementPinClickedThroughTheWindow_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << "en";
        QTest::newRow("de") << "de";
    }
    void replacementPinClickedThroughTheWindow() {
        QFETCH(QString, language);
        const QString shots = qEnvironmentVariable("OA_GUI_SCREENSHOT_DIR");
        SimulatorBackend backend(testCard());
        blockPin(backend);
        AuthController authentication(backend, [this] { return authSettings(); });
        PinLetterController controller(backend, authentication, environment({}, false),
                                       storePath());
        LogBook log{QString()};
        log.install();
        Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(), true)});
        desktop.language().setCode(language);
        QVERIFY(desktop.start());
        auto* window = desktop.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        window->setProperty("authentication", QVariant::fromValue(&authentication));
        window->setProperty("pinLetter", QVariant::fromValue(&controller));
        window->resize(window->width(), 1000);  // both steps in one picture
        const auto shoot = [&](const QString& name) {
            if (shots.isEmpty()) return true;
            QTest::qWait(200);  // let the page settle before the picture
            return window->grabWindow().save(QString("%1/%2-%3.png").arg(shots, language, name));
        };
        auto* navigation = window->findChild<QObject*>("navigation");
        clickItem(window, window->findChild<QQuickItem*>("replacementPinNavigation"));
        QTRY_COMPARE(navigation->property("currentIndex").toInt(), 7);
        auto* order = visibleItem(window, "orderLetterButton");
        QVERIFY(order);
        QVERIFY(shoot("replacement-pin"));

        // The service is busy first: the countdown with its cancel button.
        setOutage(true);
        {
            PinLetterController::Environment waits =
                environment({4, std::chrono::milliseconds(30000), std::chrono::milliseconds(60000),
                             std::chrono::milliseconds(300000), true},
                            true);
            PinLetterController busy(backend, authentication, waits, {});
            window->setProperty("pinLetter", QVariant::fromValue(&busy));
            clickItem(window, visibleItem(window, "orderLetterButton"));
            QTRY_VERIFY_WITH_TIMEOUT(busy.secondsLeft() > 0 && busy.secondsLeft() < 30, kLimitMs);
            QVERIFY(shoot("replacement-pin-waiting"));
            auto* cancel = visibleItem(window, "cancelPinLetterButton");
            QVERIFY(cancel);
            clickItem(window, cancel);
            QTRY_VERIFY_WITH_TIMEOUT(!busy.busy(), 5000);
            QCOMPARE(busy.stage(), QString("cancelled"));
            window->setProperty("pinLetter", QVariant::fromValue(&controller));
        }
        setOutage(false);

        QStringList pages;
        clickItem(window, visibleItem(window, "orderLetterButton"));
        QVERIFY(controller.busy());
        answerUntilDone(controller, authentication, pages);
        QCOMPARE(controller.stage(), QString("letterOrdered"));
        QTRY_VERIFY(visibleItem(window, "replacementPinStatus"));
        QVERIFY(shoot("replacement-pin-ordered"));

        const QJsonObject letter = mailbox().value("letters").toArray().last().toObject();
        QCOMPARE(letter.value("order").toString(), controller.orderReference());
        auto* code = visibleItem(window, "activationCodeField");
        QVERIFY(code);
        code->setProperty("text", letter.value("activationCode").toString());
        // The keyboard: Return in the code field activates.
        QMetaObject::invokeMethod(code, "forceActiveFocus");
        QTRY_VERIFY(code->hasActiveFocus());
        QTest::keyClick(window, Qt::Key_Return);
        QVERIFY(controller.busy());
        answerUntilDone(controller, authentication, pages);
        QVERIFY2(controller.stage() == "activated", qPrintable(controller.message()));
        QCOMPARE(code->property("text").toString(), QString());
        auto* changePin = visibleItem(window, "changeLetterPinButton");
        QTRY_VERIFY(changePin);
        QVERIFY(shoot("replacement-pin-activated"));
        clickItem(window, changePin);
        QTRY_COMPARE(navigation->property("currentIndex").toInt(), 2);
        window->setProperty("pinLetter", QVariant());
        window->setProperty("authentication", QVariant());
    }

    // PIN management explains a blocked PIN and its "what to do next" leads to the replacement PIN.
    void blockedPinLeadsFromPinManagementToTheReplacementPin() {
        auto card = testCard();
        {
            SimulatorBackend blocker(card);
            blockPin(blocker);
        }
        LogBook log{QString()};
        log.install();
        Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(card), true)});
        QVERIFY(desktop.start());
        auto* window = desktop.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_COMPARE_WITH_TIMEOUT(desktop.readers().cardCount(), 1, kLimitMs);
        auto* navigation = window->findChild<QObject*>("navigation");
        navigation->setProperty("currentIndex", 2);
        auto* link = window->findChild<QQuickItem*>("replacementPinLink");
        QVERIFY(link);
        QVERIFY(!link->isVisible());  // nothing known yet
        QVERIFY(desktop.pinManagement().readStatus());
        QTRY_VERIFY_WITH_TIMEOUT(!desktop.pinManagement().busy(), kLimitMs);
        QCOMPARE(desktop.pinManagement().status(), QString("blocked"));
        QTRY_VERIFY(link->isVisible());
        clickItem(window, link);
        QTRY_COMPARE(navigation->property("currentIndex").toInt(), 7);
    }

    // Demo mode with no service configured: the local simulation world's PIN letter service,
    // started at the first order and marked DEMO, takes the order from the demo card.
    void demoModeOrdersFromTheLocalWorld() {
        LogBook log{QString()};
        log.install();
        Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(), true)});
        QVERIFY(desktop.start());
        QTRY_VERIFY(desktop.readers().demoActive());
        SimulatorBackend backend(testCard());
        AuthController authentication(backend, [this] { return authSettings(); });
        PinLetterController controller(backend, authentication, windowPinLetterEnvironment(desktop),
                                       {});
        followWindowService(controller, desktop);
        StageLog stages;
        stages.follow(controller);
        QVERIFY(controller.demo());
        QVERIFY(controller.serviceUrl().isEmpty());  // nothing started yet
        QVERIFY(controller.order());
        QCOMPARE(controller.stage(), QString("preparing"));
        QVERIFY(controller.busy());
        QStringList pages;
        answerUntilDone(controller, authentication, pages);
        QVERIFY2(controller.stage() == "letterOrdered", qPrintable(controller.message()));
        QCOMPARE(stages.stages, (QStringList{"preparing", "ordering", "authenticating",
                                             "confirming", "letterOrdered"}));
        QVERIFY(controller.serviceUrl().startsWith("https://127.0.0.1:"));
        QVERIFY(controller.serviceUrl() != world_->pinLetterService().origin().toString());

        // A service chosen in Settings ends the demo; its default brings the demo back.
        QSignalSpy serviceChanged(&controller, &PinLetterController::serviceChanged);
        QVERIFY(desktop.settings().setPinLetterService("https://letters.example/"));
        QCOMPARE(serviceChanged.count(), 1);
        QVERIFY(!controller.demo());
        QCOMPARE(controller.serviceUrl(), QString("https://letters.example"));
        desktop.settings().resetPinLetterService();
        QCOMPARE(serviceChanged.count(), 2);
        QVERIFY(controller.demo());
        QVERIFY(controller.serviceUrl().startsWith("https://127.0.0.1:"));  // still running
    }

    // The demo world starts and serves on a thread of its own: a timer on the GUI thread keeps
    // firing while it starts (the start waits for three ticks, which a blocked GUI thread could
    // never give), its listeners are made on the world's thread, and it answers a request while
    // the GUI thread is blocked. stop() closes it.
    void demoWorldStartsAndServesOffTheGuiThread() {
        LogBook log{QString()};
        log.install();
        Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(), true)});
        QVERIFY(desktop.start());
        QTRY_VERIFY(desktop.readers().demoActive());

        std::atomic<int> ticks{0};
        QTimer ticker;
        ticker.setInterval(1);
        QObject::connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
        ticker.start();
        std::atomic<int> ticksBeforeStart{-1};
        std::atomic<QThread*> startedOn{nullptr};
        auto demo = std::make_shared<DemoWorld>([&] {
            QElapsedTimer waited;
            waited.start();
            while (ticks < 3 && waited.elapsed() < kLimitMs)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            ticksBeforeStart = ticks.load();
            startedOn = QThread::currentThread();
            return sim::World::start({});
        });

        SimulatorBackend backend(testCard());
        AuthController authentication(backend, [this] { return authSettings(); });
        PinLetterController controller(backend, authentication,
                                       windowPinLetterEnvironment(desktop, demo), {});
        QVERIFY(controller.order());  // returns at once: the world starts elsewhere
        QCOMPARE(controller.stage(), QString("preparing"));
        QVERIFY(demo->starting());
        QStringList pages;
        answerUntilDone(controller, authentication, pages);
        QVERIFY2(controller.stage() == "letterOrdered", qPrintable(controller.message()));
        QVERIFY(ticksBeforeStart >= 3);
        QVERIFY(startedOn.load() == &demo->worldThread());
        QVERIFY(startedOn.load() != QThread::currentThread());
        QVERIFY(demo->worldThread().isRunning());

        // Served while the GUI thread waits without an event loop.
        const DemoWorld::Endpoint endpoint = *demo->endpoint();
        auto letters = std::async(std::launch::async, [endpoint] {
            return mailboxOf(endpoint.pinLetterService, endpoint.caCertificate)
                .value("letters")
                .toArray();
        });
        QCOMPARE(letters.wait_for(std::chrono::milliseconds(kLimitMs)), std::future_status::ready);
        const QJsonArray served = letters.get();
        QCOMPARE(served.size(), 1);
        QCOMPARE(served.first().toObject().value("order").toString(), controller.orderReference());

        // Stopped: the port is closed and the thread has ended.
        demo->stop();
        QVERIFY(!demo->worldThread().isRunning());
        QVERIFY(!demo->endpoint());
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost,
                            static_cast<quint16>(endpoint.pinLetterService.port()));
        QVERIFY(!probe.waitForConnected(5000));
        QCOMPARE(probe.error(), QAbstractSocket::ConnectionRefusedError);
    }

    // Cancel while the demo world starts ends the order at once; the world's late start is
    // ignored, and the next order uses the running world without waiting.
    void cancelWhileTheDemoWorldStartsEndsTheOrder() {
        LogBook log{QString()};
        log.install();
        Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(), true)});
        QVERIFY(desktop.start());
        QTRY_VERIFY(desktop.readers().demoActive());
        std::atomic<bool> release{false};
        auto demo = std::make_shared<DemoWorld>([&release] {
            QElapsedTimer waited;
            waited.start();
            while (!release && waited.elapsed() < kLimitMs)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return sim::World::start({});
        });
        SimulatorBackend backend(testCard());
        AuthController authentication(backend, [this] { return authSettings(); });
        PinLetterController controller(backend, authentication,
                                       windowPinLetterEnvironment(desktop, demo), {});
        StageLog stages;
        stages.follow(controller);
        QVERIFY(controller.order());
        QVERIFY(controller.busy());
        controller.cancel();
        QVERIFY(!controller.busy());
        QCOMPARE(controller.stage(), QString("cancelled"));
        release = true;
        QTRY_VERIFY_WITH_TIMEOUT(demo->endpoint().has_value(), kLimitMs);
        QCOMPARE(controller.stage(), QString("cancelled"));
        QVERIFY(!controller.busy());
        QCOMPARE(authentication.page(), QString("idle"));

        QVERIFY(controller.order());
        QCOMPARE(controller.stage(), QString("ordering"));  // no second start
        QStringList pages;
        answerUntilDone(controller, authentication, pages);
        QVERIFY2(controller.stage() == "letterOrdered", qPrintable(controller.message()));
        QCOMPARE(stages.stages, (QStringList{"preparing", "cancelled", "ordering", "authenticating",
                                             "confirming", "letterOrdered"}));
    }

    void aDemoWorldThatCannotStartFailsTheOrderInWords() {
        LogBook log{QString()};
        log.install();
        Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(), true)});
        QVERIFY(desktop.start());
        QTRY_VERIFY(desktop.readers().demoActive());
        auto demo = std::make_shared<DemoWorld>([]() -> Result<std::unique_ptr<sim::World>> {
            return makeError(ErrorCode::InvalidInput, "no world", "port in use");
        });
        SimulatorBackend backend(testCard());
        AuthController authentication(backend, [this] { return authSettings(); });
        PinLetterController controller(backend, authentication,
                                       windowPinLetterEnvironment(desktop, demo), {});
        QVERIFY(controller.order());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), kLimitMs);
        QCOMPARE(controller.stage(), QString("failed"));
        QVERIFY(!controller.message().isEmpty());
        QVERIFY(!demo->endpoint());
        // The claim on the card is free again.
        QVERIFY(workflows::UserWorkflowGuard::app().claim("next").has_value());
    }

    void withoutAServiceNothingStarts() {
        SimulatorBackend backend(testCard());
        AuthController authentication(backend, [this] { return authSettings(); });
        PinLetterController::Environment none;
        none.settings = [] { return workflows::PinLetterSettings{}; };
        none.authSettings = [this] { return authSettings(); };
        PinLetterController controller(backend, authentication, none, {});
        QVERIFY(!controller.order());
        QCOMPARE(controller.stage(), QString("failed"));
        QVERIFY(!controller.message().isEmpty());
        QVERIFY(workflows::UserWorkflowGuard::app().claim("next").has_value());
    }

    // AppSettings keeps the one PIN letter service: https only, strictly, and a reset to the
    // default.
    void pinLetterServiceSettingIsStrict() {
        AppSettings settings(
            Autostart(directory_.filePath("autostart")), [] { return false; }, "openausweis");
        QSignalSpy changed(&settings, &AppSettings::pinLetterServiceChanged);
        for (const char* refused :
             {"", "http://letters.example", "letters.example", "https://", "ftp://letters.example",
              "https://user:secret@letters.example", "https://letters.example/?x=1",
              "https://letters.example/#top", "https://letters example"})
            QVERIFY2(!settings.setPinLetterService(refused), refused);
        QCOMPARE(changed.count(), 0);
        QVERIFY(settings.pinLetterService().isEmpty());
        // Stored without a trailing slash: the workflow appends "/order".
        QVERIFY(settings.setPinLetterService("https://letters.example/"));
        QCOMPARE(settings.pinLetterService(), QString("https://letters.example"));
        QVERIFY(settings.setPinLetterService(" https://letters.example:8443/pin/ "));
        QCOMPARE(settings.pinLetterService(), QString("https://letters.example:8443/pin"));
        QCOMPARE(settings.pinLetterServiceUrl(), QUrl("https://letters.example:8443/pin"));
        QCOMPARE(QSettings().value(AppSettings::pinLetterServiceKey()).toString(),
                 QString("https://letters.example:8443/pin"));
        QCOMPARE(changed.count(), 2);
        // Kept for the next start.
        AppSettings restarted(
            Autostart(directory_.filePath("autostart")), [] { return false; }, "openausweis");
        QCOMPARE(restarted.pinLetterService(), QString("https://letters.example:8443/pin"));
        settings.resetPinLetterService();
        QCOMPARE(changed.count(), 3);
        QVERIFY(settings.pinLetterService().isEmpty());
        QVERIFY(!QSettings().contains(AppSettings::pinLetterServiceKey()));
        QCOMPARE(settings.pinLetterServiceUrl(), QUrl(settings.defaultPinLetterService()));
    }

    // The Settings page's field, by keyboard: a refused address is explained and not stored, an
    // https one is saved with Return, the replacement PIN page shows it (and leads to Settings),
    // and "Use the default" brings the demo service back. Every control has an accessible name.
    void pinLetterServiceIsChosenOnTheSettingsPage() {
        LogBook log{QString()};
        log.install();
        Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(), true)});
        QVERIFY(desktop.start());
        auto* window = desktop.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_VERIFY(desktop.readers().demoActive());
        SimulatorBackend backend(testCard());
        AuthController authentication(backend, [this] { return authSettings(); });
        PinLetterController controller(backend, authentication, windowPinLetterEnvironment(desktop),
                                       {});
        followWindowService(controller, desktop);
        window->setProperty("pinLetter", QVariant::fromValue(&controller));
        auto* navigation = window->findChild<QObject*>("navigation");
        navigation->setProperty("currentIndex", 4);

        auto* field = visibleItem(window, "pinLetterServiceField");
        auto* save = visibleItem(window, "pinLetterServiceSave");
        auto* reset = visibleItem(window, "pinLetterServiceReset");
        auto* invalid = window->findChild<QQuickItem*>("pinLetterServiceInvalid");
        QVERIFY(field && save && reset && invalid);
        for (QQuickItem* item : {field, save, reset}) {
            QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(item);
            QVERIFY(accessible);
            QVERIFY(!accessible->text(QAccessible::Name).isEmpty());
        }
        QVERIFY(!reset->isEnabled());  // nothing chosen yet

        QMetaObject::invokeMethod(field, "forceActiveFocus");
        QTRY_VERIFY(field->hasActiveFocus());
        typeText(window, "http://letters.example");
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_VERIFY(invalid->isVisible());
        QVERIFY(desktop.settings().pinLetterService().isEmpty());
        QVERIFY(controller.demo());

        // Tab to "Save", Space saves; then Tab reaches "Use the default".
        QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
        typeText(window, "https://letters.example/");
        QVERIFY(!invalid->isVisible());  // editing clears the warning
        QTest::keyClick(window, Qt::Key_Tab);
        QTRY_VERIFY(save->hasActiveFocus());
        QTest::keyClick(window, Qt::Key_Space);
        QCOMPARE(desktop.settings().pinLetterService(), QString("https://letters.example"));
        QCOMPARE(controller.serviceUrl(), QString("https://letters.example"));
        QVERIFY(!controller.demo());
        QVERIFY(!invalid->isVisible());
        QVERIFY(reset->isEnabled());
        QTest::keyClick(window, Qt::Key_Tab);
        QTRY_VERIFY(reset->hasActiveFocus());

        // The replacement PIN page shows the service and leads to Settings.
        navigation->setProperty("currentIndex", 7);
        auto* shown = visibleItem(window, "pinLetterServiceShown");
        QVERIFY(shown);
        QCOMPARE(shown->property("text").toString(), QString("https://letters.example"));
        QVERIFY(!visibleItem(window, "demoPinLetterService"));
        // By keyboard: the button may lie below the fold of the 960x640 window, out of a click's
        // reach.
        auto* toSettings = visibleItem(window, "pinLetterServiceSettingsButton");
        QVERIFY(toSettings);
        QMetaObject::invokeMethod(toSettings, "forceActiveFocus");
        QTRY_VERIFY(toSettings->hasActiveFocus());
        QTest::keyClick(window, Qt::Key_Space);
        QTRY_COMPARE(navigation->property("currentIndex").toInt(), 4);

        QMetaObject::invokeMethod(reset, "forceActiveFocus");
        QTRY_VERIFY(reset->hasActiveFocus());
        QTest::keyClick(window, Qt::Key_Space);
        QTRY_VERIFY(desktop.settings().pinLetterService().isEmpty());
        QCOMPARE(field->property("text").toString(), QString());
        QTRY_VERIFY(field->hasActiveFocus());
        QVERIFY(controller.demo());
        navigation->setProperty("currentIndex", 7);
        QTRY_VERIFY(visibleItem(window, "demoPinLetterService"));
        QVERIFY(shown->property("text").toString() != QString("https://letters.example"));
        window->setProperty("pinLetter", QVariant());
    }
};

QTEST_MAIN(PinLetterControllerTest)
#include "PinLetterControllerTest.moc"
