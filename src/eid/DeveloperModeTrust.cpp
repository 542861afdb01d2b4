#include "eid/DeveloperModeTrust.h"

#include <string>

#include "sim/pki/EmbeddedTestPki.h"

namespace oa::eid {

eac::CscaTrustList cscaTrust(bool developerMode) {
    eac::CscaTrustList trust = eac::CscaTrustList::production();
    if (!developerMode) return trust;
    // The embedded file itself, not sim::TestPki: no test PKI machinery is needed for this.
    if (auto pem = sim::embeddedTestPkiFile("csca.pem"))
        if (auto test = eac::CscaTrustList::fromPem(std::string(pem->begin(), pem->end())))
            trust.add(*test);
    return trust;
}

}  // namespace oa::eid
