#pragma once

#include <string>
#include <string_view>

#include <winscard.h>

#include "base/Result.h"

namespace oa::pcsc {

// "SCARD_E_NO_SERVICE (0x8010001D)": the macro name is what people search for in logs.
std::string codeName(LONG rv);

// The typed error for a failed PC/SC call; `call` names the function for the detail.
Error toError(LONG rv, std::string_view call);

// Whether the context that produced `rv` is dead (pcscd stopped or restarted) and must be
// established anew.
bool isContextLost(LONG rv);

// Whether `rv` means the card left the reader or lost power.
bool isCardGone(LONG rv);

}  // namespace oa::pcsc
