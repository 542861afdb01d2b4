#include "sim/card/TerminalAuthenticationCardSide.h"

#include "crypto/SignatureVerification.h"
#include "sim/card/ChipCrypto.h"

namespace oa::sim {
namespace {

constexpr std::size_t kChallengeSize = 8;
// id-TA-ECDSA-SHA-* (0.4.0.127.0.7.2.2.2.2.x)
const Bytes kTaEcdsaPrefix = hexBytes("04007F000702020202");

std::optional<crypto::HashAlgorithm> ecdsaDigest(const Bytes& oid) {
    if (oid.size() != kTaEcdsaPrefix.size() + 1 ||
        !std::equal(kTaEcdsaPrefix.begin(), kTaEcdsaPrefix.end(), oid.begin())) {
        return std::nullopt;
    }
    switch (oid.back()) {
        case 1:
            return crypto::HashAlgorithm::Sha1;
        case 2:
            return crypto::HashAlgorithm::Sha224;
        case 3:
            return crypto::HashAlgorithm::Sha256;
        case 4:
            return crypto::HashAlgorithm::Sha384;
        case 5:
            return crypto::HashAlgorithm::Sha512;
        default:
            return std::nullopt;
    }
}

bool hasDomainParameters(const CardCvCertificate& c) {
    return c.prime && c.a && c.b && c.generator && c.order && c.cofactor;
}

crypto::EcDomainParameters domainOf(const CardCvCertificate& c) {
    return {*c.prime, *c.a, *c.b, *c.generator, *c.order, *c.cofactor};
}

bool verifiedBy(const CardCvCertificate& signer, ByteView message, ByteView signature) {
    const auto digest = ecdsaDigest(signer.publicKeyOid);
    if (!digest || !hasDomainParameters(signer)) return false;
    return crypto::verifyEcdsa(domainOf(signer), signer.point, *digest, message, signature).ok();
}

void inheritDomain(CardCvCertificate& certificate, const CardCvCertificate& signer) {
    if (hasDomainParameters(certificate)) return;
    certificate.prime = signer.prime;
    certificate.a = signer.a;
    certificate.b = signer.b;
    certificate.generator = signer.generator;
    certificate.order = signer.order;
    certificate.cofactor = signer.cofactor;
}

}  // namespace

TerminalAuthenticationCardSide::TerminalAuthenticationCardSide(
    std::vector<CardCvCertificate> trustAnchors, std::string currentDate)
    : currentDate_(std::move(currentDate)) {
    for (auto& anchor : trustAnchors) {
        const std::string reference = anchor.holderReference;
        anchors_.push_back(reference);
        anchorKeys_[reference] = Key{std::move(anchor)};
    }
    reset();
}

void TerminalAuthenticationCardSide::reset() {
    keys_ = anchorKeys_;
    verificationKey_.reset();
    requiredType_.reset();
    rights_ = TerminalAuthorization::everything();
    terminal_.reset();
    ephemeralKeyHash_.clear();
    auxiliaryData_.clear();
    challenge_.clear();
    terminalSelected_ = false;
    authenticated_ = false;
}

std::vector<std::string> TerminalAuthenticationCardSide::trustAnchorReferences() const {
    return std::vector<std::string>(anchors_.rbegin(), anchors_.rend());
}

StatusWord TerminalAuthenticationCardSide::setVerificationKey(ByteView authorityReference) {
    const std::string reference(authorityReference.begin(), authorityReference.end());
    if (!keys_.count(reference)) {
        verificationKey_.reset();
        return StatusWord::ReferencedDataNotFound;
    }
    verificationKey_ = reference;
    return StatusWord::Success;
}

StatusWord TerminalAuthenticationCardSide::verifyCertificate(ByteView data) {
    if (!verificationKey_ || authenticated_) return StatusWord::ConditionsOfUseNotSatisfied;
    auto certificate = parseCardCvCertificate(data);
    if (!certificate) return certificate.refusal();
    const CardCvCertificate& signer = keys_.at(*verificationKey_).certificate;
    if (certificate->authorityReference != signer.holderReference) return StatusWord::WrongData;
    if (!verifiedBy(signer, certificate->body, certificate->signature)) {
        return StatusWord::SecurityStatusNotSatisfied;
    }
    if (certificate->expirationDate < currentDate_) return StatusWord::WrongData;
    if (!certificate->isCvca() && requiredType_ && certificate->terminalType != *requiredType_) {
        return StatusWord::WrongData;
    }
    inheritDomain(*certificate, signer);
    // Only certificates from the domestic hierarchy move the chip's date (TR-03110-3 A.6.2).
    if (certificate->role >= 2 && certificate->effectiveDate > currentDate_) {
        currentDate_ = certificate->effectiveDate;
    }
    if (certificate->isCvca()) {
        // A link certificate: the new CVCA key becomes a trust anchor.
        anchors_.push_back(certificate->holderReference);
        anchorKeys_[certificate->holderReference] = Key{*certificate};
    } else {
        // Other terminal types (inspection systems, signature terminals) get nothing in eID.
        const auto rights = certificate->isAuthenticationTerminal()
                                ? TerminalAuthorization::fromTemplate(certificate->rights)
                                : std::nullopt;
        rights_ = rights ? rights_.restrictedTo(*rights) : TerminalAuthorization{};
        if (certificate->role == 0) terminal_ = *certificate;
    }
    remember(std::move(*certificate));
    verificationKey_.reset();
    return StatusWord::Success;
}

void TerminalAuthenticationCardSide::remember(CardCvCertificate certificate) {
    const std::string reference = certificate.holderReference;
    keys_[reference] = Key{std::move(certificate)};
}

StatusWord TerminalAuthenticationCardSide::selectTerminal(const MseSetAt& mse) {
    terminalSelected_ = false;
    if (!terminal_ || !mse.reference || !mse.ephemeralKey) return StatusWord::WrongData;
    if (std::string(mse.reference->begin(), mse.reference->end()) != terminal_->holderReference) {
        return StatusWord::ReferencedDataNotFound;
    }
    ephemeralKeyHash_ = *mse.ephemeralKey;
    auxiliaryData_ = mse.auxiliaryData.value_or(Bytes{});
    terminalSelected_ = true;
    return StatusWord::Success;
}

Bytes TerminalAuthenticationCardSide::challenge(std::optional<Bytes> fixed) {
    challenge_ = fixed ? *fixed : chip::randomBytes(kChallengeSize);
    return challenge_;
}

StatusWord TerminalAuthenticationCardSide::authenticate(ByteView signature,
                                                        ByteView chipIdentifier) {
    if (!terminalSelected_ || challenge_.empty() || authenticated_) {
        return StatusWord::ConditionsOfUseNotSatisfied;
    }
    const Bytes signedData =
        concat({chipIdentifier, challenge_, ephemeralKeyHash_, auxiliaryData_});
    challenge_.clear();  // one signature per challenge
    if (!verifiedBy(*terminal_, signedData, signature)) return StatusWord::AuthenticationFailed;
    authenticated_ = true;
    return StatusWord::Success;
}

bool TerminalAuthenticationCardSide::sectorKeyAllowed(ByteView sectorPublicKey, bool second) const {
    if (!authenticated_) return false;
    const auto& expected = second ? terminal_->secondSectorKeyHash : terminal_->firstSectorKeyHash;
    const auto digest = ecdsaDigest(terminal_->publicKeyOid);
    if (!expected || !digest) return false;
    return constantTimeEqual(crypto::hash(*digest, sectorPublicKey), *expected);
}

}  // namespace oa::sim
