#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/Result.h"
#include "base/SecureBytes.h"
#include "card/Card.h"
#include "eac/CscaTrustList.h"
#include "eac/PassiveAuthentication.h"
#include "eid/DataGroup.h"
#include "eid/EidData.h"
#include "eid/PinStatus.h"
#include "eid/TerminalIdentity.h"

namespace oa::eid {

// Checks EF.CardSecurity and returns its signed content; the chip's CA key comes only from there.
using CardSecurityVerifier = std::function<Result<eac::VerifiedCardSecurity>(ByteView)>;

// Passive authentication against `trust` at the current time.
CardSecurityVerifier passiveAuthentication(eac::CscaTrustList trust);

struct SelfAuthenticationRequest {
    std::vector<DataGroup> dataGroups;
    // Empty on a comfort reader (Card::hasReaderPace()): the PIN (and the CAN, when given empty)
    // is typed on the reader's pinpad.
    SecureBytes pin;
    std::optional<SecureBytes> can;  // for a suspended PIN
    // The terminal's certificate description (DER), handed to a comfort reader's PACE; optional.
    Bytes certificateDescription;
    // Restricted Identification for this sector (7F49 data object) after the data groups.
    std::optional<Bytes> sectorPublicKey;
};

struct SelfAuthenticationResult {
    EidData data;
    std::vector<DataGroup> read;            // in the order asked
    std::vector<DataGroup> absent;          // asked, but not on this card
    std::string documentSigner;             // who signed EF.CardSecurity
    std::optional<Bytes> sectorIdentifier;  // the card's pseudonym for the asked sector
};

// Self-authentication: the holder reads their own card with a local terminal identity, as an
// eID service would. The steps in order: PACE with the PIN (CHAT for the asked data groups),
// Terminal Authentication v2 with the terminal chain and key, EF.CardSecurity read and passively
// authenticated, Chip Authentication v2 with the chip key from the verified file, then the data
// groups read under the new keys and decoded. Any failure ends the session with a user-level
// message; pinStatus() says what the card reported about the PIN.
class SelfAuthentication {
public:
    SelfAuthentication(Card& card, const TerminalIdentity& terminal,
                       CardSecurityVerifier verifyCardSecurity);

    Result<SelfAuthenticationResult> run(const SelfAuthenticationRequest& request);
    std::optional<PinStatus> pinStatus() const { return pinStatus_; }

private:
    Card& card_;
    const TerminalIdentity& terminal_;
    CardSecurityVerifier verifyCardSecurity_;
    std::optional<PinStatus> pinStatus_;
};

}  // namespace oa::eid
