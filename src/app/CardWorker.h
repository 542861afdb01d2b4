#pragma once

#include <QObject>
#include <QThread>
#include <functional>

namespace oa {

// A thread of its own for card I/O: jobs run one after another, never on the GUI thread. The
// destructor waits for the running job, so a job may use whatever outlives the worker.
class CardWorker {
public:
    CardWorker();
    ~CardWorker();
    CardWorker(const CardWorker&) = delete;
    CardWorker& operator=(const CardWorker&) = delete;

    void post(std::function<void()> job);

private:
    QThread thread_;
    QObject* context_;  // lives on thread_, so queued calls to it run there
};

}  // namespace oa
