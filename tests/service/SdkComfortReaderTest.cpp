// The SDK with a comfort reader (a pinpad that runs PACE itself, tests/common/ComfortReader.h):
// READER/READER_LIST say keypad, ENTER_* name the keypad reader, and SET_* come without a value
// because the user types on the reader. RUN_AUTH against the simulation world and RUN_CHANGE_PIN
// end to end; the wrong uses of SET_* on both kinds of reader.
#include <QUrlQuery>
#include <catch2/catch.hpp>

#include "ComfortReader.h"
#include "SdkTestSession.h"
#include "TestWorldSettings.h"
#include "sim/world/World.h"

using namespace oa;
using namespace oa::service;
using namespace oa::service::test;
using namespace std::chrono_literals;
using oa::test::ComfortReaderBackend;
using oa::test::pinOpensCard;
using oa::test::Pinpad;
using oa::test::startTestWorld;

namespace {

QString msg(const QJsonObject& message) {
    return message.value("msg").toString();
}
QString error(const QJsonObject& message) {
    return message.value("error").toString();
}
QJsonObject readerOf(const QJsonObject& message) {
    return message.value("reader").toObject();
}

std::function<workflows::AuthSettings(bool)> worldSettings(sim::World& world) {
    return [&world](bool) { return oa::test::authSettingsFor(world, 20000ms); };
}

// RUN_AUTH against the world with its access rights accepted: the card's turn comes next.
void runAuthAndAccept(SdkTestSession& sdk, sim::World& world) {
    sdk.command("RUN_AUTH", {{"tcTokenURL", world.eService().tcTokenUrl().toString()}});
    REQUIRE(msg(sdk.next()) == "AUTH");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ACCESS_RIGHTS");
    sdk.command("ACCEPT");
}

Bytes ascii(const std::string& digits) {
    return Bytes(digits.begin(), digits.end());
}

}  // namespace

TEST_CASE(
    "SDK: RUN_CHANGE_PIN on a reader with PACE but no MODIFY_PIN_DIRECT takes the current "
    "PIN on the pinpad and the new PIN as a value",
    "[sdk][keypad][pin]") {
    ComfortReaderBackend comfort;
    comfort.pinpad().typeAlways(std::nullopt);
    comfort.withoutPinpadModify();
    SdkTestSession sdk(comfort, {});
    REQUIRE(msg(sdk.ask("RUN_CHANGE_PIN")) == "CHANGE_PIN");
    auto enter = sdk.nextSkippingStatus();
    REQUIRE(msg(enter) == "ENTER_PIN");
    CHECK(readerOf(enter).value("keypad").toBool() == true);
    comfort.pinpad().type("123456");
    sdk.command("SET_PIN");
    enter = sdk.nextSkippingStatus();
    REQUIRE(msg(enter) == "ENTER_NEW_PIN");
    CHECK(error(sdk.ask("SET_NEW_PIN")) == "Value cannot be undefined");
    sdk.command("SET_NEW_PIN", {{"value", "246810"}});
    const auto result = sdk.nextSkippingStatus();
    INFO(QJsonDocument(result).toJson().toStdString());
    REQUIRE(msg(result) == "CHANGE_PIN");
    CHECK(result.value("success").toBool());
    CHECK(comfort.pinpad().prompts() == std::vector<Pinpad::Prompt>{Pinpad::Prompt::Pin});
    CHECK_FALSE(comfort.traffic().contains(ascii("123456")));
    CHECK(pinOpensCard(comfort, "246810"));
}

