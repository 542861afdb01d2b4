#include "app/ReaderFeed.h"

#include <QMetaObject>

namespace oa {

ReaderFeed::ReaderFeed(std::unique_ptr<ReaderBackend> backend, bool simulated, QObject* parent)
    : QObject(parent),
      backend_(std::move(backend)),
      source_(QString::fromStdString(backend_->name())),
      simulated_(simulated),
      monitor_(std::make_unique<ReaderMonitor>(
          *backend_, [this](const std::vector<ReaderEvent>& events) { onMonitorEvents(events); })) {
}

// The monitor thread must be gone before the backend and this object are.
ReaderFeed::~ReaderFeed() {
    stop();
}

void ReaderFeed::start() {
    monitor_->start();
}

void ReaderFeed::stop() {
    monitor_->stop();
}

// Runs on the monitor thread. The snapshot taken here is the one the events lead to; queued calls
// keep their order, and they die with this object if it goes first.
void ReaderFeed::onMonitorEvents(const std::vector<ReaderEvent>& events) {
    auto readers = monitor_->snapshot();
    const bool available = monitor_->serviceAvailable();
    QMetaObject::invokeMethod(
        this,
        [this, events, readers = std::move(readers), available] {
            emit eventsOccurred(events);
            emit readersChanged(readers, available);
        },
        Qt::QueuedConnection);
}

}  // namespace oa
