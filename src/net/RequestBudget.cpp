#include "net/RequestBudget.h"

#include <algorithm>
#include <cmath>

namespace oa::net {

using std::chrono::milliseconds;

RequestBudget::RequestBudget(int perMinute, int burst, Clock clock)
    : perMinute_(std::max(1, perMinute)),
      burst_(std::max(1, burst)),
      clock_(std::move(clock)),
      tokens_(burst_),
      last_(clock_()) {}

void RequestBudget::refill(std::chrono::steady_clock::time_point now) {
    if (now <= last_) return;
    const double elapsedMinutes = std::chrono::duration<double>(now - last_).count() / 60.0;
    tokens_ = std::min<double>(burst_, tokens_ + elapsedMinutes * perMinute_);
    last_ = now;
}

milliseconds RequestBudget::reserve() {
    std::lock_guard lock(mutex_);
    refill(clock_());
    if (tokens_ >= 1.0) {
        tokens_ -= 1.0;
        return milliseconds(0);
    }
    const double missingMinutes = (1.0 - tokens_) / perMinute_;
    return milliseconds(std::max<long long>(1, std::llround(std::ceil(missingMinutes * 60000.0))));
}

RequestBudget::Clock RequestBudget::steadyClock() {
    return [] { return std::chrono::steady_clock::now(); };
}

}  // namespace oa::net
