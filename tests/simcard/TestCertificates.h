#pragma once
// Test helpers: a CVCA -> DV -> terminal chain on brainpoolP256r1 with ECDSA-SHA-256, made with
// OpenSSL for the test only, so the card can be tested with any rights.
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

#include <catch2/catch.hpp>
#include <string>

#include "asn1/Tlv.h"
#include "base/Bytes.h"

namespace oa::test {

class TestKey {
public:
    TestKey() : key_(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "brainpoolP256r1")) {
        REQUIRE(key_ != nullptr);
    }
    ~TestKey() { EVP_PKEY_free(key_); }
    TestKey(const TestKey&) = delete;
    TestKey& operator=(const TestKey&) = delete;

    Bytes point() const { return octets(OSSL_PKEY_PARAM_PUB_KEY); }
    Bytes generator() const { return octets(OSSL_PKEY_PARAM_EC_GENERATOR); }
    Bytes number(const char* name) const {
        BIGNUM* value = nullptr;
        REQUIRE(EVP_PKEY_get_bn_param(key_, name, &value) == 1);
        Bytes out(static_cast<std::size_t>(BN_num_bytes(value)));
        BN_bn2bin(value, out.data());
        BN_free(value);
        return out;
    }

    // ECDSA-SHA-256 as plain r || s (TR-03111).
    Bytes sign(ByteView message) const {
        EVP_MD_CTX* context = EVP_MD_CTX_new();
        std::size_t size = 0;
        REQUIRE(EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key_) == 1);
        REQUIRE(EVP_DigestSign(context, nullptr, &size, message.data(), message.size()) == 1);
        Bytes der(size);
        REQUIRE(EVP_DigestSign(context, der.data(), &size, message.data(), message.size()) == 1);
        EVP_MD_CTX_free(context);
        const std::uint8_t* cursor = der.data();
        ECDSA_SIG* signature = d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(size));
        REQUIRE(signature != nullptr);
        Bytes plain(64);
        BN_bn2binpad(ECDSA_SIG_get0_r(signature), plain.data(), 32);
        BN_bn2binpad(ECDSA_SIG_get0_s(signature), plain.data() + 32, 32);
        ECDSA_SIG_free(signature);
        return plain;
    }

private:
    Bytes octets(const char* name) const {
        Bytes out(200);
        std::size_t size = 0;
        REQUIRE(EVP_PKEY_get_octet_string_param(key_, name, out.data(), out.size(), &size) == 1);
        out.resize(size);
        return out;
    }
    EVP_PKEY* key_;
};

inline Bytes dateDigits(const std::string& yymmdd) {
    Bytes out;
    for (char c : yymmdd)
        out.push_back(static_cast<std::uint8_t>(c - '0'));
    return out;
}

// A CV certificate (7F21) for `holder`'s key, signed by `signer`. CVCAs carry domain parameters.
inline Bytes cvCertificate(const std::string& car, const std::string& chr, const TestKey& holder,
                           const TestKey& signer, const std::string& rightsHex, bool cvca) {
    Bytes key = asn1::encode(0x06, hexBytes("04007F00070202020203"));  // id-TA-ECDSA-SHA-256
    if (cvca) {
        append(key, asn1::encode(0x81, holder.number(OSSL_PKEY_PARAM_EC_P)));
        append(key, asn1::encode(0x82, holder.number(OSSL_PKEY_PARAM_EC_A)));
        append(key, asn1::encode(0x83, holder.number(OSSL_PKEY_PARAM_EC_B)));
        append(key, asn1::encode(0x84, holder.generator()));
        append(key, asn1::encode(0x85, holder.number(OSSL_PKEY_PARAM_EC_ORDER)));
    }
    append(key, asn1::encode(0x86, holder.point()));
    if (cvca) append(key, asn1::encode(0x87, Bytes{0x01}));
    const Bytes body = asn1::encode(
        0x7F4E,
        {asn1::encode(0x5F29, Bytes{0x00}), asn1::encode(0x42, asciiBytes(car)),
         asn1::encode(0x7F49, key), asn1::encode(0x5F20, asciiBytes(chr)),
         asn1::encode(0x7F4C, {asn1::encode(0x06, hexBytes("04007F000703010202")),
                               asn1::encode(0x53, hexBytes(rightsHex))}),
         asn1::encode(0x5F25, dateDigits("240101")), asn1::encode(0x5F24, dateDigits("351231"))});
    return asn1::encode(0x7F21, {body, asn1::encode(0x5F37, signer.sign(body))});
}

}  // namespace oa::test
