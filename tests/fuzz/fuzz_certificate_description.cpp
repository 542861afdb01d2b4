// Feeds arbitrary bytes to the certificate description parser and reads every field of what it
// accepts; the encoded form must be the input, since its hash binds it to the certificate.
#include <cstdlib>

#include "eac/CertificateDescription.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const oa::ByteView input(data, size);
    auto description = oa::eac::CertificateDescription::parse(input);
    if (!description) return 0;
    if (description->encoded() != oa::Bytes(input.begin(), input.end())) std::abort();
    std::size_t total = description->issuerName().size() + description->subjectName().size() +
                        description->termsOfUsageText().size() +
                        description->termsOfUsagePdf().size();
    for (const auto& hash : description->commCertificates())
        total += description->allowsServerCertificateHash(hash) ? 0 : 1;
    if (total > size) std::abort();
    return 0;
}
