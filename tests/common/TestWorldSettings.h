#pragma once
// The simulation world (src/sim/world) as the Catch2 suites use it: started or the test fails
// with why, and the AuthSettings with which the client trusts it. Header-only; needs Catch2.
#include <catch2/catch.hpp>

#include <chrono>
#include <memory>

#include "eac/CscaTrustList.h"
#include "eid/SelfAuthentication.h"
#include "net/RetryPolicy.h"
#include "sim/pki/TestPki.h"
#include "sim/world/World.h"
#include "workflows/AuthWorkflow.h"

namespace oa::test {

inline std::unique_ptr<sim::World> startTestWorld(const sim::WorldOptions& options = {}) {
    auto world = sim::World::start(options);
    if (!world) FAIL(world.error().message + ": " + world.error().detail);
    return std::move(*world);
}

// Retries at once: a test never sleeps, and the world's outages are switched by the test itself.
inline std::shared_ptr<net::RetryPolicy> retryWithoutWaiting() {
    return std::make_shared<net::RetryPolicy>(
        net::RetrySettings{}, [] { return 0.0; }, [](std::chrono::milliseconds) {});
}

// The world's TLS CA, passive authentication against the test PKI's CSCA only (the simulated
// cards' signer), and `cardWait` for a card in the chosen reader. No Catch2 assertion inside:
// the SDK asks for these settings on its worker thread.
inline workflows::AuthSettings authSettingsFor(const sim::World& world,
                                               std::chrono::milliseconds cardWait) {
    workflows::AuthSettings settings;
    settings.caCertificates = {world.caCertificate()};
    auto trust = eac::CscaTrustList::fromPem(sim::TestPki::builtIn().cscaPem());
    settings.verifyCardSecurity = eid::passiveAuthentication(*trust);
    settings.retry = retryWithoutWaiting();
    settings.cardWait = cardWait;
    return settings;
}

}  // namespace oa::test
