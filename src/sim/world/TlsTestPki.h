#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <string>

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa::sim {

// The TLS half of the test world, never for production: a test CA (P-256, self-signed) and,
// under it, RSA 3072 server certificates (RSA-PSK needs an RSA key; TR-03116-4 wants >= 3000
// bit): one for 127.0.0.1, ::1 and localhost, and one for wrong.example only (hostname mismatch),
// both on the same key.
class TlsTestPki {
public:
    // New keys and certificates in memory (the RSA key takes about a second).
    static Result<TlsTestPki> generate();
    // Reads tls-ca.pem, tls-server.pem, tls-server.key, tls-wrong-host.pem from `directory`, or
    // generates them there on first use.
    static Result<TlsTestPki> loadOrCreate(const std::string& directory);
    // One generated PKI shared by every caller in this process (tests).
    static const TlsTestPki& shared();

    Result<void> writeTo(const std::string& directory) const;

    const QSslCertificate& caCertificate() const { return ca_; }
    const QSslCertificate& serverCertificate() const { return server_; }
    const QSslCertificate& wrongHostCertificate() const { return wrongHost_; }
    const QSslKey& serverKey() const { return key_; }
    // The same key as PKCS#8 PEM, for servers built on OpenSSL directly.
    const QByteArray& serverKeyPem() const { return keyPem_; }

    // SHA-256 of the DER certificate, as commCertificates holds it.
    static Bytes hashOf(const QSslCertificate& certificate);

private:
    QSslCertificate ca_, server_, wrongHost_;
    QSslKey key_;
    QByteArray keyPem_;
};

}  // namespace oa::sim
