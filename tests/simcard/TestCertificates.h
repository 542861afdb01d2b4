#pragma once
// Test helpers: CV chains on brainpoolP256r1 with ECDSA-SHA-256 made with the test PKI's writer
// (sim/pki), so the card can be tested with any rights, types and extensions.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "base/Bytes.h"
#include "sim/pki/CvCertificateWriter.h"
#include "sim/pki/EcKey.h"

namespace oa::test {

class TestKey {
public:
    TestKey() : key_(generated()) {}

    Bytes point() const { return key_.publicPoint(); }
    const sim::EcKey& key() const { return key_; }
    // ECDSA-SHA-256 as plain r || s (TR-03111).
    Bytes sign(ByteView message) const {
        auto signature = key_.signPlain(message);
        REQUIRE(signature.ok());
        return *signature;
    }

private:
    static sim::EcKey generated() {
        auto key = sim::EcKey::generate();
        REQUIRE(key.ok());
        return *key;
    }
    sim::EcKey key_;
};

// A CV certificate (7F21) for `holder`'s key, signed by `signer`. CVCAs carry domain parameters.
inline Bytes cvCertificate(const std::string& car, const std::string& chr, const TestKey& holder,
                           const TestKey& signer, const std::string& rightsHex, bool cvca,
                           std::vector<Bytes> extensions = {},
                           const std::string& expirationDate = "351231") {
    sim::CvCertificateTemplate fields;
    fields.authorityReference = car;
    fields.holderReference = chr;
    fields.rights = hexBytes(rightsHex);
    fields.effectiveDate = "240101";
    fields.expirationDate = expirationDate;
    fields.withDomainParameters = cvca;
    fields.extensions = std::move(extensions);
    auto certificate = sim::writeCvCertificate(fields, holder.key(), signer.key());
    REQUIRE(certificate.ok());
    return *certificate;
}

}  // namespace oa::test
