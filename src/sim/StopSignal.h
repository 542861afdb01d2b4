#pragma once

namespace oa::sim {

// SIGTERM and SIGINT ask the program to stop; long-running loops poll stopRequested() at least
// every few hundred milliseconds.
void installStopSignalHandlers();
bool stopRequested();

}  // namespace oa::sim
