#pragma once

#include "base/Bytes.h"

namespace oa::crypto {

enum class HashAlgorithm { Sha1, Sha224, Sha256, Sha384, Sha512 };

Bytes hash(HashAlgorithm algorithm, ByteView data);
std::size_t hashLength(HashAlgorithm algorithm);

}  // namespace oa::crypto
