#pragma once

#include <functional>

#include "card/CommandApdu.h"
#include "card/ResponseApdu.h"
#include "sim/card/FileSystem.h"

namespace oa::sim {

// SELECT (ISO 7816-4 §11.2.2) as the nPA answers it: MF (P1 00, 3F00), EF in the current DF
// (P1 00/02), DF by AID (P1 04). P2 0C asks for no answer data; 00/04 get a small FCP.
ResponseApdu selectFile(FileSystem& files, const CommandApdu& command);

// Decides whether the file may be read now; returns the refusing status word, or Success.
using ReadPermission = std::function<StatusWord(const ElementaryFile&)>;

// READ BINARY (ISO 7816-4 §11.3.3), offset in P1/P2 or short EF identifier in P1 (80|SFI) with
// the offset in P2. Like a real card: fewer bytes than Le at the end -> 6282, offset past the end
// -> 6B00.
ResponseApdu readBinary(FileSystem& files, const CommandApdu& command,
                        const ReadPermission& permission);

// UPDATE BINARY (ISO 7816-4 §11.3.5) with the same addressing: writes the data at the offset,
// growing the file as needed (the eID's writable data groups change length with their content).
ResponseApdu updateBinary(FileSystem& files, const CommandApdu& command,
                          const std::function<StatusWord(const ElementaryFile&)>& permission);

}  // namespace oa::sim
