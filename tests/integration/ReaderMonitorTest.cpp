#include <catch2/catch.hpp>

#include <signal.h>

#include <atomic>
#include <future>
#include <thread>

#include "EventLog.h"
#include "Harness.h"
#include "card/ReaderMonitor.h"
#include "card/pcsc/PcscBackend.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace oa::test;
using Kind = ReaderEvent::Kind;

namespace {

auto eventOf(Kind kind, const std::string& reader = {}) {
    return [kind, reader](const ReaderEvent& event) {
        return event.kind == kind && event.reader == reader;
    };
}

// Counts how often the monitor asks the backend, to prove it waits instead of spinning.
class CountingBackend : public ReaderBackend {
public:
    std::string name() const override { return inner.name(); }
    Result<std::vector<ReaderInfo>> readers() override {
        ++readerQueries;
        return inner.readers();
    }
    Result<std::unique_ptr<Card>> connect(const std::string& reader) override {
        return inner.connect(reader);
    }
    Result<void> waitForChange(std::chrono::milliseconds timeout) override {
        return inner.waitForChange(timeout);
    }
    void cancelWait() override { inner.cancelWait(); }

    PcscBackend inner;
    std::atomic<int> readerQueries{0};
};

}  // namespace

TEST_CASE("An idle reader monitor waits on pcscd instead of polling", "[monitor]") {
    CountingBackend backend;
    EventLog log;
    ReaderMonitor monitor(backend, [&](const auto& events) { log.add(events); });
    monitor.start();
    REQUIRE(log.waitFor(eventOf(Kind::ReaderAdded, kSecondReader), 0, 5s));
    const int before = backend.readerQueries;
    // An observation window, not synchronisation: nothing happens in it.
    std::this_thread::sleep_for(2s);
    WARN("reader queries in 2 s idle: " << backend.readerQueries - before);
    // The monitor's wait slice is one second; a spinning backend would query hundreds of times.
    CHECK(backend.readerQueries - before <= 4);
    monitor.stop();
}

TEST_CASE("The reader monitor sees the virtual card come and go", "[monitor]") {
    PcscBackend backend;
    EventLog log;
    ReaderMonitor monitor(backend, [&](const auto& events) { log.add(events); });
    monitor.start();
    REQUIRE(log.waitFor(eventOf(Kind::ReaderAdded, kFirstReader), 0, 5s));
    REQUIRE(log.waitFor(eventOf(Kind::ReaderAdded, kSecondReader), 0, 5s));

    std::size_t mark = log.size();
    auto start = Clock::now();
    SimCard sim;
    REQUIRE(log.waitFor(
        [](const ReaderEvent& event) {
            return event.kind == Kind::CardInserted && event.reader == kFirstReader &&
                   event.atr == VirtualCard::defaultAtr();
        },
        mark, 5s));
    WARN("CardInserted "
         << std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count()
         << " ms after the card process started");

    mark = log.size();
    start = Clock::now();
    sim.remove();
    REQUIRE(log.waitFor(eventOf(Kind::CardRemoved, kFirstReader), mark, 5s));
    WARN("CardRemoved "
         << std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count()
         << " ms after the card process was killed");

    start = Clock::now();
    monitor.stop();
    CHECK(Clock::now() - start < 2s);
}

TEST_CASE("cancelWait wakes a waitForChange blocked on pcscd", "[monitor]") {
    PcscBackend backend;
    REQUIRE(backend.readers().ok());
    const auto start = Clock::now();
    auto waiting = std::async(std::launch::async, [&] { return backend.waitForChange(30s); });
    // Repeated because the first cancel may land before the wait has begun.
    while (waiting.wait_for(50ms) != std::future_status::ready) {
        REQUIRE(Clock::now() - start < 5s);
        backend.cancelWait();
    }
    CHECK(waiting.get().ok());
    CHECK(Clock::now() - start < 5s);
}

TEST_CASE("waitForChange sleeps while nothing changes and wakes when a card arrives", "[monitor]") {
    PcscBackend backend;
    // Let the backend learn the current state; the first waits may return at once.
    REQUIRE(waitUntil(5s, [&] {
        const auto start = Clock::now();
        REQUIRE(backend.waitForChange(300ms).ok());
        return Clock::now() - start >= 250ms;
    }));

    SimCard sim;
    const auto start = Clock::now();
    bool present = false;
    while (!present && Clock::now() - start < 5s) {
        REQUIRE(backend.waitForChange(5s).ok());
        present = cardPresent(backend, kFirstReader);
    }
    CHECK(present);
}
