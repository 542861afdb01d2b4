// The simulated PIN letter service over HTTPS: idempotent orders, strict requests, the overload
// switch, and its store's one-letter-per-order rule.
#include <QJsonArray>
#include <QJsonDocument>
#include <catch2/catch.hpp>

#include "PinLetterSupport.h"
#include "WorldTestSupport.h"

using namespace oa;
using namespace oa::sim;
using namespace oa::sim::test;

namespace {

int statusOf(const net::HttpsOutcome& outcome) {
    INFO((outcome.result ? ""
                         : outcome.result.error().message + " | " + outcome.result.error().detail));
    REQUIRE(outcome.result);
    return outcome.result->status;
}

}  // namespace

TEST_CASE("PIN letter service: an order without an Idempotency-Key is refused", "[pinletter]") {
    auto world = startWorld();
    const auto answer = serviceRequest(*world, "POST", "/order");
    CHECK(statusOf(answer) == 400);
    CHECK(jsonOf(answer).value("error").toString() == "idempotency-key-required");
    CHECK(world->pinLetterService().store().orderCount() == 0);
}

TEST_CASE("PIN letter service: the same Idempotency-Key is the same order, another key another",
          "[pinletter]") {
    auto world = startWorld();
    const auto first = serviceRequest(*world, "POST", "/order", "key-aaaaaaaa-1", "{}");
    const auto repeat = serviceRequest(*world, "POST", "/order", "key-aaaaaaaa-1", "{}");
    const auto other = serviceRequest(*world, "POST", "/order", "key-bbbbbbbb-2", "{}");
    CHECK(statusOf(first) == 201);
    CHECK(statusOf(repeat) == 200);
    CHECK(statusOf(other) == 201);
    const QString reference = jsonOf(first).value("order").toString();
    CHECK(reference.startsWith("PRS-"));
    CHECK(jsonOf(repeat).value("order").toString() == reference);
    CHECK(jsonOf(other).value("order").toString() != reference);
    CHECK(jsonOf(first).value("status").toString() == "awaiting-authentication");
    CHECK(jsonOf(first).value("tcTokenUrl").toString().endsWith("/tcToken?order=" + reference));
    CHECK(world->pinLetterService().statistics().ordersCreated == 2);
    CHECK(world->pinLetterService().statistics().orderRepeats == 1);

    const auto status = serviceRequest(*world, "GET", "/orders/" + reference);
    CHECK(statusOf(status) == 200);
    CHECK(jsonOf(status).value("status").toString() == "awaiting-authentication");
    CHECK(statusOf(serviceRequest(*world, "GET", "/orders/PRS-999999")) == 404);
}

TEST_CASE("PIN letter service: an order's TC token starts a PIN reset session", "[pinletter]") {
    auto world = startWorld();
    const auto placed = serviceRequest(*world, "POST", "/order", "key-cccccccc-3", "{}");
    const QString reference = jsonOf(placed).value("order").toString();
    const auto token = serviceRequest(*world, "GET", "/tcToken?order=" + reference);
    REQUIRE(statusOf(token) == 200);
    const auto evaluated = net::evaluateTcToken(token.result->body);
    REQUIRE(evaluated.token);
    const EidSession* session = world->eidServer().session(evaluated.token->sessionIdentifier);
    REQUIRE(session);
    CHECK(session->request().terminal == TerminalProfile::PinReset);
    CHECK_FALSE(session->request().newPin);
    CHECK(std::find(session->request().required.begin(), session->request().required.end(),
                    eid::DataGroup::DG17) != session->request().required.end());
}

TEST_CASE("PIN letter service: activation requests are strict and unknown codes are refused",
          "[pinletter]") {
    auto world = startWorld();
    CHECK(statusOf(serviceRequest(*world, "POST", "/activation", {},
                                  "{\"activationCode\":\"X\"}")) == 400);
    CHECK(statusOf(serviceRequest(*world, "POST", "/activation", "key-dddddddd-4", "[]")) == 400);
    CHECK(statusOf(serviceRequest(*world, "POST", "/activation", "key-dddddddd-4",
                                  "{\"activationCode\":\"AAAA-BBBB-CCCC\",\"x\":1}")) == 400);
    const auto unknown = serviceRequest(*world, "POST", "/activation", "key-dddddddd-4",
                                        "{\"activationCode\":\"AAAA-BBBB-CCCC\"}");
    CHECK(statusOf(unknown) == 404);
    CHECK(jsonOf(unknown).value("error").toString() == "unknown-activation-code");
}

