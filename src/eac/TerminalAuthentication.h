#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "card/Card.h"

namespace oa::eac {

// Terminal Authentication v2, the card-facing half (TR-03110 Part 3 B.3): the certificate chain
// goes to the card, then the terminal proves its key by signing the card's challenge. The
// signature itself comes from whoever holds the terminal key (the eID server), via `Signer`.
class TerminalAuthentication {
public:
    using Signer = std::function<Result<Bytes>(ByteView dataToSign)>;

    struct Input {
        // Complete CV certificates (7F21), from the one issued by the card's trust anchor (the
        // CAR of PACE step 4) down to the terminal certificate.
        std::vector<Bytes> certificates;
        Bytes idPicc;                        // from PACE
        Bytes ephemeralKeyComp;              // Comp(PK_PCD) of the coming Chip Authentication
        std::optional<Bytes> auxiliaryData;  // one complete 67 data object, sent and signed as is
    };

    explicit TerminalAuthentication(Card& card) : card_(card) {}

    Result<void> run(const Input& input, const Signer& signer);

private:
    Result<void> expectSuccess(const CommandApdu& command, const char* step);
    Card& card_;
};

}  // namespace oa::eac
