#include "sim/pki/EcKey.h"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "crypto/OpenSsl.h"

namespace oa::sim {
namespace {

using crypto::openSslError;

std::shared_ptr<EVP_PKEY> own(EVP_PKEY* key) {
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

}  // namespace

Result<EcKey> EcKey::generate(const std::string& curveName) {
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curveName.c_str());
    if (key == nullptr) {
        return openSslError(ErrorCode::Unknown, "Could not create a test key",
                            "EC key generation on " + curveName);
    }
    return EcKey(own(key));
}

Result<EcKey> EcKey::fromPkcs8(ByteView der) {
    const unsigned char* cursor = der.data();
    PKCS8_PRIV_KEY_INFO* info =
        d2i_PKCS8_PRIV_KEY_INFO(nullptr, &cursor, static_cast<long>(der.size()));
    if (info == nullptr || cursor != der.data() + der.size()) {
        PKCS8_PRIV_KEY_INFO_free(info);
        return openSslError(ErrorCode::InvalidInput, "The test key file is damaged",
                            "PKCS#8 PrivateKeyInfo does not parse");
    }
    EVP_PKEY* key = EVP_PKCS82PKEY(info);
    PKCS8_PRIV_KEY_INFO_free(info);
    if (key == nullptr || EVP_PKEY_get_base_id(key) != EVP_PKEY_EC) {
        EVP_PKEY_free(key);
        return openSslError(ErrorCode::InvalidInput, "The test key file is damaged",
                            "PKCS#8 does not hold an EC key");
    }
    return EcKey(own(key));
}

SecureBytes EcKey::pkcs8() const {
    PKCS8_PRIV_KEY_INFO* info = EVP_PKEY2PKCS8(key_.get());
    if (info == nullptr) return {};
    unsigned char* der = nullptr;
    const int size = i2d_PKCS8_PRIV_KEY_INFO(info, &der);
    PKCS8_PRIV_KEY_INFO_free(info);
    if (size <= 0) return {};
    SecureBytes out(ByteView(der, static_cast<std::size_t>(size)));
    OPENSSL_clear_free(der, static_cast<std::size_t>(size));
    return out;
}

Bytes EcKey::octets(const char* name) const {
    std::size_t size = 0;
    if (EVP_PKEY_get_octet_string_param(key_.get(), name, nullptr, 0, &size) != 1) return {};
    Bytes out(size);
    if (EVP_PKEY_get_octet_string_param(key_.get(), name, out.data(), out.size(), &size) != 1) {
        return {};
    }
    out.resize(size);
    return out;
}

Bytes EcKey::number(const char* name) const {
    BIGNUM* value = nullptr;
    if (EVP_PKEY_get_bn_param(key_.get(), name, &value) != 1) return {};
    Bytes out(static_cast<std::size_t>(BN_num_bytes(value)));
    BN_bn2bin(value, out.data());
    BN_free(value);
    return out;
}

Bytes EcKey::publicPoint() const {
    return octets(OSSL_PKEY_PARAM_PUB_KEY);
}
Bytes EcKey::prime() const {
    return number(OSSL_PKEY_PARAM_EC_P);
}
Bytes EcKey::a() const {
    return number(OSSL_PKEY_PARAM_EC_A);
}
Bytes EcKey::b() const {
    return number(OSSL_PKEY_PARAM_EC_B);
}
Bytes EcKey::generator() const {
    return octets(OSSL_PKEY_PARAM_EC_GENERATOR);
}
Bytes EcKey::order() const {
    return number(OSSL_PKEY_PARAM_EC_ORDER);
}
Bytes EcKey::cofactor() const {
    return number(OSSL_PKEY_PARAM_EC_COFACTOR);
}

Result<Bytes> EcKey::signPlain(ByteView message) const {
    crypto::DigestContextPtr context(EVP_MD_CTX_new());
    std::size_t size = 0;
    if (!context ||
        EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &size, message.data(), message.size()) != 1) {
        return openSslError(ErrorCode::Unknown, "Could not sign with a test key", "ECDSA init");
    }
    Bytes der(size);
    if (EVP_DigestSign(context.get(), der.data(), &size, message.data(), message.size()) != 1) {
        return openSslError(ErrorCode::Unknown, "Could not sign with a test key", "ECDSA sign");
    }
    const unsigned char* cursor = der.data();
    ECDSA_SIG* signature = d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(size));
    if (signature == nullptr) {
        return openSslError(ErrorCode::Unknown, "Could not sign with a test key", "ECDSA DER");
    }
    const std::size_t half = order().size();
    Bytes plain(2 * half);
    const int r = BN_bn2binpad(ECDSA_SIG_get0_r(signature), plain.data(), static_cast<int>(half));
    const int s =
        BN_bn2binpad(ECDSA_SIG_get0_s(signature), plain.data() + half, static_cast<int>(half));
    ECDSA_SIG_free(signature);
    if (r < 0 || s < 0) {
        return makeError(ErrorCode::Unknown, "Could not sign with a test key", "r or s too long");
    }
    return plain;
}

}  // namespace oa::sim
