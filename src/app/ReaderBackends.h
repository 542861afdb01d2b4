#pragma once

#include <QObject>
#include <vector>

#include "app/ReaderFeed.h"
#include "card/CompositeReaderBackend.h"

namespace oa {

// One feed per reader backend this build has: PC/SC for real readers, the simulator for demo mode.
// The feeds are children of parent and not started yet.
std::vector<ReaderFeed*> createReaderFeeds(QObject* parent);

class SimulatorBackend;

// Every backend of this build as one reader list for the workflows (SDK, browser activation),
// and the Simulator in it for SDK SET_CARD (nullptr without the simulator).
struct WorkflowReaders {
    std::unique_ptr<CompositeReaderBackend> all;
    SimulatorBackend* simulator = nullptr;
};
WorkflowReaders createWorkflowReaders();

}  // namespace oa
