#include "ProductionSelfRead.h"

#include "eid/SelfAuthentication.h"
#include "sim/pki/TestPki.h"

namespace oa::bench {
namespace {

Result<const eid::TerminalIdentity*> testTerminal() {
    static const auto identity = [] {
        const auto& pki = sim::TestPki::builtIn();
        return eid::TerminalIdentity::fromMemory(pki.terminalChain(), pki.terminalKeyPkcs8());
    }();
    if (!identity) return identity.error();
    return &*identity;
}

}  // namespace

Result<void> runSelfAuthentication(MeteredCard& card) {
    auto terminal = testTerminal();
    if (!terminal) return terminal.error();
    auto trust = eac::CscaTrustList::fromPem(sim::TestPki::builtIn().cscaPem());
    if (!trust) return trust.error();
    eid::SelfAuthentication session(card, **terminal,
                                    eid::passiveAuthentication(std::move(*trust)));
    eid::SelfAuthenticationRequest request;
    request.dataGroups = {eid::DataGroup::DG1, eid::DataGroup::DG2, eid::DataGroup::DG3,
                          eid::DataGroup::DG4, eid::DataGroup::DG5};
    request.pin = SecureBytes::fromAscii("123456");
    auto result = session.run(request);
    if (!result) return result.error();
    if (result->read.size() + result->absent.size() != request.dataGroups.size())
        return makeError(ErrorCode::Unknown, "self-authentication skipped data groups", "");
    return {};
}

}  // namespace oa::bench
