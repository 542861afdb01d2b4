#pragma once

#include <memory>
#include <string>

#include "base/Bytes.h"
#include "base/Result.h"
#include "base/SecureBytes.h"

typedef struct evp_pkey_st EVP_PKEY;

namespace oa::sim {

// An EC key pair of the test PKI (OpenSSL EVP_PKEY, shared so copies are cheap). Test material
// only: the private key leaves as PKCS#8, the format OpenPACE's cvc-create writes.
class EcKey {
public:
    static Result<EcKey> generate(const std::string& curveName = "brainpoolP256r1");
    // DER PrivateKeyInfo (PKCS#8, unencrypted).
    static Result<EcKey> fromPkcs8(ByteView der);

    SecureBytes pkcs8() const;
    Bytes publicPoint() const;  // 04 || x || y
    // Domain parameters as unsigned big-endian numbers, the generator as uncompressed point.
    Bytes prime() const;
    Bytes a() const;
    Bytes b() const;
    Bytes generator() const;
    Bytes order() const;
    Bytes cofactor() const;

    // ECDSA over SHA-256 as plain r || s (TR-03111), each half as long as the order.
    Result<Bytes> signPlain(ByteView message) const;

    EVP_PKEY* get() const { return key_.get(); }

private:
    explicit EcKey(std::shared_ptr<EVP_PKEY> key) : key_(std::move(key)) {}
    Bytes number(const char* name) const;
    Bytes octets(const char* name) const;
    std::shared_ptr<EVP_PKEY> key_;
};

}  // namespace oa::sim
