#pragma once

#include <QByteArray>

#include "base/Bytes.h"
#include "base/Result.h"
#include "base/SecureBytes.h"

namespace oa::net {

// The attached eID-Server model (TR-03124-1 2.5, test cases A2_18/19/28..30): TLS-2 must resume
// the TLS session of the TC token fetch, so the eID-Server proves it is the endpoint that handed
// out the token. Qt has no "was this connection resumed" call, so the decision is taken from the
// sessions themselves: a TLS 1.2 resumption carries over the master secret of the handshake it
// resumes, while a full handshake derives a new one from fresh random values of both sides. The
// master secret of the TLS-2 connection's session must therefore equal the token session's (the
// session ID may change when a server renews its ticket, so it is not compared). TLS 1.3 resumption
// derives new secrets every time and is not recognisable this way: a token session from TLS 1.3 is
// refused for the attached model.
class TlsSessionResumption {
public:
    // The token fetch's session as HttpsResponse::tlsSession holds it.
    static Result<TlsSessionResumption> expect(const QByteArray& tokenSession);

    // Passes only if `negotiatedSession` (the TLS-2 connection's session) resumed the token's.
    Result<void> check(const QByteArray& negotiatedSession) const;

    const QByteArray& serialized() const { return serialized_; }

private:
    QByteArray serialized_;
    SecureBytes masterSecret_;
};

}  // namespace oa::net
