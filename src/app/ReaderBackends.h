#pragma once

#include <QObject>
#include <vector>

#include "app/ReaderFeed.h"

namespace oa {

// One feed per reader backend this build has: PC/SC for real readers, the simulator for demo mode.
// The feeds are children of parent and not started yet.
std::vector<ReaderFeed*> createReaderFeeds(QObject* parent);

}  // namespace oa
