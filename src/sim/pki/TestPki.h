#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "base/SecureBytes.h"
#include "sim/pki/EcKey.h"

namespace oa::sim {

// The test world's public key infrastructure, never for production:
// * passive authentication: a self-signed X.509 CSCA and a document signer (DS) under it, which
//   signs EF.CardSecurity;
// * Terminal Authentication: a CV chain CVCA -> DV -> authentication terminal on
//   brainpoolP256r1 with ECDSA-SHA-256, the terminal's private key, its CertificateDescription
//   (hashed into the terminal certificate) and a sector key pair for Restricted Identification
//   (hashed into the terminal certificate's terminal-sector extension);
// * a second authentication terminal under the same DV for the PIN reset service: its own key,
//   certificate description and the rights to read names and address, CAN allowed and PIN
//   management (online-protocols §8.3).
// All keys are EC on brainpoolP256r1.
class TestPki {
public:
    // The fixed test PKI committed in src/sim/pki/data and built into the program.
    static const TestPki& builtIn();
    // A fresh one with new keys.
    static Result<TestPki> generate();
    // With a given sequence number of the holder references (5 characters; "00001" built in).
    static Result<TestPki> generate(const std::string& sequenceNumber);
    // What writeTo() wrote.
    static Result<TestPki> readFrom(const std::string& directory);

    // Writes csca.pem, document-signer.pem, cvca.cvcert, dv.cvcert, terminal.cvcert (DER CV
    // certificates), terminal.pkcs8 (DER PKCS#8), terminal-chain/{cvca,dv,terminal}.cvcert,
    // certificate-description.der, pin-reset-terminal.cvcert, pin-reset-terminal.pkcs8,
    // pin-reset-certificate-description.der, and the other private keys (csca.pkcs8,
    // document-signer.pkcs8, cvca.pkcs8, dv.pkcs8, sector.pkcs8) so the PKI can issue more.
    Result<void> writeTo(const std::string& directory) const;

    // EF.CardSecurity: CMS SignedData (id-SecurityObject) over DER SecurityInfos, signed by the
    // document signer. Empty only if OpenSSL fails.
    Bytes signCardSecurity(ByteView securityInfosDer) const;

    // X.509, DER and PEM.
    const Bytes& cscaCertificate() const { return csca_; }
    const Bytes& documentSignerCertificate() const { return documentSigner_; }
    std::string cscaPem() const;
    std::string documentSignerPem() const;

    // CV certificates (7F21), the chain in order CVCA, DV, terminal.
    const Bytes& cvcaCertificate() const { return cvca_; }
    const Bytes& dvCertificate() const { return dv_; }
    const Bytes& terminalCertificate() const { return terminal_; }
    std::vector<Bytes> terminalChain() const { return {cvca_, dv_, terminal_}; }
    const Bytes& certificateDescription() const { return certificateDescription_; }
    std::string cvcaReference() const;
    std::string terminalReference() const;

    // Holder references of the built-in PKI; a fresh one has another sequence number (the last
    // five characters), so a card can trust both. And the validity of all (YYMMDD).
    static constexpr const char* kCvcaReference = "DEOATESTCA00001";
    static constexpr const char* kDvReference = "DEOATESTDV00001";
    static constexpr const char* kTerminalReference = "DEOATESTAT00001";
    static constexpr const char* kEffectiveDate = "250101";
    static constexpr const char* kExpirationDate = "451231";
    // Terminal rights: every read and write right of the eID application, age and community ID
    // verification, Restricted Identification, CAN allowed and PIN management (id-AT).
    static Bytes terminalRights();
    // The PIN reset terminal: read DG4, DG5, DG13 and DG17, CAN allowed, PIN management.
    static constexpr const char* kPinResetTerminalReference = "DEOATESTPR00001";
    static Bytes pinResetTerminalRights();

    const Bytes& pinResetTerminalCertificate() const { return pinResetTerminal_; }
    const Bytes& pinResetCertificateDescription() const { return pinResetDescription_; }
    const EcKey& pinResetTerminalKey() const { return pinResetTerminalKey_; }
    std::vector<Bytes> pinResetTerminalChain() const { return {cvca_, dv_, pinResetTerminal_}; }

    const EcKey& cscaKey() const { return cscaKey_; }
    const EcKey& documentSignerKey() const { return documentSignerKey_; }
    const EcKey& cvcaKey() const { return cvcaKey_; }
    const EcKey& dvKey() const { return dvKey_; }
    const EcKey& terminalKey() const { return terminalKey_; }
    SecureBytes terminalKeyPkcs8() const { return terminalKey_.pkcs8(); }
    // Restricted Identification: the sector key pair whose public key data object
    // (7F49 { 06 id-RI-ECDH-SHA-256, 86 point }) the terminal certificate names.
    const EcKey& sectorKey() const { return sectorKey_; }
    Bytes sectorPublicKey() const;  // the data object

private:
    TestPki(EcKey cscaKey, EcKey documentSignerKey, EcKey cvcaKey, EcKey dvKey, EcKey terminalKey,
            EcKey sectorKey, EcKey pinResetTerminalKey);
    static Result<TestPki> fromFiles(
        const std::function<Result<Bytes>(const std::string&)>& readFile);
    Result<void> issuePinResetTerminal(const std::string& reference);

    EcKey cscaKey_, documentSignerKey_, cvcaKey_, dvKey_, terminalKey_, sectorKey_;
    Bytes csca_, documentSigner_;
    Bytes cvca_, dv_, terminal_;
    Bytes certificateDescription_;
    EcKey pinResetTerminalKey_;
    Bytes pinResetTerminal_, pinResetDescription_;
};

}  // namespace oa::sim
