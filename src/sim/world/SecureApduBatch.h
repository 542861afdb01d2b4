#pragma once

#include <cstdint>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "card/CommandApdu.h"
#include "card/ResponseApdu.h"
#include "eac/SessionKeys.h"

namespace oa::sim {

// Secure messaging for APDUs the eID-Server sends in batches through Transmit: every command of
// a batch is protected before any answer is back, so each gets the send sequence counter it
// will have on the card (two steps per command/response pair). Answers are opened in order; a
// batch the client stopped early only advances the counter by the pairs that ran.
class SecureApduBatch {
public:
    explicit SecureApduBatch(eac::SessionKeys keys) : keys_(std::move(keys)) {}

    Result<std::vector<Bytes>> protect(const std::vector<CommandApdu>& commands);
    // The answers to the last protect(), fewer if the client stopped early.
    Result<std::vector<ResponseApdu>> unprotect(const std::vector<Bytes>& responses);

private:
    Bytes counterBlock(std::uint64_t value) const;

    eac::SessionKeys keys_;
    std::uint64_t counter_ = 0;  // SSC before the next command
};

}  // namespace oa::sim
