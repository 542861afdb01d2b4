// The SDK JSON protocol against the session directly: every command, the API levels, the state
// rules and the error strings of §3.3 of our digest.
#include <catch2/catch.hpp>

#include "SdkTestSession.h"
#include "service/SdkSimulatorCard.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace oa::service;
using namespace oa::service::test;

namespace {

QString msg(const QJsonObject& message) {
    return message.value("msg").toString();
}
QString error(const QJsonObject& message) {
    return message.value("error").toString();
}

}  // namespace

TEST_CASE("SDK: broken JSON is INVALID, an unknown command UNKNOWN_COMMAND", "[sdk]") {
    SdkTestSession sdk;
    sdk.send("{\"cmd\": ");
    auto answer = sdk.next();
    CHECK(msg(answer) == "INVALID");
    CHECK(!error(answer).isEmpty());
    sdk.send("[1,2]");
    CHECK(msg(sdk.next()) == "INVALID");
    sdk.send("{}");
    CHECK(error(sdk.next()) == "Command cannot be undefined");
    sdk.send("{\"cmd\": 5}");
    CHECK(error(sdk.next()) == "Invalid command");
    answer = sdk.ask("FLY_TO_THE_MOON");
    CHECK(msg(answer) == "UNKNOWN_COMMAND");
    CHECK(error(answer) == "FLY_TO_THE_MOON");
}

TEST_CASE("SDK: GET_INFO names us with the TR-03124-1 keys", "[sdk]") {
    SdkTestSession sdk;
    const auto info = sdk.ask("GET_INFO");
    CHECK(msg(info) == "INFO");
    const auto version = info.value("VersionInfo").toObject();
    CHECK(version.value("Name").toString().contains("OpenAusweis"));
    CHECK(version.value("Specification-Title").toString() == "TR-03124-1");
    CHECK(version.value("Specification-Version").toString() == "1.4");
    CHECK(version.contains("Implementation-Version"));
}

TEST_CASE("SDK: API levels 1 to 3, default 3, with the SET_API_LEVEL errors", "[sdk]") {
    SdkTestSession sdk;
    auto level = sdk.ask("GET_API_LEVEL");
    CHECK(msg(level) == "API_LEVEL");
    CHECK(level.value("current").toInt() == 3);
    CHECK(level.value("available").toArray() == QJsonArray{1, 2, 3});
    CHECK(error(sdk.ask("SET_API_LEVEL")) == "Level cannot be undefined");
    CHECK(error(sdk.ask("SET_API_LEVEL", {{"level", "2"}})) == "Invalid level");
    CHECK(error(sdk.ask("SET_API_LEVEL", {{"level", 2.5}})) == "Invalid level");
    level = sdk.ask("SET_API_LEVEL", {{"level", 4}});
    CHECK(error(level) == "Unknown level");
    CHECK(level.value("current").toInt() == 3);
    level = sdk.ask("SET_API_LEVEL", {{"level", 1}});
    CHECK(!level.contains("error"));
    CHECK(level.value("current").toInt() == 1);
}

TEST_CASE("SDK: level 1 knows neither GET_STATUS nor SET_CARD; level 2 no CONTINUE", "[sdk]") {
    SdkTestSession sdk;
    sdk.ask("SET_API_LEVEL", {{"level", 1}});
    CHECK(msg(sdk.ask("GET_STATUS")) == "UNKNOWN_COMMAND");
    CHECK(msg(sdk.ask("SET_CARD", {{"name", "Simulator"}})) == "UNKNOWN_COMMAND");
    CHECK(sdk.ask("GET_READER_LIST").contains("reader"));
    sdk.ask("SET_API_LEVEL", {{"level", 2}});
    CHECK(msg(sdk.ask("GET_STATUS")) == "STATUS");
    CHECK(msg(sdk.ask("CONTINUE")) == "UNKNOWN_COMMAND");
    CHECK(sdk.ask("GET_READER_LIST").contains("readers"));
}

TEST_CASE("SDK: GET_LOG is unknown in release builds", "[sdk]") {
    SdkTestSession sdk;
#ifdef NDEBUG
    CHECK(msg(sdk.ask("GET_LOG")) == "UNKNOWN_COMMAND");
#else
    CHECK(msg(sdk.ask("GET_LOG")) == "LOG");
#endif
}

