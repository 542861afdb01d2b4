// The workflow against the simulation world's own eID-Server and demo eService (src/sim/world),
// written independently of the workflow: the two halves of the protocol meet here.
#include <QUrlQuery>
#include <catch2/catch.hpp>

#include "TestWorldSettings.h"
#include "card/sim/SimulatorBackend.h"
#include "net/HttpsFetcher.h"
#include "net/TlsConfiguration.h"
#include "sim/world/World.h"
#include "workflows/AuthWorkflow.h"
#include "workflows/ScriptedInteraction.h"

using namespace oa;
using namespace oa::workflows;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<sim::World> startWorld(const sim::Misbehaviour& misbehaviour = {}) {
    sim::WorldOptions options;
    options.misbehaviour = misbehaviour;
    return test::startTestWorld(options);
}

AuthOutcome authenticate(sim::World& world, SimulatorBackend& backend) {
    ScriptedInteraction::Script script;
    script.pins = {"123456"};
    ScriptedInteraction interaction(script);
    AuthWorkflow workflow(backend, interaction, test::authSettingsFor(world, 2000ms));
    return workflow.run(world.eService().tcTokenUrl());
}

QString minor(const AuthOutcome& outcome) {
    return QUrlQuery(outcome.redirectUrl).queryItemValue("ResultMinor");
}

}  // namespace

TEST_CASE("Against the world's eID-Server: ResultMajor=ok and the refresh page shows the person",
          "[auth][world]") {
    auto world = startWorld();
    SimulatorBackend backend;
    const auto outcome = authenticate(*world, backend);
    INFO((outcome.error ? outcome.error->message + " | " + outcome.error->detail : ""));
    REQUIRE(outcome.ok());
    CHECK(QUrlQuery(outcome.redirectUrl).queryItemValue("ResultMajor") == "ok");
    CHECK(outcome.redirectUrl.path() == "/refresh");

    net::HttpsFetcher fetcher(net::TlsConfiguration::eServiceChannel({world->caCertificate()}));
    auto page = fetcher.fetch(outcome.redirectUrl);
    REQUIRE(page.result.ok());
    CHECK(page.result->body.contains("ERIKA"));
    CHECK(page.result->body.contains("MUSTERMANN"));
}

TEST_CASE("Against the world's eID-Server: signature in EACAdditionalInput", "[auth][world]") {
    sim::Misbehaviour misbehaviour;
    misbehaviour.signInAdditionalInput = true;
    misbehaviour.initializeFramework = false;
    auto world = startWorld(misbehaviour);
    SimulatorBackend backend;
    const auto outcome = authenticate(*world, backend);
    INFO((outcome.error ? outcome.error->message + " | " + outcome.error->detail : ""));
    CHECK(outcome.ok());
}

TEST_CASE("Against the world's eID-Server: a wrong description hash is refused", "[auth][world]") {
    sim::Misbehaviour misbehaviour;
    misbehaviour.wrongDescriptionHash = true;
    auto world = startWorld(misbehaviour);
    SimulatorBackend backend;
    const auto outcome = authenticate(*world, backend);
    CHECK(minor(outcome) == "trustedChannelEstablishmentFailed");
}

TEST_CASE("Against the world's eID-Server: an abort at each step gives serverError",
          "[auth][world]") {
    const auto step = GENERATE(sim::PaosStep::InitializeFramework, sim::PaosStep::Eac1,
                               sim::PaosStep::Eac2, sim::PaosStep::Transmit);
    sim::Misbehaviour misbehaviour;
    misbehaviour.abortInsteadOf = step;
    auto world = startWorld(misbehaviour);
    SimulatorBackend backend;
    const auto outcome = authenticate(*world, backend);
    INFO("abort instead of " << sim::toString(step).toStdString());
    CHECK(minor(outcome) == "serverError");
}
