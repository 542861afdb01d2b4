// Feeds arbitrary bytes to passive authentication of EF.CardSecurity: strict CMS parsing, the
// signer and chain checks, then SecurityInfos. Trusted: the production CSCAs and the test CSCA that
// signed the seeds (tests/eac/data/pa), so seeds reach the SecurityInfos of the signed content.
#include <chrono>
#include <cstdlib>

#include "eac/PassiveAuthentication.h"

namespace {

const char* kTestCsca = R"PEM(-----BEGIN CERTIFICATE-----
MIIB+zCCAaKgAwIBAgIUPkDj2fltAhpm44FSxpKHynbtgicwCgYIKoZIzj0EAwIw
SzELMAkGA1UEBhMCREUxGTAXBgNVBAoMEE9wZW5BdXN3ZWlzIHRlc3QxDTALBgNV
BAsMBENTQ0ExEjAQBgNVBAMMCXRlc3QtY3NjYTAeFw0yNjExMjcwMzQ1MzhaFw00
NjExMjIwMzQ1MzhaMEsxCzAJBgNVBAYTAkRFMRkwFwYDVQQKDBBPcGVuQXVzd2Vp
cyB0ZXN0MQ0wCwYDVQQLDARDU0NBMRIwEAYDVQQDDAl0ZXN0LWNzY2EwWjAUBgcq
hkjOPQIBBgkrJAMDAggBAQcDQgAEduyqXZZ6i97EqicQtU7waloZMJSmvRSMBrlr
BFtBAIE6XYStNMeg98cpAmWHEinRflGMqa4/q50n08bKe+A8SKNjMGEwHQYDVR0O
BBYEFE3p3UEZEr+03S5uCGWVWyiM9KJuMB8GA1UdIwQYMBaAFE3p3UEZEr+03S5u
CGWVWyiM9KJuMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMAoGCCqG
SM49BAMCA0cAMEQCIFhXd3DqYYIOAuSdTeGT0E3iAA6FHmnSxQXXxl0YEUH4AiAM
QmsQswnVupUWAAbQeqnL4nUFhMe8S8bQZ7O045NqDQ==
-----END CERTIFICATE-----)PEM";

const oa::eac::CscaTrustList& trust() {
    static const oa::eac::CscaTrustList list = [] {
        oa::eac::CscaTrustList all = oa::eac::CscaTrustList::production();
        auto test = oa::eac::CscaTrustList::fromPem(kTestCsca);
        if (!test) std::abort();
        all.add(*test);
        return all;
    }();
    return list;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace std::chrono;
    const oa::ByteView input(data, size);
    // Inside the validity of the seeds' document signers.
    const system_clock::time_point now = sys_days{year{2028} / January / 15};
    auto verified = oa::eac::verifyCardSecurity(input, trust(), now);
    if (!verified) {
        if (verified.error().message.empty() || verified.error().detail.empty()) std::abort();
        return 0;
    }
    if (verified->documentSigner.empty()) std::abort();
    for (const auto& protocol : verified->infos.chipAuthenticationInfos())
        (void)verified->infos.chipAuthenticationPublicKey(protocol);
    return 0;
}
