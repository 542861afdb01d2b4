#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include <openssl/types.h>

#include "base/Result.h"

namespace oa::eac {

// The X.509 trust anchors of passive authentication: Country Signing CA certificates (self-signed
// or link certificates). Every certificate here is trusted as it is; nothing above it is needed.
class CscaTrustList {
public:
    CscaTrustList() = default;

    // One or many PEM certificates; anything unreadable (or no certificate at all) is an error.
    static Result<CscaTrustList> fromPem(std::string_view pem);
    static Result<CscaTrustList> fromFile(const std::filesystem::path& path);
    // The German production CSCA certificates shipped in resources/csca and compiled in.
    static const CscaTrustList& production();

    void add(const CscaTrustList& other);
    std::size_t size() const { return certificates_.size(); }
    bool empty() const { return certificates_.empty(); }

    const std::vector<std::shared_ptr<X509>>& certificates() const { return certificates_; }

private:
    std::vector<std::shared_ptr<X509>> certificates_;
};

}  // namespace oa::eac
