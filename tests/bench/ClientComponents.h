#pragma once

#include <functional>
#include <string>
#include <vector>

#include "sim/pki/TestPki.h"

namespace oa::bench {

// Client work of the production flow that the protocol-minimum flow leaves out, each a callable
// that does it once: passive authentication of EF.CardSecurity, building and checking the CV
// chain, loading the CSCA trust list, and the terminal's TA signature (the eID server's in
// production).
struct ClientComponent {
    std::string name;
    std::function<bool()> runOnce;
};

std::vector<ClientComponent> clientComponents(const sim::TestPki& pki, Bytes cardSecurity);

}  // namespace oa::bench
