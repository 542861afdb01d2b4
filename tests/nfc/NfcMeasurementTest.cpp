// Measurements for docs/reliability.md, hidden from ctest (timing on a shared machine is no
// assertion): `nfc_tests "[.measure]"`.
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>

#include "EmulatedReader.h"
#include "eid/SelfAuthentication.h"
#include "sim/pki/TestPki.h"

using namespace oa;
using oa::test::EmulatedReader;
using Clock = std::chrono::steady_clock;

namespace {

double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE("Idle CPU of the NFC backend and the emulated PN532", "[.measure]") {
    for (bool withCard : {true, false}) {
        EmulatedReader reader(withCard ? std::make_shared<VirtualCard>() : nullptr,
                              sim::Pn532Emulator::TargetType::IsoA,
                              NfcBackend::kDefaultPollInterval);
        REQUIRE(reader.onlyReader().cardPresent == withCard);
        const double cpuBefore = cpuSeconds();
        const auto start = Clock::now();
        while (secondsSince(start) < 10.0)
            REQUIRE(reader.backend->waitForChange(std::chrono::milliseconds(1000)));
        const double wall = secondsSince(start);
        const double cpu = cpuSeconds() - cpuBefore;
        std::printf("idle %s: %.3f s CPU in %.1f s (%.2f %%), %d presence checks, %d selects\n",
                    withCard ? "with card" : "empty field", cpu, wall, 100.0 * cpu / wall,
                    reader.emulator->commandCount(0x42), reader.emulator->commandCount(0x4A));
        CHECK(cpu < wall);
    }
}

TEST_CASE("APDU round trip and self-authentication over the emulated PN532", "[.measure]") {
    EmulatedReader reader;
    auto card = reader.connect();
    const CommandApdu select(0x00, 0xA4, 0x02, 0x0C, hexBytes("011C"));
    constexpr int kRounds = 500;
    auto start = Clock::now();
    for (int i = 0; i < kRounds; ++i)
        REQUIRE(card->transmit(select));
    std::printf("SELECT round trip: %.3f ms\n", 1000.0 * secondsSince(start) / kRounds);

    const auto& pki = sim::TestPki::builtIn();
    auto terminal = eid::TerminalIdentity::fromMemory(pki.terminalChain(), pki.terminalKeyPkcs8());
    REQUIRE(terminal);
    auto trust = eac::CscaTrustList::fromPem(pki.cscaPem());
    REQUIRE(trust);
    eid::SelfAuthenticationRequest request;
    request.dataGroups = eid::allDataGroups();
    request.pin = SecureBytes::fromAscii("123456");
    const int before = reader.emulator->commandCount(0x42);
    start = Clock::now();
    eid::SelfAuthentication session(*card, *terminal, eid::passiveAuthentication(*trust));
    auto result = session.run(request);
    REQUIRE(result);
    std::printf("self-authentication (all data groups): %.1f ms, %d ISO-DEP blocks\n",
                1000.0 * secondsSince(start), reader.emulator->commandCount(0x42) - before);
}
