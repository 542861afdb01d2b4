#pragma once

#include "asn1/Tlv.h"
#include "base/Result.h"

namespace oa::eac {

// A non-negative DER INTEGER (tag 02) small enough for an int: versions, parameter and key IDs.
// Rejects non-minimal encodings and negative values.
Result<int> readSmallInteger(const asn1::Tlv& element);

// A non-negative value as big-endian bytes without leading zeros (at least one byte): the key
// reference of MSE:Set AT (84), which names key IDs above 255 in two bytes and more.
Bytes keyReference(int value);

}  // namespace oa::eac