TEST_CASE("SDK: READER and READER_LIST show the Simulator reader with its card", "[sdk]") {
    SdkTestSession sdk;
    CHECK(error(sdk.ask("GET_READER")) == "Name cannot be undefined");
    CHECK(error(sdk.ask("GET_READER", {{"name", 7}})) == "Invalid name");
    auto reader = sdk.ask("GET_READER", {{"name", "Simulator"}});
    CHECK(msg(reader) == "READER");
    CHECK(reader.value("attached").toBool());
    CHECK(reader.value("insertable").toBool());
    CHECK_FALSE(reader.value("keypad").toBool());
    const auto card = reader.value("card").toObject();
    CHECK(card.value("retryCounter").toInt() == 3);
    CHECK_FALSE(card.value("deactivated").toBool());
    CHECK_FALSE(card.value("inoperative").toBool());

    reader = sdk.ask("GET_READER", {{"name", "No such reader"}});
    CHECK_FALSE(reader.value("attached").toBool());
    CHECK_FALSE(reader.contains("card"));

    const auto list = sdk.ask("GET_READER_LIST").value("readers").toArray();
    REQUIRE(list.size() == 1);
    CHECK(list[0].toObject().value("name").toString() == "Simulator");
}

TEST_CASE("SDK: an empty Simulator reader has card null", "[sdk]") {
    SdkTestSession sdk(emptySimulator());
    const auto reader = sdk.ask("GET_READER", {{"name", "Simulator"}});
    CHECK(reader.value("card").isNull());
}

TEST_CASE("SDK: workflow commands outside their state are BAD_STATE", "[sdk]") {
    SdkTestSession sdk;
    for (const char* cmd :
         {"GET_ACCESS_RIGHTS", "SET_ACCESS_RIGHTS", "GET_CERTIFICATE", "ACCEPT", "SET_CARD",
          "CONTINUE", "CANCEL", "INTERRUPT", "SET_PIN", "SET_NEW_PIN", "SET_CAN", "SET_PUK"}) {
        const auto answer = sdk.ask(cmd);
        INFO(cmd);
        CHECK(msg(answer) == "BAD_STATE");
        CHECK(error(answer) == cmd);
    }
}

TEST_CASE("SDK: RUN_AUTH refuses a missing, non-text or unusable tcTokenURL", "[sdk]") {
    SdkTestSession sdk(std::make_shared<SimulatorBackend>(), false);
    auto answer = sdk.ask("RUN_AUTH");
    CHECK(msg(answer) == "AUTH");
    CHECK(error(answer) == "tcTokenURL cannot be undefined");
    CHECK(error(sdk.ask("RUN_AUTH", {{"tcTokenURL", 1}})) == "Invalid tcTokenURL");
    CHECK(error(sdk.ask("RUN_AUTH", {{"tcTokenURL", "no url at all"}})) ==
          "Validation of tcTokenURL failed");
    CHECK(error(sdk.ask("RUN_AUTH", {{"tcTokenURL", "ftp://example.org/x"}})) ==
          "Validation of tcTokenURL failed");
    CHECK(sdk.ask("GET_STATUS").value("workflow").isNull());
}

TEST_CASE("SDK: one workflow at a time; STATUS names it; CANCEL ends it as cancelled", "[sdk]") {
    SdkTestSession sdk(std::make_shared<SimulatorBackend>(), false);
    auto answer = sdk.ask("RUN_AUTH", {{"tcTokenURL", "https://127.0.0.1:1/token"}});
    CHECK(msg(answer) == "AUTH");
    CHECK(answer.size() == 1);
    CHECK(error(sdk.ask("RUN_AUTH", {{"tcTokenURL", "https://127.0.0.1:1/token"}})) == "RUN_AUTH");
    CHECK(error(sdk.ask("RUN_CHANGE_PIN")) == "RUN_CHANGE_PIN");
    const auto status = sdk.ask("GET_STATUS");
    CHECK(status.value("workflow").toString() == "AUTH");
    CHECK(status.value("state").isNull());
    answer = sdk.ask("CANCEL");
    CHECK(msg(answer) == "AUTH");
    const auto result = answer.value("result").toObject();
    CHECK(result.value("major").toString().endsWith("#error"));
    CHECK(result.value("minor").toString().endsWith("#cancellationByUser"));
    CHECK(result.value("reason").toString() == "User_Cancelled");
    CHECK(sdk.ask("GET_STATUS").value("workflow").isNull());

    CHECK(msg(sdk.ask("RUN_CHANGE_PIN")) == "CHANGE_PIN");
    answer = sdk.ask("CANCEL");
    CHECK(msg(answer) == "CHANGE_PIN");
    CHECK_FALSE(answer.value("success").toBool(true));
}

