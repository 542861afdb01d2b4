#pragma once

#include <cstdint>
#include <optional>

#include "base/Bytes.h"
#include "sim/card/PinStateMachine.h"
#include "sim/card/Refusable.h"

namespace oa::sim {

// The data of MSE:Set AT (00 22 xx A4) as the card reads it (TR-03110-3 B.11.1): the protocol OID
// (80), a password reference for PACE (83) or a key name for TA (83), a private-key reference (84),
// authenticated auxiliary data (67), an ephemeral public key for TA (91) and a CHAT (7F4C).
struct MseSetAt {
    Bytes protocol;
    std::optional<Bytes> reference;      // 83
    std::optional<Bytes> privateKeyId;   // 84
    std::optional<Bytes> auxiliaryData;  // 67, the whole data object
    std::optional<Bytes> ephemeralKey;   // 91
    std::optional<Bytes> chat;           // 7F4C, the whole data object
};

// Strict: unknown tags, repeated tags and trailing bytes are refused with the status word to
// answer (6A80 wrong data, 6700 no data at all).
Refusable<MseSetAt> parseMseSetAt(ByteView data);

// The PACE password named by tag 83, if it is one the eID card knows.
std::optional<Password> pacePassword(const MseSetAt& mse);

}  // namespace oa::sim
