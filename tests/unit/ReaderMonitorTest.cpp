#include <catch2/catch.hpp>

#include <condition_variable>
#include <mutex>

#include "card/ReaderMonitor.h"

using namespace oa;
using namespace std::chrono_literals;
using Kind = ReaderEvent::Kind;

namespace {

// A backend whose readers the test sets; waitForChange wakes when they change.
class ScriptedBackend : public ReaderBackend {
public:
    std::string name() const override { return "scripted"; }

    Result<std::vector<ReaderInfo>> readers() override {
        std::lock_guard lock(mutex_);
        if (!serviceUp_) return makeError(ErrorCode::NoService, "service down");
        return readers_;
    }

    Result<std::unique_ptr<Card>> connect(const std::string&) override {
        return makeError(ErrorCode::NoCard, "no card");
    }

    Result<void> waitForChange(std::chrono::milliseconds timeout) override {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, timeout, [&] { return dirty_; });
        dirty_ = false;
        if (!serviceUp_) return makeError(ErrorCode::NoService, "service down");
        return {};
    }

    void cancelWait() override {
        set([] {});
    }

    void setReaders(std::vector<ReaderInfo> readers) {
        set([&] { readers_ = std::move(readers); });
    }
    void setServiceUp(bool up) {
        set([&] { serviceUp_ = up; });
    }

private:
    template <typename F>
    void set(F change) {
        {
            std::lock_guard lock(mutex_);
            change();
            dirty_ = true;
        }
        changed_.notify_all();
    }

    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<ReaderInfo> readers_;
    bool serviceUp_ = true;
    bool dirty_ = false;
};

// Collects events from the monitor thread and lets the test wait for a count.
class EventLog {
public:
    void add(const std::vector<ReaderEvent>& events) {
        std::lock_guard lock(mutex_);
        events_.insert(events_.end(), events.begin(), events.end());
        arrived_.notify_all();
    }
    std::vector<ReaderEvent> waitFor(std::size_t count) {
        std::unique_lock lock(mutex_);
        arrived_.wait_for(lock, 5s, [&] { return events_.size() >= count; });
        return events_;
    }

private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<ReaderEvent> events_;
};

}  // namespace

TEST_CASE("Reader monitor reports readers present at start and later card changes") {
    ScriptedBackend backend;
    backend.setReaders({{"R1", "scripted", false, {}}});
    EventLog log;
    ReaderMonitor monitor(backend, [&](const auto& events) { log.add(events); });
    monitor.start();
    REQUIRE(log.waitFor(1).size() == 1);

    backend.setReaders({{"R1", "scripted", true, hexBytes("3B8A")}});
    auto events = log.waitFor(2);
    REQUIRE(events.size() == 2);
    CHECK(events[0] == ReaderEvent{Kind::ReaderAdded, "R1", {}});
    CHECK(events[1] == ReaderEvent{Kind::CardInserted, "R1", hexBytes("3B8A")});
    CHECK(monitor.snapshot().at(0).cardPresent);
}

TEST_CASE("Reader monitor reports a lost and a restored card service") {
    ScriptedBackend backend;
    backend.setReaders({{"R1", "scripted", true, hexBytes("3B")}});
    EventLog log;
    ReaderMonitor monitor(backend, [&](const auto& events) { log.add(events); });
    monitor.start();
    log.waitFor(2);

    backend.setServiceUp(false);
    auto events = log.waitFor(5);
    REQUIRE(events.size() >= 5);
    CHECK(events[2].kind == Kind::ServiceLost);
    CHECK(events[3].kind == Kind::CardRemoved);
    CHECK(events[4].kind == Kind::ReaderRemoved);
    CHECK_FALSE(monitor.serviceAvailable());

    backend.setServiceUp(true);
    events = log.waitFor(8);
    REQUIRE(events.size() == 8);
    CHECK(events[5].kind == Kind::ReaderAdded);
    CHECK(events[6].kind == Kind::CardInserted);
    CHECK(events[7].kind == Kind::ServiceRestored);
    CHECK(monitor.serviceAvailable());
}

TEST_CASE("Stopping the monitor returns promptly while it waits") {
    ScriptedBackend backend;
    ReaderMonitor monitor(backend, nullptr);
    monitor.start();
    const auto started = std::chrono::steady_clock::now();
    monitor.stop();
    CHECK(std::chrono::steady_clock::now() - started < 900ms);
}
