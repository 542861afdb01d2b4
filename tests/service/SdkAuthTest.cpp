// A full RUN_AUTH through the SDK: the simulation world's eID-Server and demo eService, the real
// AuthWorkflow on its worker thread, the in-process virtual card in the Simulator reader.
#include <QUrlQuery>
#include <catch2/catch.hpp>

#include "SdkTestSession.h"
#include "eac/CscaTrustList.h"
#include "sim/pki/TestPki.h"
#include "sim/world/World.h"

using namespace oa;
using namespace oa::service;
using namespace oa::service::test;
using namespace std::chrono_literals;

namespace {

QString msg(const QJsonObject& message) {
    return message.value("msg").toString();
}

std::function<workflows::AuthSettings(bool)> worldSettings(sim::World& world) {
    return [&world](bool) {
        workflows::AuthSettings settings;
        settings.caCertificates = {world.caCertificate()};
        auto trust = eac::CscaTrustList::fromPem(sim::TestPki::builtIn().cscaPem());
        settings.verifyCardSecurity = eid::passiveAuthentication(*trust);
        settings.retry = std::make_shared<net::RetryPolicy>(
            net::RetrySettings{}, [] { return 0.0; }, [](std::chrono::milliseconds) {});
        settings.cardWait = 20000ms;
        return settings;
    };
}

std::unique_ptr<sim::World> startWorld() {
    auto world = sim::World::start({});
    if (!world) FAIL(world.error().message + ": " + world.error().detail);
    return std::move(*world);
}

}  // namespace

TEST_CASE("SDK: RUN_AUTH against the world's eID-Server ends with ResultMajor ok", "[sdk][auth]") {
    auto world = startWorld();
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
    auto world = startWorld();
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
