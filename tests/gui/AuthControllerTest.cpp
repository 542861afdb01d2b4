// The window's authentication: AuthController's questions across threads, and whole
// authentications against the simulation world (src/sim/world) with the in-process card, through
// the controller alone and through the window and the browser's eID-Client endpoint.
#include <QtQml/qqmlextensionplugin.h>
#include <QElapsedTimer>
#include <QPointer>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>
#include <functional>
#include <future>
#include <memory>
#include <thread>

#include "app/AuthController.h"
#include "app/Desktop.h"
#include "app/WindowAuthentication.h"
#include "card/sim/SimulatorBackend.h"
#include "eid/DeveloperModeTrust.h"
#include "service/EidClientService.h"
#include "sim/card/CardProfile.h"
#include "sim/card/VirtualCard.h"
#include "sim/world/World.h"

Q_IMPORT_QML_PLUGIN(OpenAusweisPlugin)

using namespace oa;
using workflows::AuthStep;

namespace {

// Generous: an authentication on loopback with the in-process card takes well under a second;
// this only ends a hang.
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

QString resultMajor(const QUrl& url) {
    return QUrlQuery(url).queryItemValue(QStringLiteral("ResultMajor"));
}

// An optional question answered on a worker thread, as the workflow asks it.
template <typename T>
struct Asked {
    std::future<T> answer;
    bool ready() const {
        return answer.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    }
};

template <typename F>
auto askOnWorker(F question) {
    using T = decltype(question());
    return Asked<T>{std::async(std::launch::async, std::move(question))};
}

QQuickItem* visibleItem(QQuickWindow* window, const char* name) {
    for (auto* item : window->findChildren<QQuickItem*>(name))
        if (item->isVisible()) return item;
    return nullptr;
}

void clickItem(QQuickWindow* window, QQuickItem* item) {
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, {}, centre.toPoint());
}

// A browser at the eID-Client endpoint: sends the activation, then holds the connection.
class Browser {
public:
    Browser(quint16 port, const QUrl& tcTokenUrl) {
        socket_.connectToHost(QStringLiteral("127.0.0.1"), port);
        const QByteArray target =
            "/eID-Client?tcTokenURL=" + QUrl::toPercentEncoding(tcTokenUrl.toString());
        socket_.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                      "\r\n\r\n");
    }
    // The status line and headers, once they arrived.
    // The final answer's status line and headers arrived; interim ones (102 Processing while the
    // workflow runs) are skipped.
    bool answered() {
        received_ += socket_.readAll();
        for (;;) {
            const auto end = received_.indexOf("\r\n\r\n");
            if (end < 0) return false;
            if (!received_.startsWith("HTTP/1.1 1")) return true;
            received_.remove(0, end + 4);
        }
    }
    int status() const { return received_.mid(9, 3).toInt(); }
    QUrl location() const {
        for (const QByteArray& line : received_.split('\n'))
            if (line.toLower().startsWith("location:"))
                return QUrl(QString::fromLatin1(line.mid(9).trimmed()));
        return {};
    }

private:
    QTcpSocket socket_;
    QByteArray received_;
};

}  // namespace

class AuthControllerTest : public QObject {
    Q_OBJECT

    std::unique_ptr<sim::World> world_;

    AuthController::SettingsFactory worldSettings() {
        return [this] {
            workflows::AuthSettings settings;
            settings.caCertificates = {world_->caCertificate()};
            settings.verifyCardSecurity = eid::passiveAuthentication(eid::cscaTrust(true));
            settings.cardWait = std::chrono::milliseconds(kLimitMs);
            return settings;
        };
    }
    QUrl tcTokenUrl() { return world_->eService().tcTokenUrl(); }

