// Issue 8 end to end with the virtual card: a blocked PIN, a PIN letter ordered with the CAN, the
// letter read from the service's mailbox, activated with its code, and the letter's PIN works.
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QUrlQuery>
#include <catch2/catch.hpp>

#include "PinLetterSupport.h"
#include "WorldTestSupport.h"
#include "eid/DeveloperModeTrust.h"
#include "net/TlsConfiguration.h"
#include "workflows/AuthWorkflow.h"

using namespace oa;
using namespace oa::sim;
using namespace oa::sim::test;
using namespace oa::workflows;

namespace {

std::string describe(const PinLetterOutcome& outcome) {
    return std::string(toString(outcome.stage)) +
           (outcome.error ? ": " + outcome.error->message + " | " + outcome.error->detail : "");
}

AuthOutcome authenticateWithPin(World& world, SimulatorBackend& backend, const std::string& pin) {
    AuthSettings settings;
    settings.caCertificates = {world.caCertificate()};
    settings.verifyCardSecurity = eid::passiveAuthentication(eid::cscaTrust(true));
    settings.retry = instantRetry();
    settings.cardWait = std::chrono::milliseconds(2000);
    ScriptedInteraction::Script script;
    script.pins = {pin};
    ScriptedInteraction interaction(script);
    AuthWorkflow workflow(backend, interaction, settings);
    return workflow.run(world.eService().tcTokenUrl());
}

}  // namespace

TEST_CASE("PIN letter end to end: blocked PIN, order with the CAN, activate, new PIN works",
          "[pinletter][e2e]") {
    auto world = startWorld();
    Citizen citizen;
    blockPin(citizen.backend);

    citizen.script.cans = {"500540"};
    PendingOrderStore store({});
    auto client = instantServiceClient(*world);
    std::vector<PinLetterStage> stages;
    PinLetterObserver observer{[&stages](PinLetterStage stage) { stages.push_back(stage); }, {}};
    PinLetterWorkflow ordering(pinLetterSettings(*world), *client, citizen.authenticate(*world),
                               store, observer);
    const auto ordered = ordering.order();
    INFO(describe(ordered));
    REQUIRE(ordered.stage == PinLetterStage::LetterOrdered);
    CHECK(ordered.orderReference.startsWith("PRS-"));
    CHECK(stages ==
          std::vector<PinLetterStage>{PinLetterStage::Ordering, PinLetterStage::Authenticating,
                                      PinLetterStage::Confirming, PinLetterStage::LetterOrdered});
    // The card part ran in CAN-allowed mode: the CAN was asked, never the PIN.
    REQUIRE(citizen.interaction->secretRequests().size() == 1);
    CHECK(citizen.interaction->secretRequests().front().kind == SecretKind::Can);
    REQUIRE(store.ordered().size() == 1);
    CHECK(store.ordered().front().reference == ordered.orderReference);
    CHECK_FALSE(store.pending(PendingOrderStore::Kind::Order,
                              pinLetterSettings(*world).service.toString()));

    // The letter, as the demo mailbox shows it.
    const auto mailbox = jsonOf(serviceRequest(*world, "GET", "/mailbox.json"));
    const QJsonArray letters = mailbox.value("letters").toArray();
    REQUIRE(letters.size() == 1);
    const QJsonObject letter = letters.first().toObject();
    CHECK(letter.value("order").toString() == ordered.orderReference);
    CHECK(letter.value("addressee").toString().contains("MUSTERMANN"));
    const QString newPin = letter.value("newPin").toString();
    const QString code = letter.value("activationCode").toString();
    REQUIRE(newPin.size() == 6);

    citizen.script.cans = {"500540"};
    PinLetterWorkflow activating(pinLetterSettings(*world), *client, citizen.authenticate(*world),
                                 store);
    const auto activated = activating.activate(code);
    INFO(describe(activated));
    REQUIRE(activated.stage == PinLetterStage::Activated);
    CHECK(activated.orderReference == ordered.orderReference);
    CHECK(jsonOf(serviceRequest(*world, "GET", "/mailbox.json"))
              .value("letters")
              .toArray()
              .first()
              .toObject()
              .value("used")
              .toBool());

    const auto withNewPin = authenticateWithPin(*world, citizen.backend, newPin.toStdString());
    INFO((withNewPin.error ? withNewPin.error->message + " | " + withNewPin.error->detail : ""));
    CHECK(withNewPin.ok());
    CHECK(QUrlQuery(withNewPin.redirectUrl).queryItemValue("ResultMajor").endsWith("ok"));

    // The code is spent: a second activation is refused in words.
    PinLetterStore& serviceStore = world->pinLetterService().store();
    CHECK(serviceStore.letters().front().used);
    PendingOrderStore freshStore({});
    PinLetterWorkflow again(pinLetterSettings(*world), *client, citizen.authenticate(*world),
                            freshStore);
    const auto refused = again.activate(code);
    CHECK(refused.stage == PinLetterStage::Failed);
    REQUIRE(refused.error);
    CHECK(refused.error->message.find("already used") != std::string::npos);
}

TEST_CASE("PIN letter: the same order sent again after a client-side timeout yields one letter",
          "[pinletter][e2e]") {
    auto world = startWorld();
    Citizen citizen;
    citizen.script.cans = {"500540"};
    // The first answer comes after the client has given up; the order was placed all the same.
    PinLetterOverload slow;
    slow.latencyMilliseconds = 1500;
    world->pinLetterService().setOverload(slow);
    auto settings = pinLetterSettings(*world);
    net::HttpsExchange::Settings exchange;
    exchange.tls = net::TlsConfiguration::eServiceChannel(settings.caCertificates);
    exchange.timeouts = {std::chrono::milliseconds(600), std::chrono::milliseconds(600)};
    QNetworkAccessManager manager;
    int tries = 0;
    net::ServiceClient client(
        [&](const net::HttpsExchange::Request& request) {
            if (++tries == 2) world->pinLetterService().setOverload({});
            return net::HttpsExchange::run(manager, request, exchange);
        },
        instantRetry(), std::make_shared<net::RequestBudget>(600, 100));
    PendingOrderStore store({});
    PinLetterWorkflow workflow(settings, client, citizen.authenticate(*world), store);
    const auto outcome = workflow.order();
    INFO(describe(outcome));
    REQUIRE(outcome.stage == PinLetterStage::LetterOrdered);
    CHECK(tries >= 3);  // order (timed out), order again, status
    const auto& statistics = world->pinLetterService().statistics();
    CHECK(statistics.ordersCreated == 1);
    CHECK(statistics.orderRepeats >= 1);
    CHECK(world->pinLetterService().store().orderCount() == 1);
    CHECK(world->pinLetterService().store().letters().size() == 1);

    // Ordering once more for the same key changes nothing either.
    const auto repeated = serviceRequest(
        *world, "POST", "/order",
        world->pinLetterService().store().order(outcome.orderReference)->idempotencyKey, "{}");
    REQUIRE(repeated.result);
    CHECK(repeated.result->status == 200);
    CHECK(jsonOf(repeated).value("status").toString() == "letter-sent");
    CHECK(world->pinLetterService().store().letters().size() == 1);
}
