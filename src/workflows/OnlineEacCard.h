#pragma once

#include <optional>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "card/Card.h"
#include "eac/CvCertificate.h"
#include "eac/SecurityInfos.h"

namespace oa::workflows {

// The card-facing half of EAC when the eID-Server holds the terminal key and does Chip
// Authentication's key agreement (TR-03112-7 3.6, card-protocols §4.4, §5.1): every command
// goes through `card` (the PACE-protected card), the secrets stay with the server. Split into
// single steps because the challenge is fetched in EAC1 and answered in EAC2.
class OnlineEacCard {
public:
    explicit OnlineEacCard(Card& card) : card_(card) {}

    // GET CHALLENGE: r_PICC for the server's TA signature.
    Result<Bytes> getChallenge();
    // MSE:Set DST and PSO:Verify Certificate for each certificate, top down.
    Result<void> presentCertificates(const std::vector<eac::CvCertificate>& chain);
    // MSE:Set AT for TA: the terminal's key scheme and CHR, auxiliary data (one 67 object) and
    // Comp(PK_PCD) of the server's ephemeral CA key.
    Result<void> selectTerminal(const eac::CvCertificate& terminal,
                                const std::optional<Bytes>& auxiliaryData,
                                ByteView ephemeralKeyComp);
    Result<void> externalAuthenticate(ByteView signature);

    struct ChipAuthenticationOutput {
        Bytes nonce;                // r_PICC,CA
        Bytes authenticationToken;  // T_PICC
    };
    // MSE:Set AT for CA and General Authenticate with the server's ephemeral key. The card
    // switches to the new keys, which only the server knows, after this answer.
    Result<ChipAuthenticationOutput> chipAuthenticate(const eac::ChipAuthenticationInfo& info,
                                                      ByteView ephemeralPublicKey);

private:
    Result<void> expectSuccess(const CommandApdu& command, const char* step);
    Card& card_;
};

}  // namespace oa::workflows
