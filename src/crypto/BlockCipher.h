#pragma once

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa::crypto {

// The ciphers of TR-03110 / ICAO 9303 secure messaging. Tdes is two-key 3DES (16-byte key).
enum class BlockCipher { Tdes, Aes128, Aes192, Aes256 };

std::size_t keyLength(BlockCipher cipher);
std::size_t blockSize(BlockCipher cipher);

// No padding: data must be a multiple of the block size. The IV is one block.
Result<Bytes> encryptCbc(BlockCipher cipher, ByteView key, ByteView iv, ByteView data);
Result<Bytes> decryptCbc(BlockCipher cipher, ByteView key, ByteView iv, ByteView data);
Result<Bytes> encryptEcb(BlockCipher cipher, ByteView key, ByteView data);
Result<Bytes> decryptEcb(BlockCipher cipher, ByteView key, ByteView data);

}  // namespace oa::crypto
