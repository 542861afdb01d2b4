#include "net/TlsServerCertificates.h"

#include "net/CommCertificates.h"

namespace oa::net {

void TlsServerCertificates::record(const QString& host, const QSslCertificate& certificate) {
    for (const Seen& seen : seen_)
        if (seen.host == host && seen.certificate == certificate) return;
    seen_.append(Seen{host, certificate});
}

bool TlsServerCertificates::contains(const QSslCertificate& certificate) const {
    for (const Seen& seen : seen_)
        if (seen.certificate == certificate) return true;
    return false;
}

Result<void> TlsServerCertificates::checkAll(const CommCertificates& allowed) const {
    for (const Seen& seen : seen_)
        if (auto ok = allowed.check(seen.certificate, seen.host); !ok) return ok;
    return {};
}

}  // namespace oa::net
