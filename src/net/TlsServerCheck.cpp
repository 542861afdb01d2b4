#include "net/TlsServerCheck.h"

#include "net/CommCertificates.h"
#include "net/TlsServerCertificates.h"

namespace oa::net {

Result<void> TlsServerCheck::operator()(const QString& host,
                                        const QSslConfiguration& negotiated) const {
    const QSslCertificate certificate = negotiated.peerCertificate();
    // Recorded even when refused below, so the log of what was seen is complete.
    if (seen && !certificate.isNull()) seen->record(host, certificate);
    if (auto ok = TlsConfiguration::checkServerKeys(negotiated, minimumKeySizes); !ok) return ok;
    if (pins)
        if (auto ok = pins->check(certificate, host); !ok) return ok;
    return {};
}

}  // namespace oa::net
