#pragma once

#include <optional>
#include <string>

#include "base/Bytes.h"

namespace oa::eac {

// A certification authority or certificate holder reference (TR-03110-3 D.2.1.3): country code
// (two capital letters), holder mnemonic, five-character sequence number; 7 to 16 printable
// ISO 8859-1 characters in all. Returns what is wrong with `value`, or nothing if it is one.
std::optional<std::string> certificateReferenceProblem(ByteView value);

}  // namespace oa::eac
