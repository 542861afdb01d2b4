#pragma once

#include <string>
#include <vector>

namespace oa::sim {

// `openausweis-sim pki --out DIR [--fresh [--sequence NNNNN]]`: writes the built-in test PKI (or
// a freshly generated one, optionally with the given holder reference sequence number) with
// TestPki::writeTo(). Returns the process exit code.
int runPkiCommand(const std::vector<std::string>& arguments);

}  // namespace oa::sim
