#pragma once

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa::crypto {

// ISO/IEC 9797-1 padding method 2: 80 then zeros up to the next multiple of blockSize (always
// adds at least one byte).
Bytes padIso9797(ByteView data, std::size_t blockSize);
// Strips method-2 padding; fails unless the data ends in 80 00.. within the last block.
Result<Bytes> unpadIso9797(ByteView padded, std::size_t blockSize);

}  // namespace oa::crypto
