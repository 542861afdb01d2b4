#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <vector>

#include "card/ReaderBackend.h"
#include "card/ReaderMonitor.h"

namespace oa {

// One reader backend watched by a ReaderMonitor, its changes delivered on the thread this object
// lives on. Signals are emitted only from that thread, so receivers need no locking.
class ReaderFeed : public QObject {
    Q_OBJECT
public:
    // simulated: the backend is the in-process simulator (demo mode).
    ReaderFeed(std::unique_ptr<ReaderBackend> backend, bool simulated, QObject* parent = nullptr);
    ~ReaderFeed() override;

    void start();
    void stop();

    QString source() const { return source_; }
    bool simulated() const { return simulated_; }
    ReaderBackend& backend() { return *backend_; }

signals:
    void eventsOccurred(const std::vector<oa::ReaderEvent>& events);
    void readersChanged(const std::vector<oa::ReaderInfo>& readers, bool serviceAvailable);

private:
    void onMonitorEvents(const std::vector<ReaderEvent>& events);

    std::unique_ptr<ReaderBackend> backend_;
    QString source_;
    bool simulated_;
    std::unique_ptr<ReaderMonitor> monitor_;
};

}  // namespace oa
