#pragma once

#include <QJsonValue>
#include <cstdint>
#include <memory>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa {
class VirtualCard;
}

namespace oa::service {

// SET_CARD's `simulator` parameter (AusweisApp docs/sdk/simulator.rst): file contents and keys for
// the card placed in the "Simulator" reader. Parsed strictly: unknown keys, wrong types, odd or
// non-hex contents and out-of-range identifiers are all refused.
struct SdkSimulatorCard {
    struct File {
        std::uint16_t fileId = 0;
        std::uint8_t shortFileId = 0;
        Bytes content;
    };
    struct Key {
        int id = 0;
        Bytes content;
    };
    std::vector<File> files;
    std::vector<Key> keys;
};

Result<SdkSimulatorCard> parseSdkSimulatorCard(const QJsonValue& value);

// The virtual card for the Simulator reader: our default test card. The parsed overrides are
// checked but not applied yet: VirtualCard builds its files from the holder's data and has no way
// to take raw file contents or a foreign key (a VirtualCard addition, still to do).
std::shared_ptr<VirtualCard> makeSdkSimulatorCard(const SdkSimulatorCard& card);

}  // namespace oa::service
