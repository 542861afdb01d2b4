// A full RUN_AUTH through the SDK: the simulation world's eID-Server and demo eService, the real
// AuthWorkflow on its worker thread, the in-process virtual card in the Simulator reader.
#include <QUrlQuery>
#include <catch2/catch.hpp>

#include "SdkTestSession.h"
#include "TestWorldSettings.h"
#include "service/SdkSimulatorCard.h"
#include "sim/card/CardProfile.h"
#include "sim/card/ChipCrypto.h"
#include "sim/card/PersonalData.h"
#include "sim/card/VirtualCard.h"
#include "sim/world/World.h"

using namespace oa;
using namespace oa::service;
using namespace oa::service::test;
using namespace std::chrono_literals;
using oa::test::startTestWorld;

namespace {

QString msg(const QJsonObject& message) {
    return message.value("msg").toString();
}

std::function<workflows::AuthSettings(bool)> worldSettings(sim::World& world) {
    return [&world](bool) { return oa::test::authSettingsFor(world, 20000ms); };
}

}  // namespace

TEST_CASE("SDK: RUN_AUTH against the world's eID-Server ends with ResultMajor ok", "[sdk][auth]") {
    auto world = startTestWorld();
    SdkTestSession sdk(emptySimulator(), true, worldSettings(*world));
    sdk.command("RUN_AUTH", {{"tcTokenURL", world->eService().tcTokenUrl().toString()}});
    CHECK(msg(sdk.next()) == "AUTH");

    auto rights = sdk.nextSkippingStatus();
    REQUIRE(msg(rights) == "ACCESS_RIGHTS");
    const auto chat = rights.value("chat").toObject();
    CHECK_FALSE(chat.value("required").toArray().isEmpty());
    CHECK(chat.value("effective").toArray().size() >= chat.value("required").toArray().size());
    CHECK(sdk.ask("GET_STATUS").value("state").toString() == "ACCESS_RIGHTS");
    CHECK(msg(sdk.ask("GET_ACCESS_RIGHTS")) == "ACCESS_RIGHTS");

    const auto certificate = sdk.ask("GET_CERTIFICATE");
    CHECK(msg(certificate) == "CERTIFICATE");
    CHECK_FALSE(
        certificate.value("description").toObject().value("subjectName").toString().isEmpty());
    CHECK_FALSE(
        certificate.value("validity").toObject().value("effectiveDate").toString().isEmpty());
    const auto description = certificate.value("description").toObject();
    for (const char* key :
         {"issuerName", "issuerUrl", "subjectName", "subjectUrl", "termsOfUsage", "purpose"})
        CHECK(description.value(key).isString());
    CHECK(description.value("issuerUrl").toString().startsWith("https://"));

    CHECK(sdk.ask("SET_ACCESS_RIGHTS").value("error").toString() == "'chat' cannot be undefined");
    CHECK(sdk.ask("SET_ACCESS_RIGHTS", {{"chat", "FamilyName"}}).value("error").toString() ==
          "Invalid 'chat' data");
    const bool hasOptional = !chat.value("optional").toArray().isEmpty();
    if (hasOptional) {
        CHECK(sdk.ask("SET_ACCESS_RIGHTS", {{"chat", QJsonArray{1}}}).value("error").toString() ==
              "Entry in 'chat' data needs to be string");
        CHECK(sdk.ask("SET_ACCESS_RIGHTS", {{"chat", QJsonArray{"Bogus"}}})
                  .value("error")
                  .toString() == "Entry in 'chat' data is invalid");
        const auto none = sdk.ask("SET_ACCESS_RIGHTS", {{"chat", QJsonArray{}}});
        CHECK(none.value("chat").toObject().value("effective").toArray().size() ==
              chat.value("required").toArray().size());
        sdk.ask("SET_ACCESS_RIGHTS", {{"chat", chat.value("optional").toArray()}});
    } else {
        CHECK(sdk.ask("SET_ACCESS_RIGHTS", {{"chat", QJsonArray{"FamilyName"}}})
                  .value("error")
                  .toString() == "No optional access rights available");
    }

    sdk.command("ACCEPT");
    auto next = sdk.nextSkippingStatus();
    REQUIRE(msg(next) == "INSERT_CARD");
    sdk.command("SET_CARD", {{"name", "Simulator"}});
    next = sdk.nextSkippingStatus();
    REQUIRE(msg(next) == "ENTER_PIN");
    CHECK(sdk.ask("SET_PIN", {{"value", "12345"}}).value("error").toString() ==
          "You must provide 6 digits");
    sdk.command("SET_PIN", {{"value", "123456"}});
    const auto result = sdk.nextSkippingStatus();
    REQUIRE(msg(result) == "AUTH");
    INFO(QJsonDocument(result).toJson().toStdString());
    CHECK(result.value("result").toObject().value("major").toString().endsWith("#ok"));
    const QUrl url(result.value("url").toString());
    CHECK(QUrlQuery(url).queryItemValue("ResultMajor") == "ok");
    CHECK(sdk.ask("GET_STATUS").value("workflow").isNull());
}

