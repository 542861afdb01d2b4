#include "sim/world/TlsTestPki.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <filesystem>

#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "crypto/OpenSsl.h"

namespace oa::sim {
namespace {

using crypto::openSslError;
using crypto::PkeyPtr;
using X509Ptr = crypto::OpenSslPtr<X509, X509_free>;
using BioPtr = crypto::OpenSslPtr<BIO, BIO_free_all>;

Error failed(const std::string& what) {
    return openSslError(ErrorCode::Unknown, "Could not create the test TLS certificates", what);
}

bool addExtension(X509* certificate, X509* issuer, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (extension == nullptr) return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

bool setCommonName(X509_NAME* name, const char* commonName) {
    return X509_NAME_add_entry_by_txt(
               name, "O", MBSTRING_UTF8,
               reinterpret_cast<const unsigned char*>("OpenAusweis test world"), -1, -1, 0) == 1 &&
           X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>(commonName), -1, -1,
                                      0) == 1;
}

Result<X509Ptr> skeleton(EVP_PKEY* subjectKey, const char* commonName) {
    X509Ptr certificate(X509_new());
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1) return failed("serial");
    serial[0] &= 0x7F;
    crypto::BignumPtr serialNumber(BN_bin2bn(serial, sizeof serial, nullptr));
    if (!certificate || !serialNumber || X509_set_version(certificate.get(), X509_VERSION_3) != 1 ||
        BN_to_ASN1_INTEGER(serialNumber.get(), X509_get_serialNumber(certificate.get())) ==
            nullptr ||
        !setCommonName(X509_get_subject_name(certificate.get()), commonName) ||
        X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -24L * 3600) == nullptr ||
        X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 10L * 365 * 24 * 3600) == nullptr ||
        X509_set_pubkey(certificate.get(), subjectKey) != 1) {
        return failed("X.509 skeleton");
    }
    return certificate;
}

QSslCertificate toQt(X509* certificate) {
    const int length = i2d_X509(certificate, nullptr);
    QByteArray der(length, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    i2d_X509(certificate, &out);
    return QSslCertificate(der, QSsl::Der);
}

Result<QSslCertificate> issueServer(EVP_PKEY* serverKey, const char* commonName,
                                    const char* alternativeNames, X509* ca, EVP_PKEY* caKey) {
    auto certificate = skeleton(serverKey, commonName);
    if (!certificate) return certificate.error();
    X509* cert = certificate->get();
    if (X509_set_issuer_name(cert, X509_get_subject_name(ca)) != 1 ||
        !addExtension(cert, ca, NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(cert, ca, NID_key_usage, "critical,digitalSignature,keyEncipherment") ||
        !addExtension(cert, ca, NID_ext_key_usage, "serverAuth") ||
        !addExtension(cert, ca, NID_subject_alt_name, alternativeNames) ||
        !addExtension(cert, ca, NID_subject_key_identifier, "hash") ||
        !addExtension(cert, ca, NID_authority_key_identifier, "keyid") ||
        X509_sign(cert, caKey, EVP_sha256()) == 0) {
        return failed("server certificate");
    }
    return toQt(cert);
}

Result<QByteArray> readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput, "Could not read the test world's TLS files",
                         "cannot read " + path.toStdString());
    return file.readAll();
}

Result<void> writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size())
        return makeError(ErrorCode::InvalidInput, "Could not write the test world's TLS files",
                         "cannot write " + path.toStdString());
    return {};
}

}  // namespace

