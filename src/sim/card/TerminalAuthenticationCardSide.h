#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/Bytes.h"
#include "sim/card/CardCvCertificate.h"
#include "sim/card/MseSetAt.h"
#include "sim/card/TerminalAuthorization.h"

namespace oa::sim {

// The chip's side of Terminal Authentication v2 (TR-03110-3 B.11.5, B.11.6): imports the
// certificate chain from its trust anchor down to the terminal, collects the rights, and checks
// the terminal's signature over ID_PICC || r_PICC || Comp(PK_PCD,CA) || auxiliary data.
class TerminalAuthenticationCardSide {
public:
    // `trustAnchors` are CVCA certificates; `currentDate` (YYMMDD) is the chip's idea of today,
    // which only moves forward with the effective dates of certificates it accepts.
    TerminalAuthenticationCardSide(std::vector<CardCvCertificate> trustAnchors,
                                   std::string currentDate);

    // Forgets everything of the previous terminal (new PACE channel).
    void reset();
    // A CHAT in PACE fixes the terminal type: DV and terminal certificates of another type
    // (inspection system, signature terminal) are refused (6A80).
    void requireTerminalType(std::optional<Bytes> oid) { requiredType_ = std::move(oid); }
    StatusWord setVerificationKey(ByteView authorityReference);            // MSE:Set DST 83
    StatusWord verifyCertificate(ByteView data);                           // PSO:Verify Certificate
    StatusWord selectTerminal(const MseSetAt& mse);                        // MSE:Set AT 81 A4
    Bytes challenge(std::optional<Bytes> fixed = std::nullopt);            // GET CHALLENGE
    StatusWord authenticate(ByteView signature, ByteView chipIdentifier);  // EXTERNAL AUTHENTICATE

    bool authenticated() const { return authenticated_; }
    // Effective rights of the chain (to be restricted further by the CHAT of PACE).
    const TerminalAuthorization& chainRights() const { return rights_; }
    // Comp(PK_PCD,CA) from MSE:Set AT; CA must use the key it names.
    const Bytes& terminalChipAuthenticationKey() const { return ephemeralKeyHash_; }
    const Bytes& auxiliaryData() const { return auxiliaryData_; }
    // Restricted Identification: whether the authenticated terminal's sector extension names
    // this sector public key (7F49 data object; second = the 81 hash instead of 80).
    bool sectorKeyAllowed(ByteView sectorPublicKey, bool second) const;
    // CARs the chip answers in PACE step 4 (87 current, 88 previous).
    std::vector<std::string> trustAnchorReferences() const;
    const std::string& currentDate() const { return currentDate_; }

private:
    struct Key {
        CardCvCertificate certificate;  // with the CVCA's domain parameters filled in
    };
    void remember(CardCvCertificate certificate);

    std::vector<std::string> anchors_;
    std::map<std::string, Key> keys_;  // by holder reference: anchors and imported keys
    std::map<std::string, Key> anchorKeys_;
    std::string currentDate_;
    std::optional<std::string> verificationKey_;
    std::optional<Bytes> requiredType_;
    TerminalAuthorization rights_ = TerminalAuthorization::everything();
    std::optional<CardCvCertificate> terminal_;
    Bytes ephemeralKeyHash_;
    Bytes auxiliaryData_;
    Bytes challenge_;
    bool terminalSelected_ = false;
    bool authenticated_ = false;
};

}  // namespace oa::sim
