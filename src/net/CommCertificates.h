#pragma once

#include <QSslCertificate>
#include <QString>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa::eac {
class CertificateDescription;
}

namespace oa::net {

// The hashes of the TLS server certificates an eService may use (commCertificates of its
// CertificateDescription, TR-03124-1 §2.5). Each hash is compared with the DER certificate hashed
// by the function its length names (32: SHA-256, 48: SHA-384, 64: SHA-512), which covers both
// the SHA-256 practice and hashing with the DV certificate's algorithm.
class CommCertificates {
public:
    // No pins known yet (before EAC1): every certificate passes, and is only recorded.
    CommCertificates() = default;
    explicit CommCertificates(std::vector<Bytes> hashes);
    static CommCertificates fromDescription(const eac::CertificateDescription& description);

    bool pinned() const { return pinned_; }
    bool allows(const QSslCertificate& certificate) const;
    // The user-level error names the host whose certificate is not in the list.
    Result<void> check(const QSslCertificate& certificate, const QString& host) const;

private:
    std::vector<Bytes> hashes_;
    bool pinned_ = false;
};

}  // namespace oa::net
