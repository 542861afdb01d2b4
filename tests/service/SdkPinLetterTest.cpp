// RUN_PIN_LETTER, our SDK extension for the replacement PIN, against the simulation world's PIN
// letter service: the real PinLetterWorkflow on the session's worker thread, the in-process virtual
// card in the Simulator reader answering through the usual SDK questions (ACCESS_RIGHTS,
// ENTER_CAN).
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <thread>

#include "SdkTestSession.h"
#include "eid/DeveloperModeTrust.h"
#include "eid/PinManagement.h"
#include "net/TlsConfiguration.h"
#include "sim/world/World.h"

using namespace oa;
using namespace oa::service;
using namespace oa::service::test;
using namespace std::chrono_literals;

namespace {

const char* kCan = "500540";

QString msg(const QJsonObject& message) {
    return message.value("msg").toString();
}

SecureBytes digits(const std::string& text) {
    return SecureBytes(ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::unique_ptr<sim::World> startWorld(sim::WorldOptions options = {}) {
    auto world = sim::World::start(options);
    if (!world) FAIL(world.error().message + ": " + world.error().detail);
    return std::move(*world);
}

// A session whose PIN letter runs trust the world's TLS and test PKI (developer mode) and keep
// their pending orders in `storeDirectory`; the backoff waits are real but short (half the cap).
std::unique_ptr<SdkTestSession> pinLetterSession(sim::World& world, const QTemporaryDir& store) {
    auto sdk = std::make_unique<SdkTestSession>(std::make_shared<SimulatorBackend>(), false);
    SdkSession::Environment environment;
    environment.backend = sdk->backend.get();
    environment.simulator = sdk->backend.get();
    environment.cardWait = 20s;
    environment.authSettings = [&world](bool developerMode) {
        workflows::AuthSettings settings;
        settings.caCertificates = {world.caCertificate()};
        settings.verifyCardSecurity = eid::passiveAuthentication(eid::cscaTrust(developerMode));
        settings.retry = std::make_shared<net::RetryPolicy>(
            net::RetrySettings{}, [] { return 0.0; }, [](std::chrono::milliseconds) {});
        settings.cardWait = 20000ms;
        return settings;
    };
    environment.pinLetterSettings = [&world] {
        workflows::PinLetterSettings settings;
        settings.caCertificates = {world.caCertificate()};
        settings.retry.baseDelay = 4000ms;
        return settings;
    };
    environment.pinLetterClient = [](const workflows::PinLetterSettings& settings) {
        net::HttpsExchange::Settings exchange;
        exchange.tls = net::TlsConfiguration::eServiceChannel(settings.caCertificates);
        exchange.timeouts = {5000ms, 10000ms};
        auto retry = std::make_shared<net::RetryPolicy>(
            settings.retry, [] { return 0.5; },
            [](std::chrono::milliseconds pause) { std::this_thread::sleep_for(pause); });
        return std::make_unique<net::ServiceClient>(exchange, retry,
                                                    std::make_shared<net::RequestBudget>(600, 100));
    };
    environment.pinLetterStorePath = store.filePath("pin-letter.json");
    auto* raw = sdk.get();
    sdk->session = std::make_unique<SdkSession>(environment, [raw](const QByteArray& json) {
        raw->messages.push_back(QJsonDocument::fromJson(json).object());
    });
    return sdk;
}

void blockPin(SimulatorBackend& backend) {
    auto card = backend.connect(SimulatorBackend::kReaderName);
    REQUIRE(card);
    eid::PinManagement pins(**card);
    CHECK_FALSE(pins.authenticateWithPin(digits("111111")));
    CHECK_FALSE(pins.authenticateWithPin(digits("222222")));
    CHECK_FALSE(pins.authenticateWithPin(digits("333333"), digits(kCan)));
    auto status = pins.status();
    REQUIRE(status);
    REQUIRE(status->status == eid::PinStatus::Blocked);
}

// The next message that is neither STATUS nor a PIN_LETTER progress stage; the stages seen on
// the way are appended to `stages`.
QJsonObject nextQuestionOrEnd(SdkTestSession& sdk, QStringList& stages) {
    for (;;) {
        QJsonObject message = sdk.nextSkippingStatus();
        if (msg(message) != "PIN_LETTER") return message;
        const QString stage = message.value("stage").toString();
        stages << stage;
        if (stage != "Ordering" && stage != "Waiting" && stage != "Authenticating" &&
            stage != "Confirming")
            return message;
    }
}

// The card part: consent, then the CAN; returns the PIN_LETTER end.
QJsonObject answerCardQuestions(SdkTestSession& sdk, QStringList& stages) {
    auto rights = nextQuestionOrEnd(sdk, stages);
    INFO(QJsonDocument(rights).toJson().toStdString());
    REQUIRE(msg(rights) == "ACCESS_RIGHTS");
    sdk.command("ACCEPT");
    auto enterCan = nextQuestionOrEnd(sdk, stages);
    REQUIRE(msg(enterCan) == "ENTER_CAN");
    CHECK(sdk.ask("SET_CAN", {{"value", "12345"}}).value("error").toString() ==
          "You must provide 6 digits");
    sdk.command("SET_CAN", {{"value", kCan}});
    return nextQuestionOrEnd(sdk, stages);
}

}  // namespace

TEST_CASE(
    "SDK: RUN_PIN_LETTER orders a letter with the CAN and activates it with the letter's code",
    "[sdk][pinletter]") {
    auto world = startWorld();
    QTemporaryDir store;
    REQUIRE(store.isValid());
    auto sdk = pinLetterSession(*world, store);
    blockPin(*sdk->backend);
    const QString service = world->pinLetterService().origin().toString();

    sdk->command("RUN_PIN_LETTER",
                 {{"action", "order"}, {"service", service}, {"developerMode", true}});
    QStringList stages;
    const auto ordered = answerCardQuestions(*sdk, stages);
    INFO(QJsonDocument(ordered).toJson().toStdString());
    REQUIRE(msg(ordered) == "PIN_LETTER");
    REQUIRE(ordered.value("stage").toString() == "LetterOrdered");
    CHECK(stages.first() == "Ordering");
    CHECK(stages.contains("Authenticating"));
    const QString reference = ordered.value("reference").toString();
    CHECK_FALSE(reference.isEmpty());
    CHECK(sdk->ask("GET_STATUS").value("workflow").isNull());

    // The letter, as the service's mailbox holds it.
    const auto& letters = world->pinLetterService().store().letters();
    REQUIRE(letters.size() == 1);
    CHECK(letters.front().orderReference == reference);
    const QString code = letters.front().activationCode;
    const std::string newPin = letters.front().newPin.toStdString();

    sdk->command("RUN_PIN_LETTER", {{"action", "activate"},
                                    {"service", service + "/"},
                                    {"activationCode", code},
                                    {"developerMode", true}});
    stages.clear();
    const auto activated = answerCardQuestions(*sdk, stages);
    INFO(QJsonDocument(activated).toJson().toStdString());
    REQUIRE(activated.value("stage").toString() == "Activated");
    CHECK(activated.value("reference").toString() == reference);
    CHECK(world->pinLetterService().store().letters().front().used);

    // The letter's PIN now opens the card.
    auto card = sdk->backend->connect(SimulatorBackend::kReaderName);
    REQUIRE(card);
    eid::PinManagement pins(**card);
    CHECK(pins.authenticateWithPin(digits(newPin)));
}

TEST_CASE("SDK: RUN_PIN_LETTER refuses bad parameters with the SDK's error texts",
          "[sdk][pinletter]") {
    SdkTestSession sdk(emptySimulator(), false);
    const QString service = "https://pin-reset.example";
    auto error = [&](QJsonObject fields) {
        const auto answer = sdk.ask("RUN_PIN_LETTER", std::move(fields));
        CHECK(msg(answer) == "PIN_LETTER");
        return answer.value("error").toString();
    };
    CHECK(error({{"service", service}}) == "action cannot be undefined");
    CHECK(error({{"action", "reorder"}, {"service", service}}) == "Invalid action");
    CHECK(error({{"action", "order"}}) == "service cannot be undefined");
    CHECK(error({{"action", "order"}, {"service", 7}}) == "Invalid service");
    CHECK(error({{"action", "order"}, {"service", "http://pin-reset.example"}}) ==
          "Validation of service failed");
    CHECK(error({{"action", "order"}, {"service", "https://"}}) == "Validation of service failed");
    CHECK(error({{"action", "activate"}, {"service", service}}) ==
          "activationCode cannot be undefined");
    CHECK(error({{"action", "activate"}, {"service", service}, {"activationCode", "AB CD/.."}}) ==
          "Invalid activationCode");
    CHECK(error({{"action", "order"}, {"service", service}, {"activationCode", "ABCD"}}) ==
          "activationCode belongs to activate");
    CHECK(error({{"action", "order"}, {"service", service}, {"developerMode", "yes"}}) ==
          "Invalid developerMode");
    CHECK(sdk.ask("GET_STATUS").value("workflow").isNull());
}

TEST_CASE("SDK: while a workflow runs RUN_PIN_LETTER and the other RUN commands get BAD_STATE",
          "[sdk][pinletter]") {
    SdkTestSession sdk(emptySimulator(), false);
    const QJsonObject order{{"action", "order"}, {"service", "https://pin-reset.example"}};
    const auto started = sdk.ask("RUN_PIN_LETTER", order);
    CHECK(msg(started) == "PIN_LETTER");
    CHECK(started.value("stage").toString() == "Ordering");
    CHECK(sdk.ask("GET_STATUS").value("workflow").toString() == "PIN_LETTER");
    for (const char* run : {"RUN_PIN_LETTER", "RUN_AUTH", "RUN_CHANGE_PIN"}) {
        const auto refused = sdk.ask(run, order);
        CHECK(msg(refused) == "BAD_STATE");
        CHECK(refused.value("error").toString() == run);
    }
    const auto cancelled = sdk.ask("CANCEL");
    CHECK(msg(cancelled) == "PIN_LETTER");
    CHECK(cancelled.value("stage").toString() == "Cancelled");

    sdk.ask("RUN_CHANGE_PIN");
    CHECK(msg(sdk.ask("RUN_PIN_LETTER", order)) == "BAD_STATE");
}

TEST_CASE("SDK: CANCEL during the countdown of a service outage ends RUN_PIN_LETTER as cancelled",
          "[sdk][pinletter]") {
    sim::WorldOptions options;
    options.pinLetterOverload.outageLength = std::chrono::minutes(10);
    auto world = startWorld(options);
    QTemporaryDir store;
    REQUIRE(store.isValid());
    auto sdk = pinLetterSession(*world, store);
    sdk->command("RUN_PIN_LETTER", {{"action", "order"},
                                    {"service", world->pinLetterService().origin().toString()},
                                    {"developerMode", true}});
    QJsonObject waiting;
    for (;;) {
        waiting = sdk->nextSkippingStatus();
        REQUIRE(msg(waiting) == "PIN_LETTER");
        const QString stage = waiting.value("stage").toString();
        REQUIRE((stage == "Ordering" || stage == "Waiting"));
        if (stage == "Waiting") break;
    }
    CHECK(waiting.value("retryIn").toInt() >= 1);
    sdk->command("CANCEL");
    QJsonObject end;
    do {
        end = sdk->nextSkippingStatus();
        REQUIRE(msg(end) == "PIN_LETTER");
    } while (end.value("stage").toString() == "Waiting");
    INFO(QJsonDocument(end).toJson().toStdString());
    CHECK(end.value("stage").toString() == "Cancelled");
    CHECK(end.value("error").isString());
    CHECK(sdk->ask("GET_STATUS").value("workflow").isNull());
    CHECK(world->pinLetterService().store().orderCount() == 0);
    CHECK(world->pinLetterService().statistics().turnedAway >= 1);
}
