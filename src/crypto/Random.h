#pragma once

#include "base/Bytes.h"
#include "base/Result.h"
#include "base/SecureBytes.h"

namespace oa::crypto {

// From OpenSSL's CSPRNG.
Result<Bytes> randomBytes(std::size_t length);
Result<SecureBytes> randomSecret(std::size_t length);

}  // namespace oa::crypto
