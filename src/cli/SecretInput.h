#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "base/Result.h"
#include "base/SecureBytes.h"

namespace oa::cli {

// Reads a PIN, CAN or PUK: from `file` when given (the first line, nothing else), else from the
// terminal with echo off after printing `prompt` to `err`, else (stdin not a terminal) one line
// of stdin. Secrets never come from the command line, where other users can see them.
Result<SecureBytes> readSecret(const std::optional<std::string>& file, const char* prompt,
                               std::ostream& err);

}  // namespace oa::cli
