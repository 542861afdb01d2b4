#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa::eac {

// An ASN.1 object identifier, held as its DER content bytes (what follows tag 06 and the length).
class Oid {
public:
    Oid() = default;
    // Strict: no empty identifier, no 0x80 padding in a component, last byte must end a component.
    static Result<Oid> fromDer(ByteView content);
    // For constants in code only: aborts on a malformed dotted string.
    static Oid fromDotted(std::string_view dotted);

    const Bytes& der() const { return der_; }
    std::string toString() const;  // dotted form, for logs and messages
    bool empty() const { return der_.empty(); }
    // True if this identifier is `arc` itself or lies below it.
    bool isUnder(const Oid& arc) const;

    auto operator<=>(const Oid&) const = default;

private:
    explicit Oid(Bytes der) : der_(std::move(der)) {}
    Bytes der_;
};

// Identifiers of BSI TR-03110 used by CV certificates and their descriptions.
namespace oid {

// Terminal Authentication signature schemes (id-TA = 0.4.0.127.0.7.2.2.2).
extern const Oid taRsaV15Sha1;
extern const Oid taRsaV15Sha256;
extern const Oid taRsaPssSha1;
extern const Oid taRsaPssSha256;
extern const Oid taRsaV15Sha512;
extern const Oid taRsaPssSha512;
extern const Oid taEcdsaSha1;
extern const Oid taEcdsaSha224;
extern const Oid taEcdsaSha256;
extern const Oid taEcdsaSha384;
extern const Oid taEcdsaSha512;
extern const Oid taRsa;    // arc of the RSA schemes
extern const Oid taEcdsa;  // arc of the ECDSA schemes

// Terminal types of a CHAT (id-roles = 0.4.0.127.0.7.3.1.2).
extern const Oid inspectionSystem;        // id-IS
extern const Oid authenticationTerminal;  // id-AT
extern const Oid signatureTerminal;       // id-ST

// Certificate extensions and description formats (id-extensions = 0.4.0.127.0.7.3.1.3).
extern const Oid description;  // id-description
extern const Oid plainFormat;  // id-plainFormat
extern const Oid htmlFormat;   // id-htmlFormat
extern const Oid pdfFormat;    // id-pdfFormat
extern const Oid sectorRi;     // id-sector-ri
extern const Oid sectorPs;     // id-sector-ps

}  // namespace oid
}  // namespace oa::eac
