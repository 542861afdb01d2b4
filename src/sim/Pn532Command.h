#pragma once

#include <string>
#include <vector>

namespace oa::sim {

// `openausweis-sim pn532 --pty PATH [--profile NAME] [--type a|b]`: a simulated PN532 with the
// virtual eID card on it, for libnfc (LIBNFC_DEVICE=pn532_uart:PATH), until SIGTERM/SIGINT.
int runPn532Command(const std::vector<std::string>& arguments);
const char* pn532Usage();

}  // namespace oa::sim
