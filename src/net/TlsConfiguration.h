#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>

#include "base/Result.h"

namespace oa::net {

// Minimum key sizes for server certificate and ephemeral keys (TR-03116-4 via TR-03124-1 §4):
// RSA, DSA and DH below 3000 bit are refused; EC below 250 bit.
struct TlsMinimumKeySizes {
    int rsa = 3000;
    int dsa = 3000;
    int dh = 3000;
    int ec = 250;
};

// The client TLS settings of the online flow. Trust anchors: an empty list means the system's
// CA certificates; a non-empty list means exactly these (test world, --ca-file).
class TlsConfiguration {
public:
    // TLS-1-2: eID-Client to eService / TC token provider (token fetch, refresh check).
    // TLS 1.2 or later, ECDHE/DHE with AES-GCM only, brainpool curves first.
    static QSslConfiguration eServiceChannel(const QList<QSslCertificate>& caCertificates = {});
    // TLS-2 with the PSK from the TC token: TLS 1.2 exactly (RSA-PSK does not exist in 1.3),
    // RSA-PSK suites only. The PSK itself is supplied during the handshake (PskChannel).
    static QSslConfiguration eIdServerPskChannel(const QList<QSslCertificate>& caCertificates = {});

    // The cipher suite names each channel offers, in preference order.
    static QStringList eServiceCipherNames();
    static QStringList pskCipherNames();

    // Checks the negotiated session: server certificate key and ephemeral key sizes.
    static Result<void> checkServerKeys(const QSslConfiguration& negotiated,
                                        const TlsMinimumKeySizes& minimum = {});
};

}  // namespace oa::net
