#include <catch2/catch.hpp>

#include <signal.h>

#include <future>

#include "EventLog.h"
#include "Harness.h"
#include "card/ReaderMonitor.h"
#include "card/pcsc/PcscBackend.h"

using namespace oa;
using namespace oa::test;
using Kind = ReaderEvent::Kind;

namespace {

const CommandApdu kSelectMasterFile(0x00, 0xA4, 0x00, 0x0C, hexBytes("3F00"));

// Runs `call` on another thread so a hang fails the test instead of blocking it.
template <typename Call>
auto withinDeadline(Call call, std::chrono::milliseconds deadline) {
    auto future = std::async(std::launch::async, std::move(call));
    REQUIRE(future.wait_for(deadline) == std::future_status::ready);
    return future.get();
}

bool isNoService(const Error& error) {
    return error.code == ErrorCode::NoService &&
           error.message == "The card service (pcscd) is not running." &&
           error.detail.find("SCARD_E_") != std::string::npos;
}

}  // namespace

TEST_CASE("Losing pcscd gives NoService, and a restarted pcscd is picked up", "[service]") {
    PcscBackend backend;
    PcscBackend monitored;
    EventLog log;
    ReaderMonitor monitor(monitored, [&](const auto& events) { log.add(events); });
    monitor.start();
    REQUIRE(log.waitFor([](const ReaderEvent& e) { return e.kind == Kind::ReaderAdded; }, 0, 5s));

    SimCard sim;
    REQUIRE(waitUntil(5s, [&] { return cardPresent(backend, kFirstReader); }));
    auto card = backend.connect(kFirstReader);
    REQUIRE(card.ok());
    REQUIRE((*card)->transmit(kSelectMasterFile).ok());

    const std::size_t mark = log.size();
    REQUIRE(kill(pcscdPid(), SIGKILL) == 0);

    // A call racing with pcscd's death may see a stray code first; NoService must follow quickly
    // and no call may hang.
    Result<std::vector<ReaderInfo>> readers = std::vector<ReaderInfo>{};
    const auto lost = waitUntil(3s, [&] {
        readers = withinDeadline([&] { return backend.readers(); }, 5s);
        return !readers.ok() && readers.error().code == ErrorCode::NoService;
    });
    REQUIRE(lost);
    WARN("readers() reports NoService " << lost->count() << " ms after pcscd was killed");
    INFO(readers.error().detail);
    CHECK(isNoService(readers.error()));

    auto response = withinDeadline([&] { return (*card)->transmit(kSelectMasterFile); }, 5s);
    REQUIRE_FALSE(response.ok());
    INFO(response.error().detail);
    CHECK(isNoService(response.error()));

    auto waited = withinDeadline([&] { return backend.waitForChange(10s); }, 5s);
    REQUIRE_FALSE(waited.ok());
    CHECK(waited.error().code == ErrorCode::NoService);

    auto connected = withinDeadline([&] { return backend.connect(kFirstReader); }, 5s);
    REQUIRE_FALSE(connected.ok());
    CHECK(connected.error().code == ErrorCode::NoService);

    REQUIRE(
        log.waitFor([](const ReaderEvent& e) { return e.kind == Kind::ServiceLost; }, mark, 5s));

    restartPcscd();
    const auto back = waitUntil(5s, [&] {
        auto again = backend.readers();
        return again.ok() && again->size() == 2;
    });
    REQUIRE(back);
    WARN("readers listed again " << back->count() << " ms after the pcscd restart");
    REQUIRE(log.waitFor([](const ReaderEvent& e) { return e.kind == Kind::ServiceRestored; }, mark,
                        5s));

    // The card process reconnects to vpcd by itself; the same backend reaches it again.
    REQUIRE(waitUntil(10s, [&] { return cardPresent(backend, kFirstReader); }));
    card = backend.connect(kFirstReader);
    REQUIRE(card.ok());
    auto selected = (*card)->transmit(kSelectMasterFile);
    REQUIRE(selected.ok());
    CHECK(selected->isSuccess());
    monitor.stop();
}
