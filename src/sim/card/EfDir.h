#pragma once

#include "base/Bytes.h"

namespace oa::sim {

// Application identifiers on the nPA (TR-03110-4, ICAO 9303-10).
Bytes eidApplicationId();
Bytes epassApplicationId();
Bytes esignApplicationId();

// EF.DIR: one application template (61 { 4F AID }) per application on the card.
Bytes encodeEfDir();

}  // namespace oa::sim
