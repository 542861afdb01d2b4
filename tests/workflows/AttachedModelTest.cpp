// The attached eID-Server model end to end: the world's eService is also the eID-Server (one
// OpenSSL endpoint with a session cache), the token has no PSK, and TLS-2 must resume the TLS
// session the token was fetched over.
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

std::unique_ptr<sim::World> startAttachedWorld(const sim::Misbehaviour& misbehaviour = {}) {
    sim::WorldOptions options;
    options.misbehaviour = misbehaviour;
    options.attached = true;
    return test::startTestWorld(options);
}

AuthOutcome authenticate(sim::World& world) {
    SimulatorBackend backend;
    ScriptedInteraction::Script script;
    script.pins = {"123456"};
    ScriptedInteraction interaction(script);
    AuthWorkflow workflow(backend, interaction, test::authSettingsFor(world, 2000ms));
    return workflow.run(world.eService().tcTokenUrl());
}

QString query(const AuthOutcome& outcome, const char* key) {
    return QUrlQuery(outcome.redirectUrl).queryItemValue(QString::fromLatin1(key));
}

}  // namespace

TEST_CASE(
    "Attached eID-Server: TLS-2 resumes the token's TLS session and the service gets the "
    "person's data",
    "[auth][attached]") {
    auto world = startAttachedWorld();
    const auto outcome = authenticate(*world);
    INFO((outcome.error ? outcome.error->message + " | " + outcome.error->detail : ""));
    INFO("handshakes " << world->eService().attachedHandshakes() << ", resumed "
                       << world->eService().attachedHandshakesResumed());
    REQUIRE(outcome.ok());
    CHECK(query(outcome, "ResultMajor") == "ok");
    CHECK(outcome.redirectUrl.path() == "/refresh");
    CHECK(world->eService().paosRefused() == 0);
    CHECK(world->eService().attachedHandshakesResumed() >= 1);
    // The PSK eID-Server beside it never saw this session.
    CHECK(world->eidServer().handshakesCompleted() == 0);

    net::HttpsFetcher fetcher(net::TlsConfiguration::eServiceChannel({world->caCertificate()}));
    auto page = fetcher.fetch(outcome.redirectUrl);
    REQUIRE(page.result.ok());
    CHECK(page.result->body.contains("ERIKA"));
    CHECK(page.result->body.contains("MUSTERMANN"));
}

TEST_CASE(
    "Attached eID-Server that starts a new TLS session instead of resuming: TLS-2 is "
    "refused before any PAOS message",
    "[auth][attached]") {
    sim::Misbehaviour misbehaviour;
    misbehaviour.attachedWithoutResumption = true;
    auto world = startAttachedWorld(misbehaviour);
    const auto outcome = authenticate(*world);
    REQUIRE_FALSE(outcome.ok());
    REQUIRE(outcome.error);
    INFO(outcome.error->message + " | " + outcome.error->detail);
    CHECK(query(outcome, "ResultMajor") == "error");
    CHECK(query(outcome, "ResultMinor") == "trustedChannelEstablishmentFailed");
    CHECK(outcome.error->detail.find("new TLS session") != std::string::npos);
    CHECK(world->eService().attachedHandshakesResumed() == 0);
    const auto* session = world->eidServer().session(world->eService().lastSessionIdentifier());
    REQUIRE(session != nullptr);
    CHECK(session->stepsSent().empty());
}
