#pragma once

// The PIN letter workflow pointed at a running World: the real ServiceClient and workflow, the
// in-process virtual card, no real waiting between tries.

#include <QJsonObject>
#include <memory>
#include <string>

#include "card/sim/SimulatorBackend.h"
#include "sim/world/World.h"
#include "workflows/PinLetterWorkflow.h"
#include "workflows/ScriptedInteraction.h"

namespace oa::sim::test {

workflows::PinLetterSettings pinLetterSettings(World& world);
// Retries without sleeping (the waits are still counted down to the observer).
std::shared_ptr<net::RetryPolicy> instantRetry(net::RetrySettings settings = {});
std::unique_ptr<net::ServiceClient> instantServiceClient(World& world,
                                                         net::RetrySettings settings = {});
workflows::AuthSettings pinResetAuthSettings(World& world);

// One citizen: a card in the simulator reader, an interaction answering from a script.
struct Citizen {
    SimulatorBackend backend;
    workflows::ScriptedInteraction::Script script;
    std::unique_ptr<workflows::ScriptedInteraction> interaction;

    workflows::PinLetterWorkflow::Authenticate authenticate(World& world);
};

// One plain request to the PIN letter service (no retries).
net::HttpsOutcome serviceRequest(World& world, const QByteArray& method, const QString& path,
                                 const QByteArray& idempotencyKey = {},
                                 const QByteArray& body = {});
QJsonObject jsonOf(const net::HttpsOutcome& outcome);

// Three wrong PINs (the third after the CAN): the card's PIN is blocked.
void blockPin(SimulatorBackend& backend);

}  // namespace oa::sim::test
