#pragma once

#include <memory>

#include "base/Bytes.h"
#include "base/Result.h"
#include "base/SecureBytes.h"

namespace oa::crypto {

// A MODP group with prime-order subgroup (p, g, q). Numbers cross this API as unsigned
// big-endian bytes; results are primeSize() bytes long.
class DhGroup {
public:
    // Standardized domain parameter IDs 0..2 = RFC 5114 sections 2.1..2.3.
    static Result<DhGroup> standardized(int parameterId);
    static Result<DhGroup> fromParameters(ByteView prime, ByteView generator, ByteView order);
    // Same p and q, generator g~ (generic mapping); g~ must lie in the q-subgroup.
    Result<DhGroup> withGenerator(ByteView generator) const;

    std::size_t primeSize() const;
    const Bytes& prime() const { return prime_; }
    const Bytes& generator() const { return generator_; }
    const Bytes& order() const { return order_; }

    // Checks 1 < y < p-1 and y^q = 1 mod p, so a peer cannot push us into a small subgroup.
    Result<void> checkPublicKey(ByteView y) const;
    // base^exponent mod p; `base` must pass checkPublicKey (or be the generator).
    Result<Bytes> power(ByteView base, ByteView exponent) const;
    Result<Bytes> powerOfGenerator(ByteView exponent) const;
    // a * b mod p.
    Result<Bytes> multiply(ByteView a, ByteView b) const;
    // Uniform in [1, q-1].
    Result<SecureBytes> generatePrivateKey() const;

private:
    DhGroup(Bytes p, Bytes g, Bytes q)
        : prime_(std::move(p)), generator_(std::move(g)), order_(std::move(q)) {}
    Bytes prime_, generator_, order_;
};

}  // namespace oa::crypto
