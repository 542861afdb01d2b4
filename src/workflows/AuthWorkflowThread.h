#pragma once

#include <QThread>
#include <QUrl>
#include <memory>

#include "workflows/AuthWorkflow.h"

Q_DECLARE_METATYPE(oa::workflows::AuthOutcome)

namespace oa::workflows {

// Runs one AuthWorkflow on its own thread, because card I/O and the network steps block. The
// face connects to `outcome`, which arrives queued on the face's thread; questions go through
// the Interaction in the meantime.
class AuthWorkflowThread : public QThread {
    Q_OBJECT
public:
    AuthWorkflowThread(ReaderBackend& backend, Interaction& interaction, AuthSettings settings,
                       QUrl tcTokenUrl, QObject* parent = nullptr);
    ~AuthWorkflowThread() override;

    // Thread-safe; the outcome still arrives (cancellationByUser).
    void cancel() { workflow_.cancel(); }

signals:
    void outcome(const oa::workflows::AuthOutcome& outcome);

protected:
    void run() override;

private:
    AuthWorkflow workflow_;
    QUrl tcTokenUrl_;
};

}  // namespace oa::workflows
