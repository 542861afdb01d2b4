#include "net/TlsSessionResumption.h"

#include <openssl/ssl.h>

#include <memory>

namespace oa::net {
namespace {

using SessionPointer = std::unique_ptr<SSL_SESSION, decltype(&SSL_SESSION_free)>;

struct SessionFacts {
    int version = 0;
    Bytes id;
    SecureBytes masterSecret;
};

Error notResumed(const std::string& detail) {
    return makeError(ErrorCode::AuthenticationFailed,
                     "The eID-Server did not continue the secure connection of the service; "
                     "the connection was refused.",
                     "attached eID-Server: " + detail);
}

Result<SessionFacts> read(const QByteArray& serialized, const char* which) {
    if (serialized.isEmpty()) return notResumed(std::string(which) + " session is empty");
    const auto* data = reinterpret_cast<const unsigned char*>(serialized.constData());
    SessionPointer session(d2i_SSL_SESSION(nullptr, &data, serialized.size()), &SSL_SESSION_free);
    if (!session) return notResumed(std::string(which) + " session cannot be decoded");
    SessionFacts facts;
    facts.version = SSL_SESSION_get_protocol_version(session.get());
    unsigned int idLength = 0;
    const unsigned char* id = SSL_SESSION_get_id(session.get(), &idLength);
    facts.id.assign(id, id + idLength);
    Bytes secret(SSL_SESSION_get_master_key(session.get(), nullptr, 0));
    SSL_SESSION_get_master_key(session.get(), secret.data(), secret.size());
    facts.masterSecret = SecureBytes(secret);
    wipe(secret);
    return facts;
}

}  // namespace

Result<TlsSessionResumption> TlsSessionResumption::expect(const QByteArray& tokenSession) {
    auto facts = read(tokenSession, "TC token");
    if (!facts) return facts.error();
    if (facts->version != TLS1_2_VERSION)
        return notResumed(
            "the TC token came over a protocol other than TLS 1.2 (0x" +
            toHex(Bytes{std::uint8_t(facts->version >> 8), std::uint8_t(facts->version & 0xFF)}) +
            "); its resumption cannot be verified");
    if (facts->id.empty() || facts->masterSecret.size() == 0)
        return notResumed("the TC token's TLS session has no session ID to resume");
    TlsSessionResumption result;
    result.serialized_ = tokenSession;
    result.masterSecret_ = std::move(facts->masterSecret);
    return result;
}

Result<void> TlsSessionResumption::check(const QByteArray& negotiatedSession) const {
    auto facts = read(negotiatedSession, "TLS-2");
    if (!facts) return facts.error();
    if (facts->version != TLS1_2_VERSION) return notResumed("TLS-2 is not TLS 1.2");
    if (!constantTimeEqual(facts->masterSecret.bytes(), masterSecret_.bytes()))
        return notResumed("the server started a new TLS session instead of resuming");
    return {};
}

}  // namespace oa::net
