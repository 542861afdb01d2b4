#pragma once

#include <cstdint>

#include "base/Bytes.h"

namespace oa::sim {

// Who may read a file: EF.CardAccess and EF.DIR are open to everyone, data groups need a secure
// channel and the matching read right of the terminal (TR-03110-4 §2).
enum class ReadAccess { Always, SecureMessaging, DataGroupRight };

// A transparent elementary file. sfi 0 means the file has no short identifier.
struct ElementaryFile {
    std::uint16_t fid = 0;
    std::uint8_t sfi = 0;
    Bytes content;
    ReadAccess access = ReadAccess::Always;
    int dataGroup = 0;  // 1..22 for the eID data groups, 0 otherwise
};

}  // namespace oa::sim
