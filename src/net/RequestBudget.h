#pragma once

#include <chrono>
#include <functional>
#include <mutex>

namespace oa::net {

// A token bucket per service: at most `burst` requests at once and `perMinute` more per minute,
// so no retry logic, however eager, floods one server. Thread-safe; share one per service host.
class RequestBudget {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    RequestBudget(int perMinute, int burst, Clock clock = steadyClock());

    // Takes one request's worth if there is one (returns 0); otherwise takes nothing and returns
    // how long until there will be.
    std::chrono::milliseconds reserve();

    int perMinute() const { return perMinute_; }
    int burst() const { return burst_; }

    static Clock steadyClock();

private:
    void refill(std::chrono::steady_clock::time_point now);

    int perMinute_;
    int burst_;
    Clock clock_;
    std::mutex mutex_;
    double tokens_;
    std::chrono::steady_clock::time_point last_;
};

}  // namespace oa::net
