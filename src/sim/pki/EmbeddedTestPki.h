#pragma once

#include <optional>
#include <string>

#include "base/Bytes.h"

namespace oa::sim {

// The files of src/sim/pki/data, put into the program by CMake at configure time; nothing when
// the file was not there.
std::optional<Bytes> embeddedTestPkiFile(const std::string& name);

}  // namespace oa::sim
