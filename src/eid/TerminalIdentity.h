#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "base/SecureBytes.h"
#include "eac/CvCertificate.h"

typedef struct evp_pkey_st EVP_PKEY;

namespace oa::eid {

// A local authentication terminal for self-authentication: its CV certificate chain and its EC
// private key, which signs the card's challenge in Terminal Authentication. The files are those
// OpenPACE's cvc-create and `openausweis-sim pki` write: DER CV certificates (*.cvcert) and a
// DER or PEM PKCS#8 private key.
class TerminalIdentity {
public:
    // `certificates`: complete CV certificates (7F21) in any order; `privateKey`: DER or PEM
    // PKCS#8. The chain is ordered by CAR/CHR from the top down to the one terminal certificate,
    // and the key must belong to that certificate.
    static Result<TerminalIdentity> fromMemory(const std::vector<Bytes>& certificates,
                                               const SecureBytes& privateKey);
    // Every *.cvcert in `chainDirectory`, and the key file.
    static Result<TerminalIdentity> load(const std::filesystem::path& chainDirectory,
                                         const std::filesystem::path& keyFile);

    // From the topmost certificate (usually the CVCA) down to the terminal.
    const std::vector<eac::CvCertificate>& certificates() const { return certificates_; }
    const eac::CvCertificate& terminalCertificate() const { return certificates_.back(); }

    // The Terminal Authentication signature over `data`: ECDSA with the hash of the terminal
    // certificate's scheme, as plain r || s (TR-03111).
    Result<Bytes> sign(ByteView data) const;

private:
    TerminalIdentity(std::vector<eac::CvCertificate> certificates, std::shared_ptr<EVP_PKEY> key)
        : certificates_(std::move(certificates)), key_(std::move(key)) {}

    std::vector<eac::CvCertificate> certificates_;
    std::shared_ptr<EVP_PKEY> key_;
};

}  // namespace oa::eid
