#pragma once

#include <string>
#include <vector>

namespace oa::sim {

// `openausweis-sim card [--vpcd HOST:PORT]`: runs the virtual eID card attached to vpcd until
// SIGTERM/SIGINT. Returns the process exit code.
int runCardCommand(const std::vector<std::string>& arguments);

}  // namespace oa::sim
