#pragma once

#include <array>
#include <cstdint>

#include "base/SecureBytes.h"
#include "card/CommandApdu.h"
#include "card/ResponseApdu.h"
#include "sim/card/Refusable.h"

namespace oa::sim {

// The card's end of AES secure messaging (ICAO 9303-11 §9.8, TR-03110-3 F): checks and decrypts
// protected commands, protects responses. SSC starts at 0 and counts every command and response.
class CardSecureMessaging {
public:
    CardSecureMessaging(SecureBytes encryptionKey, SecureBytes macKey);

    // Whether the command claims secure messaging (CLA b4b3 = 11).
    static bool isProtected(const CommandApdu& command) { return (command.cla() & 0x0C) == 0x0C; }

    // The plain command, or 6987 (data objects missing) / 6988 (data objects incorrect, wrong
    // MAC): then the channel is broken and the caller must close it.
    Refusable<CommandApdu> unwrap(const CommandApdu& command);
    ResponseApdu wrap(const ResponseApdu& plain);

    const std::array<std::uint8_t, 16>& sendSequenceCounter() const { return ssc_; }

private:
    void incrementCounter();
    Bytes mac(ByteView data) const;  // over SSC || data, data already padded
    Bytes encrypt(ByteView plain) const;
    Refusable<Bytes> decrypt(ByteView cryptogram) const;

    SecureBytes encryptionKey_;
    SecureBytes macKey_;
    std::array<std::uint8_t, 16> ssc_{};
};

// ISO/IEC 9797-1 padding method 2 to the AES block size.
Bytes padIso9797(ByteView data);
// Removes it again; nothing when the padding is malformed.
std::optional<Bytes> unpadIso9797(ByteView data);

}  // namespace oa::sim
