#include "card/ReaderMonitor.h"

namespace oa {
namespace {

// Long enough to stay idle, short enough that a lost wake-up costs little.
constexpr std::chrono::milliseconds kWaitSlice{1000};
// While the service is down there is nothing to wait on; try again at this pace.
constexpr std::chrono::milliseconds kServiceRetry{500};

}  // namespace

ReaderMonitor::ReaderMonitor(ReaderBackend& backend, Listener listener)
    : backend_(backend), listener_(std::move(listener)) {}

ReaderMonitor::~ReaderMonitor() {
    stop();
}

void ReaderMonitor::start() {
    if (running_.exchange(true)) return;
    thread_ = std::thread([this] { run(); });
}

void ReaderMonitor::stop() {
    if (!running_.exchange(false)) return;
    backend_.cancelWait();
    if (thread_.joinable()) thread_.join();
}

std::vector<ReaderInfo> ReaderMonitor::snapshot() const {
    std::lock_guard lock(mutex_);
    return readers_;
}

void ReaderMonitor::run() {
    poll();
    while (running_) {
        auto waited = backend_.waitForChange(kWaitSlice);
        if (!running_) break;
        if (!waited && waited.error().code == ErrorCode::NoService) {
            std::this_thread::sleep_for(kServiceRetry);
        }
        poll();
    }
}

void ReaderMonitor::poll() {
    auto current = backend_.readers();
    std::vector<ReaderEvent> events;
    const bool available = current.ok() || current.error().code != ErrorCode::NoService;
    std::vector<ReaderInfo> now = current.ok() ? *current : std::vector<ReaderInfo>{};
    {
        std::lock_guard lock(mutex_);
        if (!current.ok() && available) return;  // transient error: keep the last picture
        events = diffReaders(readers_, now);
        readers_ = now;
    }
    if (serviceAvailable_.exchange(available) != available) {
        events.insert(
            available ? events.end() : events.begin(),
            {available ? ReaderEvent::Kind::ServiceRestored : ReaderEvent::Kind::ServiceLost,
             {},
             {}});
    }
    if (!events.empty() && listener_) listener_(events);
}

}  // namespace oa