TEST_CASE("SDK: CANCEL during RUN_AUTH's access rights ends with cancellationByUser",
          "[sdk][auth]") {
    auto world = startTestWorld();
    SdkTestSession sdk(std::make_shared<SimulatorBackend>(), true, worldSettings(*world));
    sdk.command("RUN_AUTH", {{"tcTokenURL", world->eService().tcTokenUrl().toString()}});
    CHECK(msg(sdk.next()) == "AUTH");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ACCESS_RIGHTS");
    sdk.command("CANCEL");
    const auto result = sdk.nextSkippingStatus();
    REQUIRE(msg(result) == "AUTH");
    CHECK(result.value("result").toObject().value("minor").toString().endsWith(
        "#cancellationByUser"));
    CHECK(result.contains("url"));
}

namespace {

// RUN_AUTH up to ENTER_PIN with the default virtual card in the Simulator reader.
void authUntilPin(SdkTestSession& sdk, sim::World& world) {
    sdk.command("RUN_AUTH", {{"tcTokenURL", world.eService().tcTokenUrl().toString()}});
    REQUIRE(msg(sdk.next()) == "AUTH");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ACCESS_RIGHTS");
    sdk.command("ACCEPT");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "INSERT_CARD");
    sdk.command("SET_CARD", {{"name", "Simulator"}});
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_PIN");
}

}  // namespace

TEST_CASE(
    "SDK: a card lost before PACE pauses RUN_AUTH (level 3); CONTINUE with the card back "
    "ends with ResultMajor ok",
    "[sdk][auth][pause]") {
    auto world = startTestWorld();
    SdkTestSession sdk(emptySimulator(), true, worldSettings(*world));
    authUntilPin(sdk, *world);
    auto card = sdk.backend->card();
    REQUIRE(card);
    CHECK(msg(sdk.ask("CONTINUE")) == "BAD_STATE");  // only after PAUSE
    sdk.backend->removeCard();
    sdk.command("SET_PIN", {{"value", "123456"}});
    const auto pause = sdk.nextSkippingStatus();
    REQUIRE(msg(pause) == "PAUSE");
    CHECK(pause.value("cause").toString() == "BadCardPosition");
    CHECK(sdk.ask("GET_STATUS").value("state").toString() == "PAUSE");
    CHECK(msg(sdk.ask("SET_PIN", {{"value", "123456"}})) == "BAD_STATE");
    sdk.backend->insertCard(card);
    sdk.command("CONTINUE");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_PIN");
    sdk.command("SET_PIN", {{"value", "123456"}});
    const auto result = sdk.nextSkippingStatus();
    REQUIRE(msg(result) == "AUTH");
    INFO(QJsonDocument(result).toJson().toStdString());
    CHECK(result.value("result").toObject().value("major").toString().endsWith("#ok"));
}

