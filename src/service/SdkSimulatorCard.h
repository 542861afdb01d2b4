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

// The virtual card for the Simulator reader: our default test person with the overrides applied.
// Files replace the card's own (data groups FID 0101-0116 in the eID application, EF.CardAccess
// 011C, EF.CardSecurity 011D, others in the master file). Keys are private keys named by their key
// reference in the card's SecurityInfos: 65 (0x41) Chip Authentication, 1 Restricted
// Identification; the content is a DER private key (PKCS#8 or ECPrivateKey) or the raw scalar.
// A key for a reference the card does not have, or one that is no usable scalar, is refused.
Result<std::shared_ptr<VirtualCard>> makeSdkSimulatorCard(const SdkSimulatorCard& card);

}  // namespace oa::service