TEST_CASE("SDK: RUN_CHANGE_PIN changes the PIN of the card placed with SET_CARD", "[sdk][pin]") {
    SdkTestSession sdk(emptySimulator());
    CHECK(msg(sdk.ask("RUN_CHANGE_PIN")) == "CHANGE_PIN");
    CHECK(msg(sdk.nextSkippingStatus()) == "INSERT_CARD");
    CHECK(sdk.ask("GET_STATUS").value("state").toString() == "INSERT_CARD");

    auto answer = sdk.ask("SET_CARD");
    CHECK(msg(answer) == "INSERT_CARD");
    CHECK(error(answer) == "Name cannot be undefined");
    CHECK(error(sdk.ask("SET_CARD", {{"name", true}})) == "Invalid name");
    CHECK(error(sdk.ask("SET_CARD", {{"name", "Elsewhere"}})) == "Unknown reader name");
    CHECK(error(sdk.ask("SET_CARD", {{"name", "Simulator"}, {"simulator", "files"}})) ==
          "Parameter 'simulator' is invalid");
    CHECK(error(sdk.ask("SET_CARD",
                        {{"name", "Simulator"},
                         {"simulator",
                          QJsonObject{{"files", QJsonArray{QJsonObject{{"fileId", "01"},
                                                                       {"shortFileId", "01"},
                                                                       {"content", "00"}}}}}}})) ==
          "Parameter 'simulator' is invalid");

    sdk.command("SET_CARD",
                {{"name", "Simulator"},
                 {"simulator", QJsonObject{{"files", QJsonArray{}}, {"keys", QJsonArray{}}}}});
    auto enter = sdk.nextSkippingStatus();
    REQUIRE(msg(enter) == "ENTER_PIN");
    CHECK(enter.value("reader").toObject().value("name").toString() == "Simulator");
    CHECK(enter.value("reader").toObject().value("card").toObject().value("retryCounter") == 3);
    CHECK(error(sdk.ask("SET_PIN")) == "Value cannot be undefined");
    CHECK(error(sdk.ask("SET_PIN", {{"value", 123456}})) == "Invalid value");
    answer = sdk.ask("SET_PIN", {{"value", "1234"}});
    CHECK(msg(answer) == "ENTER_PIN");
    CHECK(error(answer) == "You must provide 5 - 6 digits");
    CHECK(error(sdk.ask("SET_PIN", {{"value", "12345a"}})) == "You must provide 5 - 6 digits");
    CHECK(msg(sdk.ask("SET_NEW_PIN", {{"value", "654321"}})) == "BAD_STATE");

    sdk.command("SET_PIN", {{"value", "123456"}});
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_NEW_PIN");
    answer = sdk.ask("SET_NEW_PIN", {{"value", "12345"}});
    CHECK(msg(answer) == "ENTER_NEW_PIN");
    CHECK(error(answer) == "You must provide 6 digits");
    sdk.command("SET_NEW_PIN", {{"value", "654321"}});
    answer = sdk.nextSkippingStatus();
    CHECK(msg(answer) == "CHANGE_PIN");
    CHECK(answer.value("success").toBool());

    // The card kept the new PIN: the old one is refused and asked again, the new one works.
    CHECK(msg(sdk.ask("RUN_CHANGE_PIN")) == "CHANGE_PIN");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_PIN");
    sdk.command("SET_PIN", {{"value", "123456"}});
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_NEW_PIN");
    sdk.command("SET_NEW_PIN", {{"value", "111111"}});
    enter = sdk.nextSkippingStatus();
    REQUIRE(msg(enter) == "ENTER_PIN");
    CHECK(enter.value("reader").toObject().value("card").toObject().value("retryCounter") == 2);
    sdk.command("SET_PIN", {{"value", "654321"}});
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_NEW_PIN");
    sdk.command("SET_NEW_PIN", {{"value", "222222"}});
    answer = sdk.nextSkippingStatus();
    CHECK(msg(answer) == "CHANGE_PIN");
    CHECK(answer.value("success").toBool());
}

TEST_CASE("SDK: CANCEL while the PIN change waits for the PIN", "[sdk][pin]") {
    SdkTestSession sdk;
    sdk.command("RUN_CHANGE_PIN");
    CHECK(msg(sdk.next()) == "CHANGE_PIN");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_PIN");
    CHECK(msg(sdk.ask("INTERRUPT")) == "INTERNAL_ERROR");
    sdk.command("CANCEL");
    const auto answer = sdk.nextSkippingStatus();
    CHECK(msg(answer) == "CHANGE_PIN");
    CHECK_FALSE(answer.value("success").toBool(true));
    CHECK(answer.value("reason").toString() == "User_Cancelled");
}

