#pragma once

#include <openssl/evp.h>

#include "crypto/Hash.h"

namespace oa::crypto {

// For the other crypto files: the OpenSSL digest behind a HashAlgorithm.
const EVP_MD* evpHash(HashAlgorithm algorithm);

}  // namespace oa::crypto
