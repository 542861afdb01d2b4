#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "card/ReaderBackend.h"

namespace oa {

// Watches one backend on its own thread and reports changes as ReaderEvents. The listener runs on
// the monitor thread; Qt faces forward it to their own thread.
class ReaderMonitor {
public:
    using Listener = std::function<void(const std::vector<ReaderEvent>&)>;

    ReaderMonitor(ReaderBackend& backend, Listener listener);
    ~ReaderMonitor();
    ReaderMonitor(const ReaderMonitor&) = delete;
    ReaderMonitor& operator=(const ReaderMonitor&) = delete;

    void start();
    void stop();
    // Last snapshot seen by the monitor thread.
    std::vector<ReaderInfo> snapshot() const;
    bool serviceAvailable() const { return serviceAvailable_; }

private:
    void run();
    void poll();

    ReaderBackend& backend_;
    Listener listener_;
    std::thread thread_;
    std::atomic<bool> running_{false};
    std::atomic<bool> serviceAvailable_{true};
    mutable std::mutex mutex_;
    std::vector<ReaderInfo> readers_;
};

}  // namespace oa
