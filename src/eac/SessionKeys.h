#pragma once

#include "base/SecureBytes.h"
#include "crypto/BlockCipher.h"

namespace oa::eac {

// KS_enc and KS_mac agreed by PACE or CA, with the cipher they are for.
struct SessionKeys {
    crypto::BlockCipher cipher = crypto::BlockCipher::Aes128;
    SecureBytes encryption;
    SecureBytes mac;
};

}  // namespace oa::eac