TEST_CASE("SDK: a comfort reader is listed with keypad true, a plain reader with keypad false",
          "[sdk][keypad]") {
    ComfortReaderBackend comfort;
    SdkTestSession sdk(comfort, {});
    const auto list = sdk.ask("GET_READER_LIST");
    REQUIRE(msg(list) == "READER_LIST");
    const auto readers = list.value("readers").toArray();
    REQUIRE(readers.size() == 1);
    CHECK(readers[0].toObject().value("name").toString() == ComfortReaderBackend::kReaderName);
    CHECK(readers[0].toObject().value("keypad").toBool() == true);
    const auto one = sdk.ask("GET_READER", {{"name", ComfortReaderBackend::kReaderName}});
    CHECK(msg(one) == "READER");
    CHECK(one.value("keypad").toBool() == true);
    CHECK(one.value("attached").toBool() == true);

    SdkTestSession plain;
    const auto simulator = plain.ask("GET_READER", {{"name", "Simulator"}});
    CHECK(simulator.value("keypad") == QJsonValue(false));
}

TEST_CASE(
    "SDK: RUN_AUTH on a comfort reader: ENTER_PIN names the keypad reader, SET_PIN "
    "without a value, the PIN typed on the pinpad never reaches the host",
    "[sdk][keypad][auth]") {
    auto world = startTestWorld();
    ComfortReaderBackend comfort;
    comfort.pinpad().typeAlways(std::nullopt);
    SdkTestSession sdk(comfort, worldSettings(*world));
    runAuthAndAccept(sdk, *world);
    const auto enter = sdk.nextSkippingStatus();
    REQUIRE(msg(enter) == "ENTER_PIN");
    CHECK(readerOf(enter).value("name").toString() == ComfortReaderBackend::kReaderName);
    CHECK(readerOf(enter).value("keypad").toBool() == true);
    CHECK(sdk.ask("GET_STATUS").value("state").toString() == "ENTER_PIN");

    // A value on a keypad reader is the documented error; the request stays open.
    const auto refused = sdk.ask("SET_PIN", {{"value", "123456"}});
    CHECK(msg(refused) == "ENTER_PIN");
    CHECK(error(refused) == "Value cannot be defined");
    CHECK(readerOf(refused).value("keypad").toBool() == true);
    CHECK(msg(sdk.ask("SET_CAN")) == "BAD_STATE");
    CHECK(msg(sdk.ask("SET_NEW_PIN")) == "BAD_STATE");

    comfort.pinpad().type("123456");
    sdk.command("SET_PIN");
    const auto result = sdk.nextSkippingStatus();
    INFO(QJsonDocument(result).toJson().toStdString());
    REQUIRE(msg(result) == "AUTH");
    CHECK(result.value("result").toObject().value("major").toString().endsWith("#ok"));
    CHECK(QUrlQuery(QUrl(result.value("url").toString())).queryItemValue("ResultMajor") == "ok");
    CHECK(comfort.pinpad().prompts() == std::vector<Pinpad::Prompt>{Pinpad::Prompt::Pin});
    CHECK_FALSE(comfort.traffic().contains(ascii("123456")));
    CHECK(msg(sdk.ask("SET_PIN")) == "BAD_STATE");
}

TEST_CASE("SDK: a wrong PIN on the pinpad asks ENTER_PIN again with the keypad and two tries",
          "[sdk][keypad][auth]") {
    auto world = startTestWorld();
    ComfortReaderBackend comfort;
    comfort.pinpad().typeAlways(std::nullopt);
    SdkTestSession sdk(comfort, worldSettings(*world));
    runAuthAndAccept(sdk, *world);
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_PIN");
    comfort.pinpad().type("111111");
    sdk.command("SET_PIN");
    const auto again = sdk.nextSkippingStatus();
    INFO(QJsonDocument(again).toJson().toStdString());
    REQUIRE(msg(again) == "ENTER_PIN");
    CHECK(readerOf(again).value("keypad").toBool() == true);
    CHECK(error(sdk.ask("SET_PIN", {{"value", "123456"}})) == "Value cannot be defined");
    comfort.pinpad().type("123456");
    sdk.command("SET_PIN");
    const auto result = sdk.nextSkippingStatus();
    INFO(QJsonDocument(result).toJson().toStdString());
    REQUIRE(msg(result) == "AUTH");
    CHECK(result.value("result").toObject().value("major").toString().endsWith("#ok"));
    CHECK(comfort.pinpad().prompts() ==
          std::vector<Pinpad::Prompt>{Pinpad::Prompt::Pin, Pinpad::Prompt::Pin});
}