    // Starts an activation and returns where the browser went (filled in when it finished).
    std::shared_ptr<service::ActivationOutcome> activate(AuthController& controller) {
        auto outcome = std::make_shared<service::ActivationOutcome>();
        controller.start(tcTokenUrl(), [outcome](const service::ActivationOutcome& done) {
            *outcome = done;
            outcome->errorDetail += QStringLiteral(" [answered]");
        });
        return outcome;
    }
    static bool answered(const service::ActivationOutcome& outcome) {
        return outcome.errorDetail.endsWith(QStringLiteral("[answered]"));
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("OpenAusweisTest");
        QCoreApplication::setApplicationName("openausweis-gui-auth-test");
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

    // --- the questions, asked from a worker thread as the workflow does ------------------------

    void consentTogglesOnlyOptionalRights() {
        SimulatorBackend backend(nullptr);
        AuthController controller(backend, worldSettings());
        workflows::ConsentRequest request;
        request.providerName = "Demo eService";
        request.termsOfUsage = "<html><body><p>Purpose: <b>login</b></p></body></html>";
        request.requiredRights = {eac::AccessRight::ReadDg4, eac::AccessRight::ReadDg5};
        request.optionalRights = {eac::AccessRight::ReadDg17, eac::AccessRight::AgeVerification};
        auto asked = askOnWorker([&] { return controller.askConsent(request); });
        QTRY_COMPARE(controller.page(), QString("consent"));
        QCOMPARE(controller.providerName(), QString("Demo eService"));
        QVERIFY(controller.termsAreHtml());
        QCOMPARE(controller.termsOfUsage(), QString("Purpose: login"));  // shown as text only
        QCOMPARE(controller.rights().size(), 4);

        const int dg4 = int(eac::AccessRight::ReadDg4);
        const int dg17 = int(eac::AccessRight::ReadDg17);
        QVERIFY(!controller.setRightSelected(dg4, false));
        QVERIFY(!controller.setRightSelected(int(eac::AccessRight::ReadDg9), false));  // not asked
        QVERIFY(controller.setRightSelected(dg17, false));
        for (const QVariant& right : controller.rights()) {
            const auto map = right.toMap();
            QCOMPARE(map["selected"].toBool(), map["right"].toInt() != dg17);
            QCOMPARE(map["required"].toBool(),
                     map["right"].toInt() == dg4 ||
                         map["right"].toInt() == int(eac::AccessRight::ReadDg5));
        }
        QVERIFY(controller.setRightSelected(int(eac::AccessRight::AgeVerification), false));
        QVERIFY(controller.setRightSelected(int(eac::AccessRight::AgeVerification), true));
        QVERIFY(!asked.ready());  // the worker waits for the user

        QVERIFY(controller.acceptConsent());
        QCOMPARE(controller.page(), QString("working"));
        QVERIFY(!controller.acceptConsent());  // answered once, not twice
        auto consent = asked.answer.get();
        QVERIFY(consent.ok());
        QCOMPARE(consent->deselected.size(), std::size_t(1));
        QCOMPARE(int(consent->deselected.front()), dg17);
    }

    void cancelAtEachQuestionUnblocksTheWorker_data() {
        QTest::addColumn<QString>("question");
        QTest::newRow("reader") << "chooseReader";
        QTest::newRow("consent") << "consent";
        QTest::newRow("PIN") << "pin";
        QTest::newRow("CAN") << "can";
        QTest::newRow("PUK") << "puk";
    }
    void cancelAtEachQuestionUnblocksTheWorker() {
        QFETCH(QString, question);
        SimulatorBackend backend(nullptr);
        AuthController controller(backend, worldSettings());
        auto asked = askOnWorker([&]() -> std::optional<Error> {
            if (question == "chooseReader") {
                auto chosen = controller.chooseReader(
                    {{"Reader A", "pcsc", true, {}}, {"Reader B", "pcsc", true, {}}});
                return chosen ? std::nullopt : std::optional(chosen.error());
            }
            if (question == "consent") {
                auto consent = controller.askConsent({});
                return consent ? std::nullopt : std::optional(consent.error());
            }
            workflows::SecretRequest request;
            request.kind = question == "pin"   ? workflows::SecretKind::Pin
                           : question == "can" ? workflows::SecretKind::Can
                                               : workflows::SecretKind::Puk;
            auto secret = controller.askSecret(request);
            return secret ? std::nullopt : std::optional(secret.error());
        });
        const QString page =
            question == "chooseReader" || question == "consent" ? question : "secret";
        QTRY_COMPARE(controller.page(), page);
        QVERIFY(!asked.ready());
        controller.cancelAuthentication();
        QVERIFY(asked.answer.wait_for(std::chrono::milliseconds(kLimitMs)) ==
                std::future_status::ready);
        const auto error = asked.answer.get();
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::Cancelled);
        QVERIFY(controller.cancelRequested());
    }

