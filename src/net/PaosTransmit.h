#pragma once

#include <functional>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "net/EcardResult.h"
#include "net/PaosMessage.h"

namespace oa::net {

// TR-03112-6 3.2.5: a response is acceptable when its status word starts with one of the
// acceptable codes (a code may be the first byte only); no codes accept every status word.
bool isAcceptableResponse(ByteView responseApdu, const std::vector<Bytes>& acceptableStatusCodes);

struct TransmitOutcome {
    EcardResult result;
    std::vector<Bytes> outputApdus;  // one per executed command, data and status word
};

using ApduExchange = std::function<Result<Bytes>(ByteView commandApdu)>;

// Runs the batch in order and stops at the first unacceptable response or failed exchange; the
// outputs so far go back to the server with an error result.
TransmitOutcome executeTransmit(const Transmit& transmit, const ApduExchange& exchange);

}  // namespace oa::net
