#pragma once

#include <string>
#include <vector>

#include "base/Bytes.h"

namespace oa {

struct ReaderInfo {
    std::string name;
    std::string backend;  // "pcsc", "simulator", "nfc"
    bool cardPresent = false;
    Bytes atr;  // empty without a card
    // A comfort reader: it has a pinpad and runs PACE itself (PC/SC part 10 FEATURE_EXECUTE_PACE).
    bool pinpad = false;

    bool operator==(const ReaderInfo&) const = default;
};

struct ReaderEvent {
    enum class Kind {
        ReaderAdded,
        ReaderRemoved,
        CardInserted,
        CardRemoved,
        ServiceLost,
        ServiceRestored
    };
    Kind kind;
    std::string reader;  // empty for service events
    Bytes atr;           // for CardInserted

    bool operator==(const ReaderEvent&) const = default;
};

const char* toString(ReaderEvent::Kind kind);

// What changed between two snapshots of a backend's readers, in the order a user would expect:
// removals before additions, reader before card.
std::vector<ReaderEvent> diffReaders(const std::vector<ReaderInfo>& before,
                                     const std::vector<ReaderInfo>& after);

}  // namespace oa
