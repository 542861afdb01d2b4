#pragma once

#include "MeteredCard.h"
#include "base/Result.h"

namespace oa::bench {

// OpenPACE (libeac) as terminal: reads EF.CardAccess and runs PACE with the PIN, the same work
// runClientPace() does with our code, for the side-by-side CPU time.
Result<void> runOpenPacePace(MeteredCard& card);

}  // namespace oa::bench
