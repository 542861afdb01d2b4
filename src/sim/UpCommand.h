#pragma once

#include <string>
#include <vector>

namespace oa::sim {

// `openausweis-sim up [--state DIR] [--port-base N] [--card inprocess|vpcd HOST:PORT]
// [--profile NAME] [misbehaviour flags]`: the demo eService and the test eID-Server on
// 127.0.0.1 (and the virtual card on vpcd when asked), the URLs printed, running until SIGTERM
// or SIGINT. Returns the process exit code.
int runUpCommand(const std::vector<std::string>& arguments);

const char* upUsage();

}  // namespace oa::sim
