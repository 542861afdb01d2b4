#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/Result.h"
#include "sim/card/CardCryptoProfile.h"
#include "sim/card/PersonalData.h"
#include "sim/card/PinStateMachine.h"

namespace oa::sim {

// Everything that makes one test card: the holder's data, the secrets and PIN state it leaves the
// factory with, and its algorithms.
struct CardProfile {
    std::string name;
    PersonalData person;
    CardSecrets secrets;
    PinState pinState;
    CardCryptoProfile crypto;
    // Terminal Authentication: the CVCA certificates (7F21) the chip trusts, and its idea of
    // today (YYMMDD), which accepted certificates move forward.
    std::vector<Bytes> trustAnchors;
    std::string currentDate;
    // Chip Authentication: the static private key (big-endian scalar on the PACE curve); empty
    // means a fresh random key for every card object.
    SecureBytes chipAuthenticationKey;
    // EF.CardSecurity as signed by a document signer; empty leaves the file off the card unless
    // the built-in test document signer (TestPki::builtIn()) is to sign the card's SecurityInfos.
    Bytes cardSecurity;
    bool signCardSecurityWithTestPki = false;
    // Raw file contents that replace or add to the files built from the above (the SDK's
    // SET_CARD `simulator.files`): data groups (FID 0101-0116) go to the eID application, any
    // other file to the master file.
    struct FileOverride {
        std::uint16_t fid = 0;
        std::uint8_t sfi = 0;
        Bytes content;
    };
    std::vector<FileOverride> fileOverrides;
    // Restricted Identification's private key (big-endian scalar); empty: derived from the name.
    SecureBytes restrictedIdentificationKey;
};

// The CVCA certificate of the BSI worked example (DECVCAAT00001, brainpoolP512r1), the default
// trust anchor, and the chip's static CA key from the same example.
Bytes workedExampleCvcaCertificate();
SecureBytes workedExampleChipAuthenticationKey();

// Built-in test persons trust the built-in test PKI's CVCA (as previous CVCA) besides the worked
// example's (current), and carry EF.CardSecurity signed by its document signer. Test persons:
// "mustermann" (the default adult), "under18", "deactivated", "eat" (electronic residence permit),
// "transport-pin" (5-digit PIN from the PIN letter), and "mustermann-p384" / "mustermann-p512" with
// the larger PACE curves.
std::optional<CardProfile> builtInProfile(const std::string& name);
std::vector<std::string> builtInProfileNames();
CardProfile defaultProfile();

// A profile from JSON text: any built-in as "base", then overrides. Unknown keys and wrong types
// are errors, so a typo in a test fixture does not silently give a default card.
Result<CardProfile> profileFromJson(ByteView json);
Result<CardProfile> loadProfileFile(const std::string& path);

}  // namespace oa::sim
