#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

#include "card/ReaderInfo.h"

namespace oa::test {

// Collects ReaderMonitor events from the monitor thread and lets the test wait for one.
class EventLog {
public:
    void add(const std::vector<ReaderEvent>& events) {
        {
            std::lock_guard lock(mutex_);
            events_.insert(events_.end(), events.begin(), events.end());
        }
        changed_.notify_all();
    }

    // Waits for an event matching `match` that arrives after position `from`.
    bool waitFor(const std::function<bool(const ReaderEvent&)>& match, std::size_t from,
                 std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, [&] {
            for (std::size_t i = from; i < events_.size(); ++i) {
                if (match(events_[i])) return true;
            }
            return false;
        });
    }

    std::size_t size() const {
        std::lock_guard lock(mutex_);
        return events_.size();
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<ReaderEvent> events_;
};

}  // namespace oa::test
