#pragma once

#include "base/Bytes.h"
#include "base/Result.h"
#include "card/CommandApdu.h"
#include "card/ResponseApdu.h"
#include "eac/SessionKeys.h"

namespace oa::eac {

// Secure messaging of ICAO 9303-11 9.8 / TR-03110 Part 3 F: protects command APDUs and checks and
// opens response APDUs, bytes in and bytes out. The send sequence counter is incremented before
// each command and again before each response.
class SecureMessaging {
public:
    // After PACE or CA: SSC starts at zero (one block long).
    explicit SecureMessaging(SessionKeys keys);
    // 3DES after BAC (ICAO App. D): the SSC comes from the challenges.
    SecureMessaging(SessionKeys keys, Bytes initialSsc);
    ~SecureMessaging();
    SecureMessaging(const SecureMessaging&) = delete;
    SecureMessaging& operator=(const SecureMessaging&) = delete;

    Result<CommandApdu> protect(const CommandApdu& plain);
    // Any failure (missing or bad MAC, malformed objects, bad padding) is
    // ErrorCode::SecureMessaging.
    Result<ResponseApdu> unprotect(const ResponseApdu& protectedResponse);

    const Bytes& sendSequenceCounter() const { return ssc_; }
    // Overwrites keys and counter; protect/unprotect fail afterwards.
    void wipeKeys();

private:
    void incrementSsc();
    Result<Bytes> encrypt(ByteView data);
    Result<Bytes> decrypt(ByteView cryptogram);
    Result<Bytes> mac(ByteView data);
    Result<Bytes> iv();

    SessionKeys keys_;
    Bytes ssc_;
};

}  // namespace oa::eac
