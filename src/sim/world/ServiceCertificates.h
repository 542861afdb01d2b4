#pragma once

#include <string>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "sim/pki/EcKey.h"
#include "sim/pki/TestPki.h"

namespace oa::sim {

// What the demo eService's eID-Server shows the card and the client: a CertificateDescription
// (TR-03110-4 2.2.6) naming the eService origin as subjectURL and the SHA-256 of its TLS server
// certificates as commCertificates, and an authentication terminal certificate re-issued under
// the test PKI's DV with the hash of that description.
struct ServiceCertificates {
    Bytes certificateDescription;
    // DV and terminal certificate: what the card needs above the CVCA it trusts.
    std::vector<Bytes> chain;
    Bytes terminalCertificate;
    EcKey terminalKey;

    // `describedHash`: the description whose hash goes into the terminal certificate; empty means
    // the real one (anything else is the "wrong description hash" misbehaviour).
    static Result<ServiceCertificates> issue(const TestPki& pki, const std::string& subjectUrl,
                                             const std::vector<Bytes>& commCertificates,
                                             const Bytes& describedHash = {});
    // The PIN reset service's (TerminalProfile::PinReset): the test PKI's PIN reset terminal key
    // and rights (CAN allowed, PIN management), a description naming `subjectUrl`.
    static Result<ServiceCertificates> issuePinReset(const TestPki& pki,
                                                     const std::string& subjectUrl,
                                                     const std::vector<Bytes>& commCertificates);
};

// The DER CertificateDescription itself (plain-text terms of usage).
Bytes encodeServiceDescription(const std::string& subjectUrl,
                               const std::vector<Bytes>& commCertificates);

}  // namespace oa::sim
