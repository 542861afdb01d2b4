#include "ClientComponents.h"

#include <chrono>

#include "eac/CscaTrustList.h"
#include "eac/CvCertificateChain.h"
#include "eac/PassiveAuthentication.h"

namespace oa::bench {

std::vector<ClientComponent> clientComponents(const sim::TestPki& pki, Bytes cardSecurity) {
    auto trust = std::make_shared<eac::CscaTrustList>(*eac::CscaTrustList::fromPem(pki.cscaPem()));
    auto security = std::make_shared<Bytes>(std::move(cardSecurity));
    return {
        {"CSCA trust list from PEM",
         [&pki] { return eac::CscaTrustList::fromPem(pki.cscaPem()).ok(); }},
        {"passive authentication of EF.CardSecurity",
         [trust, security] {
             return eac::verifyCardSecurity(*security, *trust, std::chrono::system_clock::now())
                 .ok();
         }},
        {"CV chain: parse 3 certificates, build, verify",
         [&pki] {
             std::vector<eac::CvCertificate> pool;
             for (const auto& encoded : pki.terminalChain()) {
                 auto certificate = eac::CvCertificate::parse(encoded);
                 if (!certificate) return false;
                 pool.push_back(std::move(*certificate));
             }
             const std::vector<eac::CvCertificate> trustStore{pool.front()};
             return eac::CvCertificateChain::build(pool, std::string(sim::TestPki::kCvcaReference),
                                                   trustStore, eac::CvDate::today())
                 .ok();
         }},
        {"TA signature (test terminal; eID server in production)",
         [&pki] { return pki.terminalKey().signPlain(Bytes(64, 0x5A)).ok(); }},
    };
}

}  // namespace oa::bench
