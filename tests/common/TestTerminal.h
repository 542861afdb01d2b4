#pragma once
// The built-in test PKI as a local terminal sees it: its terminal identity (CV chain + key the
// virtual card trusts) and developer-mode trust in its CSCA only.
#include <catch2/catch.hpp>

#include "eid/SelfAuthentication.h"
#include "eid/TerminalIdentity.h"
#include "sim/pki/TestPki.h"

namespace oa::test {

inline const eid::TerminalIdentity& testTerminal() {
    static const eid::TerminalIdentity identity = [] {
        const auto& pki = sim::TestPki::builtIn();
        auto loaded =
            eid::TerminalIdentity::fromMemory(pki.terminalChain(), pki.terminalKeyPkcs8());
        REQUIRE(loaded);
        return std::move(*loaded);
    }();
    return identity;
}

inline eid::CardSecurityVerifier testCscaOnly() {
    auto trust = eac::CscaTrustList::fromPem(sim::TestPki::builtIn().cscaPem());
    REQUIRE(trust);
    return eid::passiveAuthentication(std::move(*trust));
}

}  // namespace oa::test
