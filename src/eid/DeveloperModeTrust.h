#pragma once

#include "eac/CscaTrustList.h"

namespace oa::eid {

// The CSCAs passive authentication trusts: the German production ones; in developer mode also
// the test PKI's CSCA, which signs the simulated cards' EF.CardSecurity.
eac::CscaTrustList cscaTrust(bool developerMode);

}  // namespace oa::eid
