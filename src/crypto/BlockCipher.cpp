#include "crypto/BlockCipher.h"

#include "crypto/OpenSsl.h"

namespace oa::crypto {
namespace {

enum class Mode { Cbc, Ecb };

const EVP_CIPHER* evpCipher(BlockCipher cipher, Mode mode) {
    const bool cbc = mode == Mode::Cbc;
    switch (cipher) {
        case BlockCipher::Tdes:
            return cbc ? EVP_des_ede_cbc() : EVP_des_ede_ecb();
        case BlockCipher::Aes128:
            return cbc ? EVP_aes_128_cbc() : EVP_aes_128_ecb();
        case BlockCipher::Aes192:
            return cbc ? EVP_aes_192_cbc() : EVP_aes_192_ecb();
        case BlockCipher::Aes256:
            return cbc ? EVP_aes_256_cbc() : EVP_aes_256_ecb();
    }
    return nullptr;
}

Result<Bytes> run(BlockCipher cipher, Mode mode, bool encrypt, ByteView key, ByteView iv,
                  ByteView data) {
    const char* message = "A cryptographic operation failed";
    if (key.size() != keyLength(cipher))
        return makeError(ErrorCode::InvalidInput, message,
                         "wrong key length " + std::to_string(key.size()));
    if (data.size() % blockSize(cipher) != 0)
        return makeError(ErrorCode::InvalidInput, message, "data is not a whole number of blocks");
    if (mode == Mode::Cbc && iv.size() != blockSize(cipher))
        return makeError(ErrorCode::InvalidInput, message, "wrong IV length");
    CipherContextPtr context(EVP_CIPHER_CTX_new());
    Bytes out(data.size() + blockSize(cipher));
    int written = 0, finalWritten = 0;
    if (!context ||
        EVP_CipherInit_ex(context.get(), evpCipher(cipher, mode), nullptr, key.data(),
                          mode == Mode::Cbc ? iv.data() : nullptr, encrypt ? 1 : 0) != 1 ||
        EVP_CIPHER_CTX_set_padding(context.get(), 0) != 1 ||
        EVP_CipherUpdate(context.get(), out.data(), &written, data.data(),
                         static_cast<int>(data.size())) != 1 ||
        EVP_CipherFinal_ex(context.get(), out.data() + written, &finalWritten) != 1)
        return openSslError(ErrorCode::Unknown, message, "EVP cipher");
    out.resize(static_cast<std::size_t>(written + finalWritten));
    return out;
}

}  // namespace

std::size_t keyLength(BlockCipher cipher) {
    switch (cipher) {
        case BlockCipher::Tdes:
            return 16;
        case BlockCipher::Aes128:
            return 16;
        case BlockCipher::Aes192:
            return 24;
        case BlockCipher::Aes256:
            return 32;
    }
    return 0;
}

std::size_t blockSize(BlockCipher cipher) {
    return cipher == BlockCipher::Tdes ? 8 : 16;
}

Result<Bytes> encryptCbc(BlockCipher cipher, ByteView key, ByteView iv, ByteView data) {
    return run(cipher, Mode::Cbc, true, key, iv, data);
}
Result<Bytes> decryptCbc(BlockCipher cipher, ByteView key, ByteView iv, ByteView data) {
    return run(cipher, Mode::Cbc, false, key, iv, data);
}
Result<Bytes> encryptEcb(BlockCipher cipher, ByteView key, ByteView data) {
    return run(cipher, Mode::Ecb, true, key, {}, data);
}
Result<Bytes> decryptEcb(BlockCipher cipher, ByteView key, ByteView data) {
    return run(cipher, Mode::Ecb, false, key, {}, data);
}

}  // namespace oa::crypto
