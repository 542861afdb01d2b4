#include <catch2/catch.hpp>

#include "Harness.h"
#include "card/pcsc/PcscBackend.h"

using namespace oa;
using namespace oa::test;

// Run with OA_PCSCD_READERS=none: pcscd is up but has no reader at all.

TEST_CASE("pcscd without readers gives an empty list, not an error", "[noreaders]") {
    PcscBackend backend;
    auto readers = backend.readers();
    REQUIRE(readers.ok());
    CHECK(readers->empty());

    auto connected = backend.connect(kFirstReader);
    REQUIRE_FALSE(connected.ok());
    CHECK(connected.error().code == ErrorCode::NoReader);
}

TEST_CASE("waitForChange without readers waits on the PnP notification alone", "[noreaders]") {
    PcscBackend backend;
    // The first waits may return at once while the backend learns the state; then one must sleep.
    const auto slept = waitUntil(5s, [&] {
        const auto start = Clock::now();
        REQUIRE(backend.waitForChange(300ms).ok());
        return Clock::now() - start >= 250ms;
    });
    CHECK(slept);
}

TEST_CASE("openausweis-cli readers says there are none", "[noreaders]") {
    const auto result = runCommand(shellQuote(OA_CLI_PATH) + " readers");
    CHECK(result.exitCode == 0);
    CHECK(result.output == "No card readers found.\n");
}
