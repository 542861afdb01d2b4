#include "eac/CvCertificateChain.h"

#include <algorithm>
#include <optional>

#include "crypto/Ecdsa.h"
#include "crypto/RsaSignature.h"

namespace oa::eac {
namespace {

Error brokenChain(std::string detail) {
    return makeError(ErrorCode::AuthenticationFailed,
                     "The service's certificates do not lead to an authority the ID card trusts",
                     std::move(detail));
}

Error invalidCertificate(const CvCertificate& certificate, std::string detail) {
    return makeError(ErrorCode::AuthenticationFailed, "A certificate of the service is not valid",
                     certificate.holderReference() + ": " + detail);
}

bool isDocumentVerifier(CertificateRole role) {
    return role == CertificateRole::DvOfficial || role == CertificateRole::DvNonOfficial;
}

const CvCertificate* findByHolder(const std::vector<CvCertificate>& certificates,
                                  std::string_view holder) {
    for (const auto& certificate : certificates)
        if (certificate.holderReference() == holder) return &certificate;
    return nullptr;
}

Result<const CvCertificate*> findTerminal(const std::vector<CvCertificate>& pool) {
    const CvCertificate* terminal = nullptr;
    for (const auto& certificate : pool) {
        if (certificate.role() != CertificateRole::Terminal) continue;
        if (terminal != nullptr && !(*terminal == certificate))
            return brokenChain("more than one terminal certificate");
        terminal = &certificate;
    }
    if (terminal == nullptr) return brokenChain("no terminal certificate");
    return terminal;
}

// Walks from the document verifier's CAR back to the trusted CVCA through link certificates.
Result<std::vector<CvCertificate>> linkCertificates(const std::vector<CvCertificate>& pool,
                                                    const CvCertificate& documentVerifier,
                                                    std::string_view trustedCar) {
    std::vector<CvCertificate> links;
    std::string reference = documentVerifier.authorityReference();
    while (reference != trustedCar) {
        if (links.size() >= pool.size()) return brokenChain("link certificates form a loop");
        const auto* link = findByHolder(pool, reference);
        if (link == nullptr || link->isSelfSigned())
            return brokenChain("no link from " + reference + " to " + std::string(trustedCar));
        links.insert(links.begin(), *link);
        reference = link->authorityReference();
    }
    return links;
}

Result<void> verifySignature(const CvCertificate& certificate, const CvPublicKey& signer,
                             const std::optional<crypto::EcCurve>& curve) {
    const auto hash = signer.hashAlgorithm();
    const auto padding = signer.usesPss() ? crypto::RsaPadding::Pss : crypto::RsaPadding::Pkcs1v15;
    Result<void> verified =
        signer.isRsa() ? crypto::verifyRsaSignature(signer.modulus, signer.exponent, padding, hash,
                                                    certificate.body(), certificate.signature())
                       : crypto::verifyEcdsaSignature(*curve, signer.point, hash,
                                                      certificate.body(), certificate.signature());
    if (!verified) return invalidCertificate(certificate, verified.error().detail);
    return {};
}

// Takes over the curve of a CVCA key. Only a CVCA sets domain parameters: parameters in a DV or
// terminal certificate must not override them, so they are ignored and a key on another curve
// fails verification.
Result<void> adoptCurve(const CvCertificate& owner, std::optional<crypto::EcCurve>& curve) {
    if (owner.role() != CertificateRole::Cvca || !owner.publicKey().hasDomainParameters())
        return {};
    auto parsed = owner.publicKey().curve();
    if (!parsed) return invalidCertificate(owner, parsed.error().detail);
    curve = std::move(*parsed);
    return {};
}

}  // namespace

Result<CvCertificateChain> CvCertificateChain::build(const std::vector<CvCertificate>& pool,
                                                     std::string_view trustedCar,
                                                     const std::vector<CvCertificate>& trustStore,
                                                     const CvDate& today) {
    auto terminal = findTerminal(pool);
    if (!terminal) return terminal.error();
    const auto* documentVerifier = findByHolder(pool, (*terminal)->authorityReference());
    if (documentVerifier == nullptr)
        return brokenChain("no certificate for " + (*terminal)->authorityReference());
    auto links = linkCertificates(pool, *documentVerifier, trustedCar);
    if (!links) return links.error();

    CvCertificateChain chain;
    chain.certificates_ = std::move(*links);
    chain.certificates_.push_back(*documentVerifier);
    chain.certificates_.push_back(**terminal);
    if (auto checked = chain.checkRolesAndTypes(); !checked) return checked.error();
    if (auto checked = chain.checkDates(today); !checked) return checked.error();
    const auto* anchor = findByHolder(trustStore, trustedCar);
    if (anchor != nullptr && anchor->role() != CertificateRole::Cvca)
        return brokenChain("trust store entry " + std::string(trustedCar) + " is not a CVCA");
    if (auto checked = chain.checkSignatures(anchor); !checked) return checked.error();
    chain.computeEffectiveChat(anchor);
    return chain;
}

Result<CvCertificateChain> CvCertificateChain::build(const std::vector<CvCertificate>& pool,
                                                     const std::vector<std::string>& trustedCars,
                                                     const std::vector<CvCertificate>& trustStore,
                                                     const CvDate& today) {
    std::optional<Error> firstError;
    for (const auto& car : trustedCars) {
        auto chain = build(pool, car, trustStore, today);
        if (chain) return chain;
        if (!firstError) firstError = chain.error();
    }
    if (firstError) return *firstError;
    return brokenChain("the card named no trusted CVCA");
}

Result<void> CvCertificateChain::checkRolesAndTypes() const {
    const auto last = certificates_.size() - 1;
    for (std::size_t i = 0; i + 2 < certificates_.size(); ++i)
        if (certificates_[i].role() != CertificateRole::Cvca)
            return invalidCertificate(certificates_[i], "link certificate without CVCA role");
    if (!isDocumentVerifier(certificates_[last - 1].role()))
        return invalidCertificate(certificates_[last - 1], "not a document verifier");
    if (certificates_[last - 1].chat().terminalType() != certificates_[last].chat().terminalType())
        return invalidCertificate(certificates_[last - 1], "issued for another kind of terminal");
    return {};
}

// The card checks the terminal and DV certificates against its current date. CVCA link
// certificates only update its trust point, and the card accepts them even when they have
// expired since, so their validity period is not checked here either.
Result<void> CvCertificateChain::checkDates(const CvDate& today) const {
    for (std::size_t i = certificates_.size() - 2; i < certificates_.size(); ++i) {
        const auto& certificate = certificates_[i];
        if (today < certificate.effectiveDate())
            return invalidCertificate(certificate,
                                      "not valid before " + certificate.effectiveDate().toString());
        if (certificate.expirationDate() < today)
            return invalidCertificate(certificate,
                                      "expired on " + certificate.expirationDate().toString());
    }
    return {};
}

// Every key signs with the domain parameters of the CVCA above it: document verifier and
// terminal keys carry none (TR-03110-3 D.3.3).
Result<void> CvCertificateChain::checkSignatures(const CvCertificate* anchor) {
    const CvPublicKey* signer = anchor != nullptr ? &anchor->publicKey() : nullptr;
    std::optional<crypto::EcCurve> curve;
    if (anchor != nullptr) {
        if (auto adopted = adoptCurve(*anchor, curve); !adopted) return adopted.error();
    }
    for (const auto& certificate : certificates_) {
        if (signer != nullptr && (signer->isRsa() || curve)) {
            if (auto verified = verifySignature(certificate, *signer, curve); !verified)
                return verified.error();
        } else {
            ++uncheckedSignatures_;
        }
        signer = &certificate.publicKey();
        if (auto adopted = adoptCurve(certificate, curve); !adopted) return adopted.error();
    }
    return {};
}

// TR-03110-3 2.7: the card ANDs the CHATs of the terminal, its DV and the CVCA that issued the DV,
// its trust point by then; older link certificates no longer count. A CVCA serves every kind of
// terminal (the BSI worked example's CVCA has an inspection-system CHAT above an authentication
// terminal chain), so only a CHAT of the terminal's own type restricts.
void CvCertificateChain::computeEffectiveChat(const CvCertificate* anchor) {
    effectiveChat_ = terminal().chat().intersected(documentVerifier().chat());
    const bool hasLinks = certificates_.size() > 2;
    const CvCertificate* cvca = hasLinks ? &certificates_[certificates_.size() - 3] : anchor;
    if (cvca != nullptr && cvca->chat().terminalType() == effectiveChat_.terminalType())
        effectiveChat_ = effectiveChat_.intersected(cvca->chat());
}

}  // namespace oa::eac
