#include "net/TlsConfiguration.h"

#include <QSslCipher>
#include <QSslEllipticCurve>
#include <QSslKey>

namespace oa::net {
namespace {

const QStringList kTls12Suites = {
    "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384", "DHE-RSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES128-GCM-SHA256",
};
const QStringList kTls13Suites = {"TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"};
// CBC is kept last for servers that still only offer it (listed by AusweisApp, digest §3).
const QStringList kPskSuites = {
    "RSA-PSK-AES256-GCM-SHA384",
    "RSA-PSK-AES128-GCM-SHA256",
    "RSA-PSK-AES256-CBC-SHA",
};
// Brainpool first; OpenSSL 3.0 offers no brainpool group in TLS 1.3, so NIST curves follow.
const QStringList kCurves = {"brainpoolP512r1", "brainpoolP384r1", "brainpoolP256r1", "secp384r1",
                             "prime256v1"};
const char* kSignatureAlgorithms =
    "ECDSA+SHA512:ECDSA+SHA384:ECDSA+SHA256:RSA-PSS+SHA512:RSA-PSS+SHA384:RSA-PSS+SHA256:"
    "RSA+SHA512:RSA+SHA384:RSA+SHA256";

QList<QSslCipher> ciphers(const QStringList& names, QSsl::SslProtocol protocol) {
    QList<QSslCipher> result;
    for (const QString& name : names) {
        QSslCipher cipher(name, protocol);
        // Qt files suites defined before TLS 1.2 (the CBC-SHA ones) under their older protocol.
        if (cipher.isNull()) cipher = QSslCipher(name);
        if (!cipher.isNull()) result.append(cipher);
    }
    return result;
}

QSslConfiguration base(const QList<QSslCertificate>& caCertificates) {
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!caCertificates.isEmpty()) config.setCaCertificates(caCertificates);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setPeerVerifyDepth(0);
    config.setSslOption(QSsl::SslOptionDisableCompression, true);
    config.setSslOption(QSsl::SslOptionDisableLegacyRenegotiation, true);
    config.setSslOption(QSsl::SslOptionDisableSessionTickets, false);
    // Kept so the attached-model TLS-2 can resume the TLS-1-2 session.
    config.setSslOption(QSsl::SslOptionDisableSessionPersistence, false);
    QList<QSslEllipticCurve> curves;
    for (const QString& name : kCurves) {
        const auto curve = QSslEllipticCurve::fromShortName(name);
        if (curve.isValid()) curves.append(curve);
    }
    config.setEllipticCurves(curves);
    config.setBackendConfigurationOption("SignatureAlgorithms", QByteArray(kSignatureAlgorithms));
    config.setAllowedNextProtocols({QSslConfiguration::NextProtocolHttp1_1});
    return config;
}

const char* algorithmName(QSsl::KeyAlgorithm algorithm) {
    switch (algorithm) {
        case QSsl::Rsa:
            return "RSA";
        case QSsl::Dsa:
            return "DSA";
        case QSsl::Ec:
            return "EC";
        case QSsl::Dh:
            return "DH";
        case QSsl::Opaque:
            return "opaque";
    }
    return "unknown";
}

Result<void> checkKey(const QSslKey& key, const char* role, const TlsMinimumKeySizes& minimum) {
    int required = 0;
    switch (key.algorithm()) {
        case QSsl::Rsa:
            required = minimum.rsa;
            break;
        case QSsl::Dsa:
            required = minimum.dsa;
            break;
        case QSsl::Dh:
            required = minimum.dh;
            break;
        case QSsl::Ec:
            required = minimum.ec;
            break;
        case QSsl::Opaque:
            return makeError(ErrorCode::AuthenticationFailed,
                             "The server uses a key type that cannot be checked.",
                             std::string(role) + " key is opaque");
    }
    if (key.length() >= required) return {};
    return makeError(ErrorCode::AuthenticationFailed,
                     "The server's encryption key is too weak; the connection was refused.",
                     std::string(role) + " " + algorithmName(key.algorithm()) + " key has " +
                         std::to_string(key.length()) + " bit, at least " +
                         std::to_string(required) + " required");
}

}  // namespace

QSslConfiguration TlsConfiguration::eServiceChannel(const QList<QSslCertificate>& caCertificates) {
    QSslConfiguration config = base(caCertificates);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setCiphers(ciphers(kTls12Suites, QSsl::TlsV1_2) + ciphers(kTls13Suites, QSsl::TlsV1_3));
    return config;
}

QSslConfiguration TlsConfiguration::eIdServerPskChannel(
    const QList<QSslCertificate>& caCertificates) {
    QSslConfiguration config = base(caCertificates);
    config.setProtocol(QSsl::TlsV1_2);
    config.setCiphers(ciphers(kPskSuites, QSsl::TlsV1_2));
    return config;
}

QStringList TlsConfiguration::eServiceCipherNames() {
    return kTls12Suites + kTls13Suites;
}

QStringList TlsConfiguration::pskCipherNames() {
    return kPskSuites;
}

Result<void> TlsConfiguration::checkServerKeys(const QSslConfiguration& negotiated,
                                               const TlsMinimumKeySizes& minimum) {
    const QSslCertificate certificate = negotiated.peerCertificate();
    if (certificate.isNull())
        return makeError(ErrorCode::AuthenticationFailed, "The server sent no certificate.",
                         "no peer certificate");
    if (auto ok = checkKey(certificate.publicKey(), "server certificate", minimum); !ok) return ok;
    const QSslKey ephemeral = negotiated.ephemeralServerKey();
    if (!ephemeral.isNull())
        if (auto ok = checkKey(ephemeral, "ephemeral", minimum); !ok) return ok;
    return {};
}

}  // namespace oa::net