TEST_CASE("SDK: below API level 3 a lost card ends RUN_AUTH without PAUSE", "[sdk][auth][pause]") {
    auto world = startTestWorld();
    SdkTestSession sdk(emptySimulator(), true, worldSettings(*world));
    REQUIRE(sdk.ask("SET_API_LEVEL", {{"level", 2}}).value("current").toInt() == 2);
    authUntilPin(sdk, *world);
    sdk.backend->removeCard();
    sdk.command("SET_PIN", {{"value", "123456"}});
    const auto result = sdk.nextSkippingStatus();
    REQUIRE(msg(result) == "AUTH");
    INFO(QJsonDocument(result).toJson().toStdString());
    CHECK(result.value("result").toObject().value("major").toString().endsWith("#error"));
    CHECK(result.value("result").toObject().value("reason").toString() == "Card_Removed");
}

TEST_CASE("SDK: CANCEL during PAUSE ends RUN_AUTH as cancelled", "[sdk][auth][pause]") {
    auto world = startTestWorld();
    SdkTestSession sdk(emptySimulator(), true, worldSettings(*world));
    authUntilPin(sdk, *world);
    sdk.backend->removeCard();
    sdk.command("SET_PIN", {{"value", "123456"}});
    REQUIRE(msg(sdk.nextSkippingStatus()) == "PAUSE");
    sdk.command("CANCEL");
    const auto result = sdk.nextSkippingStatus();
    REQUIRE(msg(result) == "AUTH");
    CHECK(result.value("result").toObject().value("minor").toString().endsWith(
        "#cancellationByUser"));
}

namespace {

QString hex(const Bytes& bytes) {
    return QString::fromStdString(toHex(bytes));
}

// RUN_AUTH with SET_CARD's simulator parameter, to the end; the eID-Server's view of the session.
const sim::EidSessionResult* authWithSimulator(SdkTestSession& sdk, sim::World& world,
                                               const QJsonObject& simulator) {
    sdk.command("RUN_AUTH", {{"tcTokenURL", world.eService().tcTokenUrl().toString()}});
    REQUIRE(msg(sdk.next()) == "AUTH");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ACCESS_RIGHTS");
    sdk.command("ACCEPT");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "INSERT_CARD");
    sdk.command("SET_CARD", {{"name", "Simulator"}, {"simulator", simulator}});
    REQUIRE(msg(sdk.nextSkippingStatus()) == "ENTER_PIN");
    sdk.command("SET_PIN", {{"value", "123456"}});
    const auto result = sdk.nextSkippingStatus();
    REQUIRE(msg(result) == "AUTH");
    INFO(QJsonDocument(result).toJson().toStdString());
    CHECK(result.value("result").toObject().value("major").toString().endsWith("#ok"));
    const auto* session = world.eidServer().session(world.eService().lastSessionIdentifier());
    REQUIRE(session);
    return &session->result();
}