TEST_CASE("SDK: the simulator parameter is parsed strictly", "[sdk]") {
    const QJsonObject file{{"fileId", "0101"}, {"shortFileId", "01"}, {"content", "6103130144"}};
    const QJsonObject key{{"id", 1}, {"content", "0102"}};
    auto parsed =
        parseSdkSimulatorCard(QJsonObject{{"files", QJsonArray{file}}, {"keys", QJsonArray{key}}});
    REQUIRE(parsed.ok());
    CHECK(parsed->files.at(0).fileId == 0x0101);
    CHECK(parsed->files.at(0).shortFileId == 0x01);
    CHECK(parsed->files.at(0).content.size() == 5);
    CHECK(parsed->keys.at(0).id == 1);
    CHECK(parseSdkSimulatorCard(QJsonValue(QJsonValue::Undefined)).ok());

    auto with = [&](const char* name, QJsonValue value) {
        QJsonObject changed = file;
        changed.insert(name, value);
        return parseSdkSimulatorCard(QJsonObject{{"files", QJsonArray{changed}}}).ok();
    };
    CHECK_FALSE(with("fileId", "01G1"));
    CHECK_FALSE(with("shortFileId", "20"));
    CHECK_FALSE(with("shortFileId", "00"));
    CHECK_FALSE(with("content", "123"));
    CHECK_FALSE(with("content", 12));
    CHECK_FALSE(with("extra", 1));
    CHECK_FALSE(parseSdkSimulatorCard(
                    QJsonObject{{"keys", QJsonArray{QJsonObject{{"id", 0}, {"content", "01"}}}}})
                    .ok());
    CHECK_FALSE(parseSdkSimulatorCard(
                    QJsonObject{{"keys", QJsonArray{QJsonObject{{"id", 1.5}, {"content", "01"}}}}})
                    .ok());
    CHECK_FALSE(parseSdkSimulatorCard(QJsonObject{{"files", QJsonObject{}}}).ok());
    CHECK_FALSE(parseSdkSimulatorCard(QJsonObject{{"other", QJsonArray{}}}).ok());
}

TEST_CASE("SDK: a card removed mid-change PAUSEs at level 3 and goes on after CONTINUE",
          "[sdk][pin]") {
    SdkTestSession sdk;
    sdk.command("RUN_CHANGE_PIN");
    CHECK(msg(sdk.next()) == "CHANGE_PIN");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_PIN");
    sdk.backend->removeCard();
    sdk.command("SET_PIN", {{"value", "123456"}});
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_NEW_PIN");
    sdk.command("SET_NEW_PIN", {{"value", "654321"}});
    const auto pause = sdk.nextSkippingStatus();
    REQUIRE(msg(pause) == "PAUSE");
    CHECK(pause.value("cause").toString() == "BadCardPosition");
    CHECK(sdk.ask("GET_STATUS").value("state").toString() == "PAUSE");
    CHECK(msg(sdk.ask("SET_PIN", {{"value", "123456"}})) == "BAD_STATE");

    sdk.backend->insertCard(std::make_shared<VirtualCard>());
    sdk.command("CONTINUE");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_PIN");
    sdk.command("SET_PIN", {{"value", "123456"}});
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_NEW_PIN");
    sdk.command("SET_NEW_PIN", {{"value", "654321"}});
    const auto answer = sdk.nextSkippingStatus();
    CHECK(msg(answer) == "CHANGE_PIN");
    CHECK(answer.value("success").toBool());
}

TEST_CASE("SDK: below level 3 a card removed mid-change ends it with Card_Removed", "[sdk][pin]") {
    SdkTestSession sdk;
    sdk.ask("SET_API_LEVEL", {{"level", 2}});
    sdk.command("RUN_CHANGE_PIN");
    CHECK(msg(sdk.next()) == "CHANGE_PIN");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_PIN");
    sdk.backend->removeCard();
    sdk.command("SET_PIN", {{"value", "123456"}});
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_NEW_PIN");
    sdk.command("SET_NEW_PIN", {{"value", "654321"}});
    const auto answer = sdk.nextSkippingStatus();
    CHECK(msg(answer) == "CHANGE_PIN");
    CHECK_FALSE(answer.value("success").toBool(true));
    CHECK(answer.value("reason").toString() == "Card_Removed");
}