    void severalReadersWithACardLetTheUserChoose() {
        SimulatorBackend backend(nullptr);
        AuthController controller(backend, worldSettings());
        const std::vector<ReaderInfo> readers{{"Reader A", "pcsc", true, {}},
                                              {"Reader B", "pcsc", true, {}},
                                              {"Reader C", "pcsc", false, {}}};
        auto asked = askOnWorker([&] { return controller.chooseReader(readers); });
        QTRY_COMPARE(controller.page(), QString("chooseReader"));
        QCOMPARE(controller.readerChoices(), QStringList({"Reader A", "Reader B"}));
        QVERIFY(!controller.selectReader("Reader C"));  // no card there
        QVERIFY(controller.selectReader("Reader B"));
        QCOMPARE(asked.answer.get().value(), std::string("Reader B"));
        // The choice holds for the rest of the authentication: no second question.
        QCOMPARE(controller.chooseReader(readers).value(), std::string("Reader B"));
    }

    void secretsAreCheckedAndHandedOverOnce() {
        SimulatorBackend backend(nullptr);
        AuthController controller(backend, worldSettings());
        auto asked = askOnWorker([&] { return controller.askSecret({}); });
        QTRY_COMPARE(controller.page(), QString("secret"));
        QCOMPARE(controller.secretKind(), QString("pin"));
        QCOMPARE(controller.secretLength(), 6);
        QVERIFY(!controller.submitSecret("12345"));
        QVERIFY(!controller.submitSecret("12345a"));
        QVERIFY(!controller.submitSecret("1234567"));
        QVERIFY(!asked.ready());
        QVERIFY(controller.submitSecret("123456"));
        QVERIFY(!controller.submitSecret("123456"));
        const auto secret = asked.answer.get();
        QVERIFY(secret.ok());
        QCOMPARE(secret->size(), std::size_t(6));
        const ByteView digits = secret->bytes();
        QCOMPARE(std::string(digits.begin(), digits.end()), std::string("123456"));
        QCOMPARE(controller.page(), QString("working"));
    }

    // --- whole authentications against the simulation world -----------------------------------

