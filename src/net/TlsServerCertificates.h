#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>

#include "base/Result.h"

namespace oa::net {

class CommCertificates;

// Every TLS server certificate seen during one authentication (TC token host, each redirect hop,
// eID-Server, refresh hops), so the workflow can check them against commCertificates once the
// CertificateDescription has arrived.
class TlsServerCertificates {
public:
    struct Seen {
        QString host;
        QSslCertificate certificate;
    };

    void record(const QString& host, const QSslCertificate& certificate);
    const QList<Seen>& all() const { return seen_; }
    bool contains(const QSslCertificate& certificate) const;
    // Fails on the first recorded certificate that is not allowed, naming its host.
    Result<void> checkAll(const CommCertificates& allowed) const;

private:
    QList<Seen> seen_;
};

}  // namespace oa::net
