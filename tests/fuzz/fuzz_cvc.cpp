// Feeds arbitrary bytes to the CV certificate parser. What it accepts must keep its bytes exactly
// (the signature covers them), split into body and signature that re-parse to the same
// certificate, and survive chain building against itself.
#include <cstdlib>

#include "eac/CvCertificateChain.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const oa::ByteView input(data, size);
    auto certificate = oa::eac::CvCertificate::parse(input);
    if (!certificate) return 0;
    if (certificate->encoded() != oa::Bytes(input.begin(), input.end())) std::abort();
    auto again = oa::eac::CvCertificate::parseBodyAndSignature(certificate->bodyAndSignature());
    if (!again || !(*again == *certificate)) std::abort();
    if (certificate->chat().encode().empty()) std::abort();
    (void)certificate->descriptionHash();
    (void)certificate->sectorHashes();
    const std::vector<oa::eac::CvCertificate> pool{*certificate};
    (void)oa::eac::CvCertificateChain::build(pool, certificate->authorityReference(), pool,
                                             certificate->effectiveDate());
    return 0;
}