bool shows(const eid::EidData& data, const std::string& text) {
    for (const auto& [label, value] : data.describe())
        if (value.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("SDK: SET_CARD's simulator files replace the virtual card's data groups",
          "[sdk][auth][simulator]") {
    auto world = startTestWorld();
    SdkTestSession sdk(emptySimulator(), true, worldSettings(*world));
    sim::PersonalData person = sim::defaultProfile().person;
    person.givenNames = "GRETA";
    person.familyNames = "SIMULATORFALL";
    const QJsonArray files{QJsonObject{{"fileId", "0104"},
                                       {"shortFileId", "04"},
                                       {"content", hex(*sim::encodeDataGroup(person, 4))}},
                           QJsonObject{{"fileId", "0105"},
                                       {"shortFileId", "05"},
                                       {"content", hex(*sim::encodeDataGroup(person, 5))}}};
    const auto* result = authWithSimulator(sdk, *world, QJsonObject{{"files", files}});
    REQUIRE(result->ok);
    CHECK(shows(result->data, "GRETA"));
    CHECK(shows(result->data, "SIMULATORFALL"));
    CHECK_FALSE(shows(result->data, "MUSTERMANN"));
}

TEST_CASE("SDK: SET_CARD's simulator key is the chip's Chip Authentication key",
          "[sdk][auth][simulator]") {
    const auto curve =
        sim::chip::EcCurve::standardized(sim::defaultProfile().crypto.domainParameterId);
    REQUIRE(curve);
    const Bytes scalar = curve->randomScalar();
    const int caKeyId = sim::defaultProfile().crypto.chipAuthenticationKeyId;
    SdkSimulatorCard parsed;
    parsed.keys.push_back({caKeyId, scalar});
    auto card = makeSdkSimulatorCard(parsed);
    REQUIRE(card.ok());
    CHECK((*card)->chipAuthenticationPublicKey() == curve->multiply(curve->generator(), scalar));

    // The server's Chip Authentication and passive authentication accept the card.
    auto world = startTestWorld();
    SdkTestSession sdk(emptySimulator(), true, worldSettings(*world));
    const QJsonArray keys{QJsonObject{{"id", caKeyId}, {"content", hex(scalar)}}};
    const auto* result = authWithSimulator(sdk, *world, QJsonObject{{"keys", keys}});
    CHECK(result->ok);
    CHECK(sdk.backend->card()->chipAuthenticationPublicKey() ==
          curve->multiply(curve->generator(), scalar));
}

TEST_CASE("SDK: SET_CARD refuses a simulator key the card has no place for", "[sdk][simulator]") {
    SdkSimulatorCard parsed;
    parsed.keys.push_back({7, Bytes{0x01, 0x02}});
    CHECK_FALSE(makeSdkSimulatorCard(parsed).ok());
    parsed.keys = {{1, Bytes(32, 0)}};
    CHECK_FALSE(makeSdkSimulatorCard(parsed).ok());  // a zero scalar
    parsed.keys = {{1, Bytes(80, 0x11)}};
    CHECK_FALSE(makeSdkSimulatorCard(parsed).ok());  // longer than the curve

    SdkTestSession sdk(emptySimulator(), true);
    sdk.command("RUN_CHANGE_PIN");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "CHANGE_PIN");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "INSERT_CARD");
    const QJsonArray keys{QJsonObject{{"id", 7}, {"content", "0102"}}};
    const auto refused =
        sdk.ask("SET_CARD", {{"name", "Simulator"}, {"simulator", QJsonObject{{"keys", keys}}}});
    CHECK(msg(refused) == "INSERT_CARD");
    CHECK(refused.value("error").toString() == "Parameter 'simulator' is invalid");
    CHECK_FALSE(sdk.backend->card());
    sdk.command("CANCEL");
}

TEST_CASE("SDK: ACCESS_RIGHTS carries aux when the service verifies age and validity",
          "[sdk][auth][aux]") {
    auto world = startTestWorld();
    SdkTestSession sdk(emptySimulator(), true, worldSettings(*world));
    QUrl url = world->eService().tcTokenUrl();
    url.setQuery("age=20080101&valid=20300101");
    sdk.command("RUN_AUTH", {{"tcTokenURL", url.toString()}});
    REQUIRE(msg(sdk.next()) == "AUTH");
    const auto rights = sdk.nextSkippingStatus();
    REQUIRE(msg(rights) == "ACCESS_RIGHTS");
    INFO(QJsonDocument(rights).toJson().toStdString());
    const auto aux = rights.value("aux").toObject();
    CHECK(aux.value("ageVerificationDate").toString() == "2008-01-01");
    CHECK(aux.value("requiredAge").toInt() >= 18);
    CHECK(aux.value("validityDate").toString() == "2030-01-01");
    const auto chat = rights.value("chat").toObject();
    CHECK(chat.value("required").toArray().contains("AgeVerification"));
    sdk.command("CANCEL");
    REQUIRE(msg(sdk.nextSkippingStatus()) == "AUTH");
}
