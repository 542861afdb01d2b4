#pragma once

#include <optional>

#include "base/Bytes.h"
#include "base/Result.h"
#include "base/SecureBytes.h"
#include "card/Card.h"
#include "eac/DomainParameters.h"
#include "eac/SecurityInfos.h"
#include "eac/SessionKeys.h"

namespace oa::eac {

// Chip Authentication v2, terminal side (TR-03110 Part 2 3.4, Part 3 B.3). Runs over the card
// protected by the PACE keys; the new keys it returns replace them (SSC 0) from the next command
// on. The ephemeral key exists before Terminal Authentication, which signs its Comp().
class ChipAuthentication {
public:
    // `parameters`: the CA domain parameters (ChipAuthenticationDomainParameterInfo).
    ChipAuthentication(Card& card, ChipAuthenticationInfo info, DomainParameters parameters);

    // Generates PK_PCD and returns Comp(PK_PCD) for TA. `privateKeyForTesting` reproduces vectors.
    Result<Bytes> prepareEphemeralKey(std::optional<SecureBytes> privateKeyForTesting = {});
    const Bytes& ephemeralPublicKey() const { return ephemeralPublic_; }

    // MSE:Set AT and General Authenticate; checks the chip's token against its static key from
    // the verified EF.CardSecurity.
    Result<SessionKeys> authenticate(ByteView chipStaticPublicKey);

private:
    Card& card_;
    ChipAuthenticationInfo info_;
    DomainParameters parameters_;
    SecureBytes ephemeralPrivate_;
    Bytes ephemeralPublic_;
};

}  // namespace oa::eac
