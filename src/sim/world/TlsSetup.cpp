#include "sim/world/TlsSetup.h"

#include <QSslCipher>
#include <QSslEllipticCurve>

namespace oa::sim {
namespace {

QList<QSslCipher> ciphers(std::initializer_list<const char*> names) {
    QList<QSslCipher> list;
    for (const char* name : names) {
        QSslCipher cipher(QString::fromLatin1(name));
        if (!cipher.isNull()) list.append(cipher);
    }
    return list;
}

QSslConfiguration base(const TlsTestPki& pki, const TlsMisbehaviour& faults) {
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(faults.hostnameMismatch ? pki.wrongHostCertificate()
                                                              : pki.serverCertificate());
    configuration.setPrivateKey(pki.serverKey());
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    // The client's curve order decides (brainpool first); the server knows them all.
    configuration.setSslOption(QSsl::SslOptionDisableServerCipherPreference, true);
    QList<QSslEllipticCurve> curves;
    for (const char* name :
         {"brainpoolP512r1", "brainpoolP384r1", "brainpoolP256r1", "secp384r1", "prime256v1"})
        curves.append(QSslEllipticCurve::fromShortName(QString::fromLatin1(name)));
    configuration.setEllipticCurves(curves);
    return configuration;
}

// OpenSSL 3 refuses TLS 1.1 below security level 0; the fault needs it on the server side.
void onlyTls11(QSslConfiguration& configuration) {
    configuration.setProtocol(QSsl::AnyProtocol);
    configuration.setBackendConfigurationOption("MinProtocol", "TLSv1.1");
    configuration.setBackendConfigurationOption("MaxProtocol", "TLSv1.1");
    configuration.setBackendConfigurationOption("CipherString", "DEFAULT:@SECLEVEL=0");
    configuration.setCiphers(ciphers({"ECDHE-RSA-AES256-SHA", "ECDHE-RSA-AES128-SHA", "AES256-SHA",
                                      "PSK-AES256-CBC-SHA", "RSA-PSK-AES256-CBC-SHA"}));
}

}  // namespace

QSslConfiguration eServiceTlsConfiguration(const TlsTestPki& pki, const TlsMisbehaviour& faults) {
    QSslConfiguration configuration = base(pki, faults);
    if (faults.tls11Only) {
        onlyTls11(configuration);
        return configuration;
    }
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    if (faults.weakSuites) {
        // Static RSA key exchange: no forward secrecy, refused by TR-03116-4.
        configuration.setProtocol(QSsl::TlsV1_2);
        configuration.setCiphers(ciphers({"AES128-SHA256", "AES256-SHA256", "AES128-SHA"}));
        return configuration;
    }
    configuration.setCiphers(ciphers({"ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256",
                                      "DHE-RSA-AES256-GCM-SHA384", "DHE-RSA-AES128-GCM-SHA256",
                                      "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"}));
    return configuration;
}

QSslConfiguration eidServerTlsConfiguration(const TlsTestPki& pki, const TlsMisbehaviour& faults) {
    QSslConfiguration configuration = base(pki, faults);
    if (faults.tls11Only) {
        onlyTls11(configuration);
        return configuration;
    }
    configuration.setProtocol(QSsl::TlsV1_2);
    if (faults.weakSuites) {
        // Plain PSK: no server certificate, no RSA, nothing TR-03124-1 allows.
        configuration.setCiphers(ciphers({"PSK-AES128-CBC-SHA", "PSK-AES256-CBC-SHA"}));
        return configuration;
    }
    configuration.setCiphers(ciphers({"RSA-PSK-AES256-GCM-SHA384", "RSA-PSK-AES128-GCM-SHA256",
                                      "RSA-PSK-AES256-CBC-SHA384", "RSA-PSK-AES128-CBC-SHA256"}));
    return configuration;
}

}  // namespace oa::sim