TEST_CASE("SDK: RUN_AUTH on a comfort reader ends cancelled when the user cancels on the pinpad",
          "[sdk][keypad][auth]") {
    auto world = startTestWorld();
    ComfortReaderBackend comfort;
    comfort.pinpad().typeAlways(std::nullopt);
    comfort.pinpad().cancel();
    SdkTestSession sdk(comfort, worldSettings(*world));
    runAuthAndAccept(sdk, *world);
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_PIN");
    sdk.command("SET_PIN");
    const auto result = sdk.nextSkippingStatus();
    INFO(QJsonDocument(result).toJson().toStdString());
    REQUIRE(msg(result) == "AUTH");
    CHECK(result.value("result").toObject().value("major").toString().endsWith("#error"));
    CHECK(pinOpensCard(comfort, "123456"));  // a cancel on the pinpad costs no try
}

TEST_CASE(
    "SDK: RUN_CHANGE_PIN on a comfort reader: ENTER_PIN and ENTER_NEW_PIN without values, "
    "the new PIN typed twice on the pinpad",
    "[sdk][keypad][pin]") {
    ComfortReaderBackend comfort;
    comfort.pinpad().typeAlways(std::nullopt);
    SdkTestSession sdk(comfort, {});
    REQUIRE(msg(sdk.ask("RUN_CHANGE_PIN")) == "CHANGE_PIN");
    auto enter = sdk.nextSkippingStatus();
    REQUIRE(msg(enter) == "ENTER_PIN");
    CHECK(readerOf(enter).value("name").toString() == ComfortReaderBackend::kReaderName);
    CHECK(readerOf(enter).value("keypad").toBool() == true);
    CHECK(readerOf(enter).value("card").isObject());
    CHECK(error(sdk.ask("SET_PIN", {{"value", "123456"}})) == "Value cannot be defined");

    comfort.pinpad().type("123456");
    comfort.pinpad().type("654321");
    comfort.pinpad().type("654321");
    sdk.command("SET_PIN");
    enter = sdk.nextSkippingStatus();
    REQUIRE(msg(enter) == "ENTER_NEW_PIN");
    CHECK(readerOf(enter).value("keypad").toBool() == true);
    CHECK(error(sdk.ask("SET_NEW_PIN", {{"value", "654321"}})) == "Value cannot be defined");
    CHECK(sdk.ask("GET_STATUS").value("state").toString() == "ENTER_NEW_PIN");
    sdk.command("SET_NEW_PIN");
    const auto result = sdk.nextSkippingStatus();
    REQUIRE(msg(result) == "CHANGE_PIN");
    INFO(QJsonDocument(result).toJson().toStdString());
    CHECK(result.value("success").toBool());
    CHECK(comfort.pinpad().prompts() == std::vector<Pinpad::Prompt>{Pinpad::Prompt::Pin,
                                                                    Pinpad::Prompt::NewPin,
                                                                    Pinpad::Prompt::NewPinAgain});
    CHECK_FALSE(comfort.traffic().contains(ascii("123456")));
    CHECK_FALSE(comfort.traffic().contains(ascii("654321")));
    CHECK(pinOpensCard(comfort, "654321"));
}

TEST_CASE("SDK: SET_PIN without a value on a plain reader is still refused", "[sdk][keypad][pin]") {
    SdkTestSession sdk;
    REQUIRE(msg(sdk.ask("RUN_CHANGE_PIN")) == "CHANGE_PIN");
    const auto enter = sdk.nextSkippingStatus();
    REQUIRE(msg(enter) == "ENTER_PIN");
    CHECK(readerOf(enter).value("keypad") == QJsonValue(false));
    const auto refused = sdk.ask("SET_PIN");
    CHECK(msg(refused) == "ENTER_PIN");
    CHECK(error(refused) == "Value cannot be undefined");
    sdk.command("CANCEL");
    CHECK(msg(sdk.nextSkippingStatus()) == "CHANGE_PIN");
}
