// The reader monitor thread over the NFC backend: the events the app's reader list shows.
#include <catch2/catch.hpp>

#include <algorithm>
#include <condition_variable>
#include <mutex>

#include "EmulatedReader.h"
#include "card/ReaderMonitor.h"

using namespace oa;
using oa::test::EmulatedReader;
using Kind = ReaderEvent::Kind;

namespace {

struct EventLog {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<ReaderEvent> events;

    void add(const std::vector<ReaderEvent>& more) {
        {
            std::lock_guard lock(mutex);
            events.insert(events.end(), more.begin(), more.end());
        }
        changed.notify_all();
    }

    bool waitFor(Kind kind) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(20), [&] {
            return std::any_of(events.begin(), events.end(),
                               [&](const ReaderEvent& event) { return event.kind == kind; });
        });
    }
};

}  // namespace

TEST_CASE("The reader monitor reports an NFC reader, card removal and insertion", "[nfc]") {
    EmulatedReader reader;
    EventLog log;
    ReaderMonitor monitor(*reader.backend, [&](const auto& events) { log.add(events); });
    monitor.start();
    REQUIRE(log.waitFor(Kind::ReaderAdded));
    reader.emulator->removeCard();
    REQUIRE(log.waitFor(Kind::CardRemoved));
    reader.emulator->insertCard(reader.card);
    {
        std::lock_guard lock(log.mutex);
        log.events.clear();
    }
    REQUIRE(log.waitFor(Kind::CardInserted));
    monitor.stop();
    std::lock_guard lock(log.mutex);
    const auto inserted = std::find_if(log.events.begin(), log.events.end(),
                                       [](const auto& e) { return e.kind == Kind::CardInserted; });
    CHECK(inserted->atr == VirtualCard::defaultAtr());
    CHECK(inserted->reader == reader.onlyReader().name);
}
