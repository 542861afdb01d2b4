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

// A comfort reader takes the secret on its own pinpad and the host never sees it: tells the user
// to type `what` ("PIN", "CAN", "PUK") there and answers the empty secret that means "on the
// pinpad". A secret file is refused rather than silently ignored.
Result<SecureBytes> secretOnPinpad(const std::optional<std::string>& file, const char* what,
                                   std::ostream& err);

}  // namespace oa::cli
