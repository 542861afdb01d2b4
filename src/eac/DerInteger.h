#pragma once

#include "asn1/Tlv.h"
#include "base/Result.h"

namespace oa::eac {

// A non-negative DER INTEGER (tag 02) small enough for an int: versions, parameter and key IDs.
// Rejects non-minimal encodings and negative values.
Result<int> readSmallInteger(const asn1::Tlv& element);

}  // namespace oa::eac
