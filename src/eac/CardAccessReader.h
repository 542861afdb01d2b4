#pragma once

#include "base/Bytes.h"
#include "base/Result.h"
#include "card/Card.h"
#include "eac/SecurityInfos.h"

namespace oa::eac {

// Reads EF.CardAccess (FID 011C, short file identifier 1C) without secure messaging, in as many
// READ BINARY steps as it takes; at most 4 KiB, far above any real card's file.
Result<Bytes> readEfCardAccess(Card& card);
// The same, parsed.
Result<SecurityInfos> readCardAccess(Card& card);

}  // namespace oa::eac
