#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "card/ReaderMonitor.h"
#include "card/sim/SimulatorBackend.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace std::chrono_literals;

namespace {

const CommandApdu kSelectCardAccess(0x00, 0xA4, 0x02, 0x0C, hexBytes("011C"));

}  // namespace

TEST_CASE("The simulator offers one reader named Simulator with the default card inserted") {
    SimulatorBackend backend;
    CHECK(backend.name() == "simulator");
    const auto readers = backend.readers();
    REQUIRE(readers.ok());
    REQUIRE(readers->size() == 1);
    CHECK(readers->front().name == "Simulator");
    CHECK(readers->front().backend == "simulator");
    CHECK(readers->front().cardPresent);
    CHECK(readers->front().atr == VirtualCard::defaultAtr());
}

TEST_CASE("A connected simulator card answers commands") {
    SimulatorBackend backend;
    auto card = backend.connect("Simulator");
    REQUIRE(card.ok());
    CHECK((*card)->readerName() == "Simulator");
    CHECK((*card)->atr() == VirtualCard::defaultAtr());
    const auto response = (*card)->transmit(kSelectCardAccess);
    REQUIRE(response.ok());
    CHECK(response->isSuccess());
}

TEST_CASE("After removeCard a connected card reports CardRemoved and the reader is empty") {
    SimulatorBackend backend;
    auto card = backend.connect("Simulator");
    REQUIRE(card.ok());
    backend.removeCard();
    const auto response = (*card)->transmit(kSelectCardAccess);
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().code == ErrorCode::CardRemoved);
    CHECK_FALSE(backend.readers()->front().cardPresent);
    CHECK(backend.readers()->front().atr.empty());
    const auto again = backend.connect("Simulator");
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::NoCard);
}

TEST_CASE("A connection to a card does not survive its removal and reinsertion") {
    SimulatorBackend backend;
    auto card = backend.connect("Simulator");
    REQUIRE(card.ok());
    const auto virtualCard = backend.card();
    backend.removeCard();
    backend.insertCard(virtualCard);
    CHECK((*card)->transmit(kSelectCardAccess).error().code == ErrorCode::CardRemoved);
    auto fresh = backend.connect("Simulator");
    REQUIRE(fresh.ok());
    CHECK((*fresh)->transmit(kSelectCardAccess)->isSuccess());
}

TEST_CASE("Connecting to an unknown reader fails with NoReader") {
    SimulatorBackend backend;
    const auto card = backend.connect("Virtual PCD 00 00");
    REQUIRE_FALSE(card.ok());
    CHECK(card.error().code == ErrorCode::NoReader);
}

TEST_CASE("An empty simulator can be created and filled") {
    SimulatorBackend backend(nullptr);
    CHECK_FALSE(backend.readers()->front().cardPresent);
    backend.insertCard(std::make_shared<VirtualCard>());
    CHECK(backend.readers()->front().cardPresent);
}

TEST_CASE("waitForChange wakes when a card is removed on another thread") {
    SimulatorBackend backend;
    REQUIRE(backend.readers().ok());
    std::thread remover([&] { backend.removeCard(); });
    const auto start = std::chrono::steady_clock::now();
    CHECK(backend.waitForChange(30s).ok());
    CHECK(std::chrono::steady_clock::now() - start < 10s);
    remover.join();
    CHECK_FALSE(backend.readers()->front().cardPresent);
}

TEST_CASE("waitForChange returns at once for a change made before it was called") {
    SimulatorBackend backend;
    REQUIRE(backend.readers().ok());
    backend.removeCard();
    const auto start = std::chrono::steady_clock::now();
    CHECK(backend.waitForChange(30s).ok());
    CHECK(std::chrono::steady_clock::now() - start < 10s);
}

TEST_CASE("waitForChange without a change lasts until its timeout") {
    SimulatorBackend backend;
    REQUIRE(backend.readers().ok());
    const auto start = std::chrono::steady_clock::now();
    CHECK(backend.waitForChange(50ms).ok());
    CHECK(std::chrono::steady_clock::now() - start >= 50ms);
}

TEST_CASE("cancelWait wakes a waiting thread") {
    SimulatorBackend backend;
    REQUIRE(backend.readers().ok());
    std::thread canceller([&] { backend.cancelWait(); });
    const auto start = std::chrono::steady_clock::now();
    CHECK(backend.waitForChange(30s).ok());
    CHECK(std::chrono::steady_clock::now() - start < 10s);
    canceller.join();
}

TEST_CASE("A ReaderMonitor on the simulator reports removal and insertion") {
    SimulatorBackend backend;
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<ReaderEvent> events;
    ReaderMonitor monitor(backend, [&](const std::vector<ReaderEvent>& batch) {
        std::lock_guard lock(mutex);
        events.insert(events.end(), batch.begin(), batch.end());
        arrived.notify_all();
    });
    const auto waitForEvents = [&](std::size_t count) {
        std::unique_lock lock(mutex);
        return arrived.wait_for(lock, 10s, [&] { return events.size() >= count; });
    };
    monitor.start();
    REQUIRE(waitForEvents(2));  // reader added, card inserted
    backend.removeCard();
    REQUIRE(waitForEvents(3));
    backend.insertCard(std::make_shared<VirtualCard>());
    REQUIRE(waitForEvents(4));
    monitor.stop();
    std::lock_guard lock(mutex);
    CHECK(events[0].kind == ReaderEvent::Kind::ReaderAdded);
    CHECK(events[1].kind == ReaderEvent::Kind::CardInserted);
    CHECK(events[2].kind == ReaderEvent::Kind::CardRemoved);
    CHECK(events[3].kind == ReaderEvent::Kind::CardInserted);
    CHECK(events[3].reader == "Simulator");
}
