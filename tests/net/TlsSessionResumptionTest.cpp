// Deciding from two serialized TLS sessions whether TLS-2 resumed the TC token's session.
#include <openssl/ssl.h>

#include <QByteArray>
#include <catch2/catch.hpp>
#include <memory>

#include "net/TlsSessionResumption.h"

using namespace oa;
using namespace oa::net;

namespace {

QByteArray session(int version, const Bytes& id, const Bytes& masterSecret) {
    std::unique_ptr<SSL_SESSION, decltype(&SSL_SESSION_free)> built(SSL_SESSION_new(),
                                                                    &SSL_SESSION_free);
    // A session without a cipher suite does not survive encoding: ECDHE-RSA-AES256-GCM-SHA384.
    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> context(SSL_CTX_new(TLS_method()),
                                                              &SSL_CTX_free);
    std::unique_ptr<SSL, decltype(&SSL_free)> ssl(SSL_new(context.get()), &SSL_free);
    const unsigned char suite[] = {0xC0, 0x30};
    REQUIRE(SSL_SESSION_set_cipher(built.get(), SSL_CIPHER_find(ssl.get(), suite)) == 1);
    REQUIRE(SSL_SESSION_set_protocol_version(built.get(), version) == 1);
    REQUIRE(SSL_SESSION_set1_id(built.get(), id.data(), static_cast<unsigned>(id.size())) == 1);
    REQUIRE(SSL_SESSION_set1_master_key(built.get(), masterSecret.data(), masterSecret.size()) ==
            1);
    const int length = i2d_SSL_SESSION(built.get(), nullptr);
    QByteArray encoded(length, '\0');
    auto* out = reinterpret_cast<unsigned char*>(encoded.data());
    i2d_SSL_SESSION(built.get(), &out);
    return encoded;
}

const Bytes kId(32, 0x11);
const Bytes kSecret(48, 0xA5);

}  // namespace

TEST_CASE("Attached TLS-2 passes when its session carries the token session's master secret",
          "[net][attached]") {
    auto expected = TlsSessionResumption::expect(session(TLS1_2_VERSION, kId, kSecret));
    REQUIRE(expected.ok());
    CHECK(expected->check(session(TLS1_2_VERSION, kId, kSecret)).ok());
    // A renewed ticket changes the session ID, not the secret: still the same session.
    CHECK(expected->check(session(TLS1_2_VERSION, Bytes(32, 0x22), kSecret)).ok());
}

TEST_CASE("Attached TLS-2 with a fresh master secret (a new session) is refused",
          "[net][attached]") {
    auto expected = TlsSessionResumption::expect(session(TLS1_2_VERSION, kId, kSecret));
    REQUIRE(expected.ok());
    auto fresh = expected->check(session(TLS1_2_VERSION, kId, Bytes(48, 0x5A)));
    REQUIRE_FALSE(fresh.ok());
    CHECK(fresh.error().code == ErrorCode::AuthenticationFailed);
    CHECK(fresh.error().detail.find("new TLS session") != std::string::npos);
    CHECK_FALSE(expected->check(QByteArray()).ok());
    CHECK_FALSE(expected->check(QByteArray("not a session")).ok());
}

TEST_CASE("A token session that cannot be resumed verifiably is refused for the attached model",
          "[net][attached]") {
    CHECK_FALSE(TlsSessionResumption::expect(QByteArray()).ok());
    CHECK_FALSE(TlsSessionResumption::expect(QByteArray::fromHex("3003020101")).ok());
    auto noId = TlsSessionResumption::expect(session(TLS1_2_VERSION, {}, kSecret));
    REQUIRE_FALSE(noId.ok());
    CHECK(noId.error().detail.find("no session ID") != std::string::npos);
    auto tls13 = TlsSessionResumption::expect(session(TLS1_3_VERSION, kId, kSecret));
    REQUIRE_FALSE(tls13.ok());
    CHECK(tls13.error().detail.find("TLS 1.2") != std::string::npos);
}
