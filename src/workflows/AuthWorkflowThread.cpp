#include "workflows/AuthWorkflowThread.h"

namespace oa::workflows {

AuthWorkflowThread::AuthWorkflowThread(ReaderBackend& backend, Interaction& interaction,
                                       AuthSettings settings, QUrl tcTokenUrl, QObject* parent)
    : QThread(parent),
      workflow_(backend, interaction, std::move(settings)),
      tcTokenUrl_(std::move(tcTokenUrl)) {
    qRegisterMetaType<oa::workflows::AuthOutcome>();
}

AuthWorkflowThread::~AuthWorkflowThread() {
    workflow_.cancel();
    wait();
}

void AuthWorkflowThread::run() {
    emit outcome(workflow_.run(tcTokenUrl_));
}

}  // namespace oa::workflows