TEST_CASE("PIN letter service: the overload switch turns requests away, the mailbox stays up",
          "[pinletter]") {
    auto world = startWorld();
    const auto set = serviceRequest(*world, "POST", "/overload", {},
                                    "{\"outageStart\":0,\"outageLength\":600,"
                                    "\"outageRetryAfter\":7}");
    REQUIRE(statusOf(set) == 200);
    CHECK(jsonOf(set).value("inOutage").toBool());
    const auto down = serviceRequest(*world, "POST", "/order", "key-eeeeeeee-5", "{}");
    CHECK(statusOf(down) == 503);
    CHECK(down.result->header("Retry-After") == "7");
    CHECK(world->pinLetterService().store().orderCount() == 0);
    CHECK(statusOf(serviceRequest(*world, "GET", "/mailbox")) == 200);

    CHECK(statusOf(serviceRequest(*world, "POST", "/overload", {},
                                  "{\"fraction\":0.5,"
                                  "\"status\":429,"
                                  "\"retryAfter\":3}")) == 200);
    const auto busy = serviceRequest(*world, "GET", "/orders/PRS-000001");
    const auto through = serviceRequest(*world, "GET", "/orders/PRS-000001");
    CHECK(statusOf(busy) == 429);
    CHECK(busy.result->header("Retry-After") == "3");
    CHECK(statusOf(through) == 404);  // served: there is no such order

    CHECK(statusOf(serviceRequest(*world, "POST", "/overload", {}, "{\"fraction\":2}")) == 400);
    CHECK(statusOf(serviceRequest(*world, "POST", "/overload", {}, "{\"unknown\":1}")) == 400);
    CHECK(statusOf(serviceRequest(*world, "POST", "/overload", {}, "{\"dropFraction\":1}")) == 200);
    const auto dropped = serviceRequest(*world, "GET", "/orders/PRS-000001");
    CHECK_FALSE(dropped.result);
    CHECK(world->pinLetterService().statistics().dropped >= 1);
}

TEST_CASE("PIN letter store: one letter per order, codes typed loosely, each code used once",
          "[pinletter]") {
    PinLetterStore store;
    auto placed = store.placeOrder("key-one-111111");
    int next = 0;
    const auto random = [&next](int bound) { return next++ % bound; };
    const PinLetter& letter = store.sendLetter(*placed.order, "ERIKA MUSTERMANN", random);
    const QString code = letter.activationCode;
    const QString pin = letter.newPin;
    CHECK(pin.size() == 6);
    CHECK(code.size() == 14);
    store.sendLetter(*placed.order, "ERIKA MUSTERMANN", random);
    CHECK(store.letters().size() == 1);
    CHECK(store.letters().front().newPin == pin);

    auto started = store.startActivation("key-act-1111111", code.toLower().remove('-'));
    REQUIRE(started);
    CHECK(started->created);
    CHECK(started->activation->orderReference == placed.order->reference);
    auto again = store.startActivation("key-act-1111111", code);
    REQUIRE(again);
    CHECK_FALSE(again->created);
    CHECK(again->activation == started->activation);
    CHECK_FALSE(store.startActivation("key-act-2222222", "ZZZZ-ZZZZ-ZZZZ"));

    store.letterFor(*started->activation)->used = true;
    auto used = store.startActivation("key-act-3333333", code);
    REQUIRE_FALSE(used);
    CHECK(used.error().detail == "activation-code-used");
}

TEST_CASE("PIN letter overload flags of openausweis-sim up", "[pinletter]") {
    PinLetterOverload overload;
    REQUIRE(applyPinLetterFlag(overload, "--pin-letter-outage", std::string("5:60:10")).value());
    CHECK(overload.outageStart == std::chrono::seconds(5));
    CHECK(overload.outageLength == std::chrono::seconds(60));
    CHECK(overload.outageRetryAfterSeconds == 10);
    REQUIRE(
        applyPinLetterFlag(overload, "--pin-letter-overload", std::string("0.25:429:4")).value());
    CHECK(overload.turnAway.fraction == 0.25);
    CHECK(overload.turnAway.status == 429);
    CHECK_FALSE(applyPinLetterFlag(overload, "--pin-letter-drop", std::string("1.5")));
    CHECK_FALSE(applyPinLetterFlag(overload, "--pin-letter-latency", std::string("-3")));
    CHECK_FALSE(applyPinLetterFlag(overload, "--pin-letter-outage", std::string("5")));
    CHECK_FALSE(applyPinLetterFlag(overload, "--broken-token", std::string("x")).value());
}
