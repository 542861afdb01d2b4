#pragma once

#include "StepMeter.h"
#include "base/Result.h"
#include "sim/pki/TestPki.h"

namespace oa::bench {

// Our terminal code (src/eac) through a whole authentication as an eID client does it, one
// metered step at a time: EF.CardAccess, PACE with the PIN and a CHAT, TA v2 with the test PKI's
// chain, EF.CardSecurity, CA v2, then selecting the eID application and reading DG1 to DG5.
Result<void> runClientEac(StepMeter& meter, MeteredCard& card, const sim::TestPki& pki);

// PACE alone (EF.CardAccess included), PIN without CHAT: the side-by-side with OpenPACE.
Result<void> runClientPace(MeteredCard& card);

}  // namespace oa::bench
