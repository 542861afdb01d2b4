#pragma once

#include <cstddef>

namespace oa::service {

// Raises the soft open-file limit to the hard one (many distributions start processes at 1024) and
// returns the limit now in force.
std::size_t raiseOpenFileLimit();
std::size_t openFileLimit();

}  // namespace oa::service
