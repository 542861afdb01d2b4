#pragma once

#include <cstdint>
#include <optional>

#include "base/Bytes.h"
#include "base/Result.h"
#include "card/Card.h"
#include "eid/DataGroup.h"

namespace oa::eid {

// Reads a transparent file by short file identifier, in as few READ BINARY commands as the path
// to the card allows: one extended-length read where the reader carries it, short reads that fit
// a secure-messaging response otherwise. Nothing (not an error) when the file is absent (6A82).
Result<std::optional<Bytes>> readFileByShortId(Card& card, std::uint8_t shortFileId,
                                               const char* fileName);

// Selects the master file, where EF.CardAccess lives: a card left in an application by an
// earlier session (PC/SC does not always reset it between connections) would not find it.
// A refusal is not an error: such a card answers from the master file anyway.
Result<void> selectMasterFile(Card& card);

// The eID application (AID E8 07 04 00 7F 00 07 03 02, card-protocols §6.1) over a card that
// speaks secure messaging with the chip-authenticated keys.
class EidApplication {
public:
    explicit EidApplication(Card& card) : card_(card) {}

    Result<void> select();
    // The data group's file, or nothing if the card does not hold it.
    Result<std::optional<Bytes>> readDataGroup(DataGroup group);

private:
    Card& card_;
};

}  // namespace oa::eid
