#include "crypto/Mac.h"

#include <openssl/core_names.h>
#include <openssl/params.h>

#include "base/SecureBytes.h"
#include "crypto/OpenSsl.h"
#include "crypto/Padding.h"

namespace oa::crypto {

Result<Bytes> aesCmac(ByteView key, ByteView data) {
    const char* name = key.size() == 16   ? "AES-128-CBC"
                       : key.size() == 24 ? "AES-192-CBC"
                       : key.size() == 32 ? "AES-256-CBC"
                                          : nullptr;
    if (!name)
        return makeError(ErrorCode::InvalidInput, "A cryptographic operation failed",
                         "CMAC key length " + std::to_string(key.size()));
    MacPtr mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr));
    MacContextPtr context(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, const_cast<char*>(name), 0),
        OSSL_PARAM_construct_end()};
    Bytes out(16);
    std::size_t length = 0;
    if (!context || EVP_MAC_init(context.get(), key.data(), key.size(), params) != 1 ||
        EVP_MAC_update(context.get(), data.data(), data.size()) != 1 ||
        EVP_MAC_final(context.get(), out.data(), &length, out.size()) != 1)
        return openSslError(ErrorCode::Unknown, "A cryptographic operation failed", "CMAC");
    out.resize(length);
    return out;
}

Result<Bytes> retailMac(ByteView key, ByteView data) {
    if (key.size() != 16 || data.empty() || data.size() % 8 != 0)
        return makeError(ErrorCode::InvalidInput, "A cryptographic operation failed",
                         "retail MAC needs a 16-byte key and whole blocks");
    // Single DES CBC with K1 over everything, then decrypt with K2 and encrypt with K1 on the last
    // block: exactly 3DES-EDE on the final block when the chain before it used single DES.
    Bytes k1k1(key.begin(), key.begin() + 8);
    append(k1k1, key.first(8));
    const Bytes zeroIv(8, 0);
    Bytes chained = zeroIv;
    if (data.size() > 8) {
        auto head = encryptCbc(BlockCipher::Tdes, k1k1, zeroIv, data.first(data.size() - 8));
        if (!head) return head.error();
        chained.assign(head->end() - 8, head->end());
    }
    auto last = encryptCbc(BlockCipher::Tdes, key, chained, data.last(8));
    wipe(k1k1);
    return last;
}

Result<Bytes> secureMessagingMac(BlockCipher cipher, ByteView key, ByteView data) {
    if (cipher == BlockCipher::Tdes) return retailMac(key, padIso9797(data, 8));
    auto full = aesCmac(key, data);
    if (!full) return full;
    full->resize(8);
    return full;
}

}  // namespace oa::crypto
