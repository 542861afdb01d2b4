// The app-wide UserWorkflowGuard: the window's workflows and an SDK client exclude each other,
// and the SDK endpoint asks the guard (409) exactly as the app wires it.
#include <QWebSocket>
#include <catch2/catch.hpp>

#include "Harness.h"
#include "card/sim/SimulatorBackend.h"
#include "service/SdkWebSocketEndpoint.h"
#include "workflows/UserWorkflowGuard.h"

using namespace oa;
using namespace oa::service;
using namespace oa::service::test;
using oa::workflows::UserWorkflowGuard;

TEST_CASE("UserWorkflowGuard: one window workflow at a time, released when the claim goes",
          "[sdk][guard]") {
    UserWorkflowGuard guard;
    CHECK_FALSE(guard.userWorkflowActive());
    {
        auto first = guard.claim("PinManagementController");
        REQUIRE(first);
        CHECK(guard.userWorkflowActive());
        CHECK(guard.activeWorkflow() == "PinManagementController");
        CHECK_FALSE(guard.claim("SelfReadController"));
        auto moved = std::move(*first);
        first.reset();  // the moved-from claim releases nothing
        CHECK(guard.userWorkflowActive());
    }
    CHECK_FALSE(guard.userWorkflowActive());
    CHECK(guard.activeWorkflow().empty());
    CHECK(guard.claim("SelfReadController"));
}

TEST_CASE(
    "UserWorkflowGuard: the window cannot start a workflow while an SDK client controls "
    "the app",
    "[sdk][guard]") {
    UserWorkflowGuard guard;
    guard.setSdkClientConnected(true);
    CHECK_FALSE(guard.claim("SelfReadController"));
    guard.setSdkClientConnected(false);
    CHECK(guard.claim("SelfReadController"));
}

TEST_CASE("SDK over WebSocket: 409 while a window workflow holds the guard, connects after",
          "[sdk][guard][ws]") {
    UserWorkflowGuard guard;
    SimulatorBackend simulator;
    Harness harness;
    SdkWebSocketEndpoint::Settings settings;
    settings.environment.backend = &simulator;
    settings.environment.simulator = &simulator;
    settings.isUserWorkflowActive = [&guard] { return guard.userWorkflowActive(); };
    SdkWebSocketEndpoint sdk(settings);
    QObject::connect(
        &sdk, &SdkWebSocketEndpoint::clientChanged,
        [&guard](bool connected, const QString&) { guard.setSdkClientConnected(connected); });
    harness.endpoint.upgradeHandler = &sdk;
    const std::string handshake =
        "GET /eID-Kernel HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(harness.port) +
        "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    {
        auto claim = guard.claim("PinManagementController");
        REQUIRE(claim);
        auto refused = roundTrip(harness.port, handshake);
        REQUIRE(refused);
        CHECK(refused->status == 409);
        CHECK_FALSE(sdk.clientConnected());
    }
    QWebSocket client;
    client.open(QUrl("ws://127.0.0.1:" + QString::number(harness.port) + "/eID-Kernel"));
    REQUIRE(waitUntil([&] { return sdk.clientConnected(); }));
    CHECK(waitUntil([&] { return guard.sdkClientConnected(); }));
    CHECK_FALSE(guard.claim("SelfReadController"));
    client.close();
    REQUIRE(waitUntil([&] { return !guard.sdkClientConnected(); }));
    CHECK(guard.claim("SelfReadController"));
}