Result<TlsTestPki> TlsTestPki::generate() {
    PkeyPtr caKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "prime256v1"));
    PkeyPtr serverKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(3072)));
    if (!caKey || !serverKey) return failed("key generation");

    auto ca = skeleton(caKey.get(), "OpenAusweis TEST TLS CA - not for production");
    if (!ca) return ca.error();
    X509* caCert = ca->get();
    if (X509_set_issuer_name(caCert, X509_get_subject_name(caCert)) != 1 ||
        !addExtension(caCert, caCert, NID_basic_constraints, "critical,CA:TRUE") ||
        !addExtension(caCert, caCert, NID_key_usage, "critical,keyCertSign,cRLSign") ||
        !addExtension(caCert, caCert, NID_subject_key_identifier, "hash") ||
        X509_sign(caCert, caKey.get(), EVP_sha256()) == 0) {
        return failed("CA certificate");
    }
    auto server = issueServer(serverKey.get(), "localhost", "DNS:localhost,IP:127.0.0.1,IP:::1",
                              caCert, caKey.get());
    if (!server) return server.error();
    auto wrongHost =
        issueServer(serverKey.get(), "wrong.example", "DNS:wrong.example", caCert, caKey.get());
    if (!wrongHost) return wrongHost.error();

    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), serverKey.get(), nullptr, nullptr, 0, nullptr,
                                         nullptr) != 1)
        return failed("server key PEM");
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);

    TlsTestPki pki;
    pki.ca_ = toQt(caCert);
    pki.server_ = std::move(*server);
    pki.wrongHost_ = std::move(*wrongHost);
    pki.keyPem_ = QByteArray(data, static_cast<qsizetype>(length));
    pki.key_ = QSslKey(pki.keyPem_, QSsl::Rsa, QSsl::Pem);
    if (pki.ca_.isNull() || pki.server_.isNull() || pki.key_.isNull())
        return failed("conversion to Qt");
    return pki;
}

Result<TlsTestPki> TlsTestPki::loadOrCreate(const std::string& directory) {
    const QDir dir(QString::fromStdString(directory));
    if (!dir.exists(QStringLiteral("tls-server.key"))) {
        auto fresh = generate();
        if (!fresh) return fresh.error();
        if (auto written = fresh->writeTo(directory); !written) return written.error();
        return fresh;
    }
    TlsTestPki pki;
    auto ca = readFile(dir.filePath(QStringLiteral("tls-ca.pem")));
    auto server = readFile(dir.filePath(QStringLiteral("tls-server.pem")));
    auto wrongHost = readFile(dir.filePath(QStringLiteral("tls-wrong-host.pem")));
    auto key = readFile(dir.filePath(QStringLiteral("tls-server.key")));
    for (const auto* file : {&ca, &server, &wrongHost, &key})
        if (!*file) return file->error();
    pki.ca_ = QSslCertificate(*ca, QSsl::Pem);
    pki.server_ = QSslCertificate(*server, QSsl::Pem);
    pki.wrongHost_ = QSslCertificate(*wrongHost, QSsl::Pem);
    pki.keyPem_ = *key;
    pki.key_ = QSslKey(*key, QSsl::Rsa, QSsl::Pem);
    if (pki.ca_.isNull() || pki.server_.isNull() || pki.wrongHost_.isNull() || pki.key_.isNull())
        return makeError(ErrorCode::InvalidInput, "Could not read the test world's TLS files",
                         "unreadable PEM in " + directory);
    return pki;
}

const TlsTestPki& TlsTestPki::shared() {
    static const TlsTestPki pki = [] {
        auto generated = generate();
        if (!generated) throw std::runtime_error(generated.error().detail);
        return std::move(*generated);
    }();
    return pki;
}

Result<void> TlsTestPki::writeTo(const std::string& directory) const {
    std::error_code ignored;
    std::filesystem::create_directories(directory, ignored);
    const QDir dir(QString::fromStdString(directory));
    if (auto ok = writeFile(dir.filePath(QStringLiteral("tls-ca.pem")), ca_.toPem()); !ok)
        return ok;
    if (auto ok = writeFile(dir.filePath(QStringLiteral("tls-server.pem")), server_.toPem()); !ok)
        return ok;
    if (auto ok = writeFile(dir.filePath(QStringLiteral("tls-wrong-host.pem")), wrongHost_.toPem());
        !ok)
        return ok;
    const QString keyPath = dir.filePath(QStringLiteral("tls-server.key"));
    if (auto ok = writeFile(keyPath, keyPem_); !ok) return ok;
    QFile::setPermissions(keyPath, QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

Bytes TlsTestPki::hashOf(const QSslCertificate& certificate) {
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256);
    return Bytes(digest.begin(), digest.end());
}

}  // namespace oa::sim
