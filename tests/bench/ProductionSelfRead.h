#pragma once

#include "MeteredCard.h"
#include "base/Result.h"

namespace oa::bench {

// The production flow end to end: eid::SelfAuthentication (what `openausweis-cli self-read` runs)
// reading and decoding DG1 to DG5, with passive authentication against the test CSCA. The test
// terminal's signature is part of it here.
Result<void> runSelfAuthentication(MeteredCard& card);

}  // namespace oa::bench
