#pragma once

#include <memory>
#include <string>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

#include "base/Bytes.h"
#include "base/Result.h"

// RAII ownership of OpenSSL objects, so no error path leaks or forgets to free.
namespace oa::crypto {

template <typename T, void (*Free)(T*)>
struct OpenSslDeleter {
    void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using OpenSslPtr = std::unique_ptr<T, OpenSslDeleter<T, Free>>;

inline void freeBignumSecurely(BIGNUM* bn) {
    BN_clear_free(bn);
}

using BignumPtr = OpenSslPtr<BIGNUM, freeBignumSecurely>;
using BignumContextPtr = OpenSslPtr<BN_CTX, BN_CTX_free>;
using EcGroupPtr = OpenSslPtr<EC_GROUP, EC_GROUP_free>;
using EcPointPtr = OpenSslPtr<EC_POINT, EC_POINT_clear_free>;
using CipherContextPtr = OpenSslPtr<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>;
using DigestContextPtr = OpenSslPtr<EVP_MD_CTX, EVP_MD_CTX_free>;
using MacPtr = OpenSslPtr<EVP_MAC, EVP_MAC_free>;
using MacContextPtr = OpenSslPtr<EVP_MAC_CTX, EVP_MAC_CTX_free>;
using PkeyPtr = OpenSslPtr<EVP_PKEY, EVP_PKEY_free>;
using PkeyContextPtr = OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;

// An error whose detail carries `what` plus OpenSSL's error queue (which it empties).
Error openSslError(ErrorCode code, std::string message, std::string what);

BignumPtr toBignum(ByteView bigEndian);
// Big-endian, left-padded with zeros to `length` bytes; fails if the number does not fit.
Result<Bytes> fromBignum(const BIGNUM* bn, std::size_t length);

}  // namespace oa::crypto
