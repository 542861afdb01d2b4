#pragma once

#include <QJsonObject>
#include <chrono>
#include <optional>
#include <string>

#include "base/Result.h"
#include "sim/world/Misbehaviour.h"

namespace oa::sim {

// How badly the PIN letter service copes, switched through `openausweis-sim up` flags or
// POST /overload. Everything acts on the service's order, status, activation and token endpoints;
// the mailbox and the switch itself always answer.
struct PinLetterOverload {
    Overload turnAway;            // a fraction of requests gets 503 or 429 with Retry-After
    int latencyMilliseconds = 0;  // added to every answer
    double dropFraction = 0;      // connections closed without an answer
    // A full outage: every request gets 503 from `outageStart` for `outageLength` (both measured
    // from the moment the switch was set). A Retry-After of 0 sends no header.
    std::chrono::milliseconds outageStart{0};
    std::chrono::milliseconds outageLength{0};
    int outageRetryAfterSeconds = 0;

    QJsonObject toJson() const;
    // Strict: unknown keys and values out of range are refused.
    static Result<PinLetterOverload> fromJson(const QJsonObject& object);
};

// Applies one `openausweis-sim up` flag (--pin-letter-overload F[:STATUS[:RETRY_AFTER]],
// --pin-letter-latency MS, --pin-letter-drop F, --pin-letter-outage START:LENGTH[:RETRY_AFTER]
// in seconds); false if the flag is not one of these.
Result<bool> applyPinLetterFlag(PinLetterOverload& into, const std::string& flag,
                                const std::optional<std::string>& value);
bool pinLetterFlagTakesValue(const std::string& flag);
const char* pinLetterUsage();

}  // namespace oa::sim