    void authenticationEndsWithTheRedirectToTheProvider() {
        SimulatorBackend backend(testCard());
        AuthController controller(backend, worldSettings());
        QStringList pages;
        connect(&controller, &AuthController::stateChanged, this, [&] {
            if (pages.isEmpty() || pages.last() != controller.page()) pages << controller.page();
        });
        auto outcome = activate(controller);
        QVERIFY(controller.active());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
        QCOMPARE(controller.step(), 2);
        QVERIFY(!controller.providerName().isEmpty());
        QVERIFY(controller.providerUrl().startsWith("https://127.0.0.1"));
        QVERIFY(!controller.validUntil().isEmpty());
        QVERIFY(controller.acceptConsent());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("secret"), kLimitMs);
        QCOMPARE(controller.step(), 3);
        QVERIFY(controller.demo());
        QVERIFY(controller.submitSecret("123456"));
        QTRY_VERIFY_WITH_TIMEOUT(answered(*outcome), kLimitMs);
        QCOMPARE(controller.page(), QString("result"));
        QVERIFY2(controller.succeeded(), qPrintable(controller.detail()));
        QCOMPARE(controller.outcome(), QString("ok"));
        QVERIFY(controller.returnedToProvider());
        QCOMPARE(controller.step(), AuthController::stepCount() + 1);
        QVERIFY(!controller.active());
        QCOMPARE(resultMajor(outcome->redirect), QString("ok"));
        QCOMPARE(pages,
                 QStringList({"working", "consent", "working", "secret", "working", "result"}));
        controller.dismissResult();
        QCOMPARE(controller.page(), QString("idle"));
    }

    void wrongPinIsAskedAgainWithTheTriesLeft() {
        SimulatorBackend backend(testCard());
        AuthController controller(backend, worldSettings());
        auto outcome = activate(controller);
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
        QVERIFY(controller.acceptConsent());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("secret"), kLimitMs);
        QCOMPARE(controller.pinStatus(), QString("operational"));
        QCOMPARE(controller.attempt(), 1);
        QVERIFY(controller.submitSecret("111111"));
        QTRY_COMPARE_WITH_TIMEOUT(controller.attempt(), 2, kLimitMs);
        QCOMPARE(controller.page(), QString("secret"));
        QCOMPARE(controller.secretKind(), QString("pin"));
        QCOMPARE(controller.pinStatus(), QString("two-tries-left"));
        QCOMPARE(controller.triesLeft(), 2);
        QVERIFY(controller.submitSecret("123456"));
        QTRY_VERIFY_WITH_TIMEOUT(answered(*outcome), kLimitMs);
        QVERIFY2(controller.succeeded(), qPrintable(controller.detail()));
    }

    void suspendedPinAsksForTheCanFirst() {
        SimulatorBackend backend(testCard(1));
        AuthController controller(backend, worldSettings());
        auto outcome = activate(controller);
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
        QVERIFY(controller.acceptConsent());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("secret"), kLimitMs);
        QCOMPARE(controller.secretKind(), QString("can"));
        QCOMPARE(controller.pinStatus(), QString("suspended"));
        QVERIFY(controller.submitSecret("500540"));
        QTRY_COMPARE_WITH_TIMEOUT(controller.secretKind(), QString("pin"), kLimitMs);
        QVERIFY(controller.submitSecret("123456"));
        QTRY_VERIFY_WITH_TIMEOUT(answered(*outcome), kLimitMs);
        QVERIFY2(controller.succeeded(), qPrintable(controller.detail()));
    }

    void cancellingAtThePinSendsTheBrowserBackWithAnError() {
        SimulatorBackend backend(testCard());
        AuthController controller(backend, worldSettings());
        auto outcome = activate(controller);
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
        QVERIFY(controller.acceptConsent());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("secret"), kLimitMs);
        controller.cancelAuthentication();
        QVERIFY(controller.cancelling());
        QCOMPARE(controller.page(), QString("working"));
        QTRY_VERIFY_WITH_TIMEOUT(answered(*outcome), kLimitMs);
        QCOMPARE(controller.outcome(), QString("cancelled"));
        QVERIFY(!controller.succeeded());
        QCOMPARE(resultMajor(outcome->redirect), QString("error"));
        QCOMPARE(backend.card()->pinState().retryCounter, 3);  // no try used
    }

    void waitingForACardShowsSoAndCancelEndsIt() {
        SimulatorBackend backend(nullptr);
        AuthController controller(backend, worldSettings());
        auto outcome = activate(controller);
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
        QVERIFY(controller.acceptConsent());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("waitingForCard"), kLimitMs);
        QCOMPARE(controller.readerName(), QString("Simulator"));
        controller.cancelAuthentication();
        QTRY_VERIFY_WITH_TIMEOUT(answered(*outcome), kLimitMs);
        QCOMPARE(controller.outcome(), QString("cancelled"));
    }

    void cardInsertedWhileWaitingLeadsToThePin() {
        SimulatorBackend backend(nullptr);
        AuthController controller(backend, worldSettings());
        auto outcome = activate(controller);
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
        QVERIFY(controller.acceptConsent());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("waitingForCard"), kLimitMs);
        backend.insertCard(testCard());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("secret"), kLimitMs);
        controller.cancelAuthentication();
        QTRY_VERIFY_WITH_TIMEOUT(answered(*outcome), kLimitMs);
    }

    void secondActivationWhileOneRunsIsRefused() {
        SimulatorBackend backend(testCard());
        AuthController controller(backend, worldSettings());
        auto first = activate(controller);
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
        auto second = activate(controller);
        QVERIFY(answered(*second));
        QCOMPARE(second->errorStatus, 409);
        QCOMPARE(controller.page(), QString("consent"));  // the first goes on undisturbed
        controller.cancel();                              // the browser left
        QTRY_VERIFY_WITH_TIMEOUT(answered(*first), kLimitMs);
        QCOMPARE(controller.outcome(), QString("cancelled"));
    }

    void activationWhileAnotherWindowWorkflowRunsIsRefused() {
        SimulatorBackend backend(testCard());
        AuthController controller(backend, worldSettings());
        auto held = workflows::UserWorkflowGuard::app().claim("PIN change");
        QVERIFY(held);
        auto outcome = activate(controller);
        QVERIFY(answered(*outcome));
        QCOMPARE(outcome->errorStatus, 409);
        QVERIFY(!controller.active());
        held.reset();
        auto next = activate(controller);
        QVERIFY(controller.active());
        QVERIFY(workflows::UserWorkflowGuard::app().userWorkflowActive());
        controller.cancelAuthentication();
        QTRY_VERIFY_WITH_TIMEOUT(answered(*next), kLimitMs);
        QVERIFY(!workflows::UserWorkflowGuard::app().userWorkflowActive());
    }

    void simulatorIsNotUsedOutsideDemoMode() {
        SimulatorBackend backend(testCard());
        AuthController controller(backend, worldSettings());
        controller.setSimulatorAllowed(false);
        auto outcome = activate(controller);
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
        QVERIFY(controller.acceptConsent());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("waitingForCard"), kLimitMs);
        QCOMPARE(controller.readerName(), QString());
        controller.cancelAuthentication();
        QTRY_VERIFY_WITH_TIMEOUT(answered(*outcome), kLimitMs);
    }

    // With the demo card's reader as the only one, an authentication is a demo one from its first
    // screen: the window's DEMO marker shows already at the consent, which comes before the card
    // is chosen.
    void demoMarkerShowsFromTheFirstScreenOfADemoAuthentication() {
        SimulatorBackend backend(testCard());
        AuthController controller(backend, worldSettings());
        Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(), true)});
        QVERIFY(desktop.start());
        auto* window = desktop.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_VERIFY(desktop.readers().demoActive());
        showAuthenticationIn(desktop, controller);
        QVERIFY(!controller.demo());  // nothing runs
        auto outcome = activate(controller);
        QCOMPARE(controller.page(), QString("working"));
        QVERIFY(controller.readerName().isEmpty());
        QVERIFY(controller.demo());
        QTRY_VERIFY(visibleItem(window, "demoBanner"));
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
        QVERIFY(controller.readerName().isEmpty());
        QVERIFY(visibleItem(window, "authConsent"));
        QVERIFY(visibleItem(window, "demoBanner"));
        controller.cancelAuthentication();
        QTRY_VERIFY_WITH_TIMEOUT(answered(*outcome), kLimitMs);
        window->setProperty("authentication", QVariant());
    }

    // Where a real reader could still be chosen, the marker waits for the card.
    void demoMarkerWaitsForTheCardWhileOtherReadersCouldBeChosen() {
        SimulatorBackend backend(testCard());
        AuthController controller(backend, worldSettings());
        controller.setSimulatorOnly(false);
        auto outcome = activate(controller);
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
        QVERIFY(!controller.demo());
        QVERIFY(controller.acceptConsent());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("secret"), kLimitMs);
        QCOMPARE(controller.readerName(), QString(SimulatorBackend::kReaderName));
        QVERIFY(controller.demo());
        controller.cancelAuthentication();
        QTRY_VERIFY_WITH_TIMEOUT(answered(*outcome), kLimitMs);
    }

    // --- the window, from the browser's request to its redirect --------------------------------

    void browserActivationClickedThroughTheWindowEndsWithResultOk() {
        SimulatorBackend backend(testCard());
        AuthController controller(backend, worldSettings());
        service::LocalHttpServerSettings listener;
        listener.addresses = {QHostAddress(QHostAddress::LocalHost)};
        listener.port = 0;
        service::EidClientService eidClient(controller, listener);
        QCOMPARE(eidClient.start().outcome, service::ServiceLaunch::Outcome::Listening);
        Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(), true)});
        QVERIFY(desktop.start());
        auto* window = desktop.window();
        window->setProperty("authentication", QVariant::fromValue(&controller));
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QVERIFY(!visibleItem(window, "authConsentButton"));
        QSignalSpy raised(&controller, &AuthController::activationStarted);

        Browser browser(eidClient.server().port(), tcTokenUrl());
        QTRY_COMPARE_WITH_TIMEOUT(raised.count(), 1, kLimitMs);
        QTRY_VERIFY_WITH_TIMEOUT(visibleItem(window, "authConsentButton"), kLimitMs);
        // A second browser tab meanwhile is told that one runs.
        Browser second(eidClient.server().port(), tcTokenUrl());
        QTRY_VERIFY_WITH_TIMEOUT(second.answered(), kLimitMs);
        QCOMPARE(second.status(), 409);

        auto* consent = visibleItem(window, "authConsent");
        QVERIFY(consent);
        QTRY_VERIFY(visibleItem(window, "termsOfUsage"));
        // Keyboard only: the consent button takes the focus and Space presses it.
        auto* accept = visibleItem(window, "authConsentButton");
        accept->forceActiveFocus(Qt::TabFocusReason);
        QTRY_VERIFY(accept->hasActiveFocus());
        QTest::keyClick(window, Qt::Key_Space);

        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("secret"), kLimitMs);
        QTRY_VERIFY_WITH_TIMEOUT(visibleItem(window, "authSecretFieldInput"), kLimitMs);
        QPointer<QQuickItem> input = visibleItem(window, "authSecretFieldInput");
        QTRY_VERIFY(input->hasActiveFocus());  // the hardware keyboard goes straight in
        for (const char digit : std::string("111111"))
            QTest::keyClick(window, digit);
        QCOMPARE(input->property("text").toString().size(), 6);
        QTest::keyClick(window, Qt::Key_Return);
        // Wiped when handed over, and the entry goes with the request.
        QVERIFY(!input || input->property("text").toString().isEmpty());
        QTRY_VERIFY(!input);

        // The wrong PIN comes back with the counter, in words.
        QTRY_COMPARE_WITH_TIMEOUT(controller.attempt(), 2, kLimitMs);
        QTRY_VERIFY(visibleItem(window, "secretStatusPanel"));
        QCOMPARE(visibleItem(window, "secretStatusPanel")->property("title").toString(),
                 QString("The PIN was wrong. Two tries are left."));
        QTRY_VERIFY(visibleItem(window, "authSecretFieldInput"));
        input = visibleItem(window, "authSecretFieldInput");
        QCOMPARE(input->property("text").toString(), QString());  // a fresh entry
        QTRY_VERIFY(input->hasActiveFocus());
        for (const char digit : std::string("123456"))
            QTest::keyClick(window, digit);
        clickItem(window, visibleItem(window, "authSecretButton"));

        QTRY_VERIFY_WITH_TIMEOUT(browser.answered(), kLimitMs);
        QCOMPARE(browser.status(), 303);
        QCOMPARE(resultMajor(browser.location()), QString("ok"));
        auto* result = visibleItem(window, "authResultPanel");
        QVERIFY(result);
        QCOMPARE(result->property("title").toString(),
                 QString("You have identified yourself successfully."));
        // The result is in sight (not below the emptied PIN entry) and Close has the keyboard.
        const auto inSight = [window](QQuickItem* item) {
            const QRectF box = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
            return box.top() >= 0 && box.bottom() <= window->height();
        };
        QTRY_VERIFY(inSight(result));
        auto* close = visibleItem(window, "authDoneButton");
        QTRY_VERIFY(close->hasActiveFocus());
        QVERIFY(inSight(close));
        QTest::keyClick(window, Qt::Key_Space);
        QTRY_VERIFY(!visibleItem(window, "authResultPanel"));
    }

    // The PIN entry's optional shuffled keypad: every digit once, and each types its own digit.
    void shuffledKeypadStillHasEveryDigitOnce() {
        SimulatorBackend backend(testCard());
        AuthController controller(backend, worldSettings());
        Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(), true)});
        QVERIFY(desktop.start());
        auto* window = desktop.window();
        window->setProperty("authentication", QVariant::fromValue(&controller));
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto outcome = activate(controller);
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
        QVERIFY(controller.acceptConsent());
        QTRY_VERIFY_WITH_TIMEOUT(visibleItem(window, "authSecretField"), kLimitMs);
        auto* field = visibleItem(window, "authSecretField");
        field->setProperty("keypadShown", true);
        field->setProperty("keypadShuffled", true);
        QStringList digits;
        QList<QQuickItem*> keys;
        const std::function<void(QQuickItem*)> collect = [&](QQuickItem* item) {
            if (!item->isVisible()) return;
            const QString text = item->property("text").toString();
            if (item->inherits("QQuickAbstractButton") && text.size() == 1 && text[0].isDigit()) {
                digits << text;
                keys << item;
            }
            for (auto* child : item->childItems())
                collect(child);
        };
        QTRY_VERIFY(([&] {
            digits.clear();
            keys.clear();
            collect(field);
            return digits.size() == 10;
        }()));
        QStringList sorted = digits;
        sorted.sort();
        QCOMPARE(sorted, QStringList({"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}));
        window->resize(window->width(), 1400);  // the keypad fits without scrolling
        QTest::qWait(50);
        for (auto* key : keys) {
            if (key->property("text").toString() != "5") continue;
            clickItem(window, key);
        }
        QCOMPARE(visibleItem(window, "authSecretFieldInput")->property("text").toString(),
                 QString("5"));
        controller.cancelAuthentication();
        QTRY_VERIFY_WITH_TIMEOUT(answered(*outcome), kLimitMs);
    }

    // scripts/screenshots.sh runs this under Xvfb; without OA_GUI_SCREENSHOT_DIR it is skipped.
    void screenshotsOfTheAuthenticationScreens() {
        const QString shots = qEnvironmentVariable("OA_GUI_SCREENSHOT_DIR");
        if (shots.isEmpty()) QSKIP("OA_GUI_SCREENSHOT_DIR not set");
        for (const QString language : {"en", "de"}) {
            SimulatorBackend backend(testCard());
            AuthController controller(backend, worldSettings());
            Desktop desktop({new ReaderFeed(std::make_unique<SimulatorBackend>(), true)});
            desktop.language().setCode(language);
            QVERIFY(desktop.start());
            auto* window = desktop.window();
            window->setProperty("authentication", QVariant::fromValue(&controller));
            QVERIFY(QTest::qWaitForWindowExposed(window));
            const auto shoot = [&](const QString& name) {
                QTest::qWait(200);  // let the page settle (animations) before the picture
                return window->grabWindow().save(
                    QString("%1/%2-auth-%3.png").arg(shots, language, name));
            };
            auto outcome = activate(controller);
            QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("consent"), kLimitMs);
            controller.setRightSelected(int(eac::AccessRight::ReadDg17), false);
            const QSize size = window->size();
            window->resize(size.width(), 1200);
            QVERIFY(shoot("consent"));
            window->resize(size);
            QVERIFY(controller.acceptConsent());
            QTRY_COMPARE_WITH_TIMEOUT(controller.page(), QString("secret"), kLimitMs);
            QVERIFY(controller.submitSecret("111111"));
            QTRY_COMPARE_WITH_TIMEOUT(controller.attempt(), 2, kLimitMs);
            QTRY_VERIFY(visibleItem(window, "authSecretField"));
            visibleItem(window, "authSecretField")->setProperty("keypadShown", true);
            QVERIFY(shoot("pin"));
            QVERIFY(controller.submitSecret("123456"));
            QTRY_VERIFY_WITH_TIMEOUT(answered(*outcome), kLimitMs);
            QVERIFY(shoot("result"));
        }
    }
};

QTEST_MAIN(AuthControllerTest)
#include "AuthControllerTest.moc"
