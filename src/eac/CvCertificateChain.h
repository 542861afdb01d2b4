#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/Result.h"
#include "eac/Chat.h"
#include "eac/CvCertificate.h"

namespace oa::eac {

// The certificates Terminal Authentication presents to the card, from the one issued by the
// card's trusted CVCA down to the terminal: CVCA link certificates, one document verifier, one
// terminal (TR-03110-3 2.5, 2.6).
class CvCertificateChain {
public:
    // `pool`: what the service sent, in any order (extra certificates are ignored).
    // `trustedCar`: the CVCA the card trusts (its CAR from PACE).
    // `trustStore`: CVCA certificates we know; the trusted CVCA's key comes from there if known.
    // Checks linkage, roles, terminal types, dates against `today` and every signature whose
    // signer key is known, and computes the effective CHAT.
    static Result<CvCertificateChain> build(const std::vector<CvCertificate>& pool,
                                            std::string_view trustedCar,
                                            const std::vector<CvCertificate>& trustStore,
                                            const CvDate& today);
    // The card names up to two trusted CVCAs after PACE (current and previous); the first one a
    // chain leads to wins. Fails with the reason for the first CAR if none works.
    static Result<CvCertificateChain> build(const std::vector<CvCertificate>& pool,
                                            const std::vector<std::string>& trustedCars,
                                            const std::vector<CvCertificate>& trustStore,
                                            const CvDate& today);

    const std::vector<CvCertificate>& certificates() const { return certificates_; }
    const CvCertificate& terminal() const { return certificates_.back(); }
    const CvCertificate& documentVerifier() const {
        return certificates_[certificates_.size() - 2];
    }
    // Role of the terminal, rights that every certificate in the chain grants.
    const Chat& effectiveChat() const { return effectiveChat_; }
    // Signatures we could not check for want of the signer's key or domain parameters; the card
    // checks them. Zero when the trusted CVCA is in the trust store.
    std::size_t uncheckedSignatures() const { return uncheckedSignatures_; }

private:
    Result<void> checkRolesAndTypes() const;
    Result<void> checkDates(const CvDate& today) const;
    Result<void> checkSignatures(const CvCertificate* anchor);
    void computeEffectiveChat(const CvCertificate* anchor);

    std::vector<CvCertificate> certificates_;
    Chat effectiveChat_ = Chat::authenticationTerminal(CertificateRole::Terminal, {});
    std::size_t uncheckedSignatures_ = 0;
};

}  // namespace oa::eac
