#pragma once

#include <compare>
#include <optional>
#include <string>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "crypto/EcCurve.h"
#include "crypto/Hash.h"
#include "eac/Chat.h"
#include "eac/Oid.h"

namespace oa::eac {

// A calendar day as CV certificates carry it (YYMMDD, years 2000..2099).
struct CvDate {
    int year = 2000;
    int month = 1;
    int day = 1;

    // Six bytes, each one decimal digit 0x00..0x09; rejects impossible days.
    static Result<CvDate> parse(ByteView digits);
    static Result<CvDate> fromIso(std::string_view yyyyMmDd);  // "2014-03-13"
    static CvDate today();                                     // UTC
    std::string toString() const;                              // "2014-03-13"
    Bytes encode() const;

    auto operator<=>(const CvDate&) const = default;
};

// Public key data object 7F49 (TR-03110-3 D.3). ECDSA keys carry the point (86) and, for CVCA
// certificates, the domain parameters (81 p, 82 a, 83 b, 84 G, 85 n, 87 h); RSA keys carry the
// modulus (81) and the public exponent (82).
struct CvPublicKey {
    Oid oid;  // the signature scheme this key is used with, id-TA-*
    Bytes prime, a, b, generator, order, cofactor;  // ECDSA domain parameters, all or none
    Bytes point;                                    // ECDSA public point (86)
    Bytes modulus, exponent;                        // RSA

    bool isEcdsa() const { return oid.isUnder(oid::taEcdsa); }
    bool isRsa() const { return oid.isUnder(oid::taRsa); }
    bool hasDomainParameters() const { return !prime.empty(); }
    // The hash function of the key's scheme (id-TA-*-SHA-*).
    crypto::HashAlgorithm hashAlgorithm() const;
    bool usesPss() const;
    // The curve of the domain parameters this key carries (CVCA keys only).
    Result<crypto::EcCurve> curve() const;
};

// Discretionary data template 73 in the extensions (65): an OID and context-specific hashes.
struct CertificateExtension {
    Oid oid;
    std::vector<Bytes> hashes;  // 80, 81, ... in order
};

// Card verifiable certificate (TR-03110-3 App. C.1), parsed strictly. The encoded body is kept
// byte for byte because the signature covers exactly those bytes.
class CvCertificate {
public:
    static Result<CvCertificate> parse(ByteView encoded);  // the complete 7F21 element
    // As sent to the card with PSO:Verify Certificate: 7F4E body followed by 5F37 signature.
    static Result<CvCertificate> parseBodyAndSignature(ByteView bodyAndSignature);

    const Bytes& encoded() const { return encoded_; }
    const Bytes& body() const { return body_; }  // complete 7F4E element, the signed data
    const Bytes& signature() const { return signature_; }
    Bytes bodyAndSignature() const;

    const std::string& authorityReference() const { return car_; }  // CAR
    const std::string& holderReference() const { return chr_; }     // CHR
    const CvPublicKey& publicKey() const { return publicKey_; }
    const Chat& chat() const { return chat_; }
    CertificateRole role() const { return chat_.role(); }
    const CvDate& effectiveDate() const { return effective_; }
    const CvDate& expirationDate() const { return expiration_; }
    const std::vector<CertificateExtension>& extensions() const { return extensions_; }

    bool isSelfSigned() const { return car_ == chr_; }
    bool isValidOn(const CvDate& day) const { return effective_ <= day && day <= expiration_; }
    // Hash of the certificate description (id-description), if the certificate has one.
    std::optional<Bytes> descriptionHash() const;
    // Hashes of the sector public keys (id-sector-ri), one or two.
    std::vector<Bytes> sectorHashes() const;

    bool operator==(const CvCertificate& other) const { return encoded_ == other.encoded_; }

private:
    Result<void> parseBody(ByteView bodyValue);
    const CertificateExtension* findExtension(const Oid& oid) const;

    Bytes encoded_;
    Bytes body_;
    Bytes signature_;
    std::string car_;
    std::string chr_;
    CvPublicKey publicKey_;
    Chat chat_ = Chat::authenticationTerminal(CertificateRole::Terminal, {});
    CvDate effective_;
    CvDate expiration_;
    std::vector<CertificateExtension> extensions_;
};

}  // namespace oa::eac
