#include "net/CommCertificates.h"

#include <QCryptographicHash>
#include <optional>

#include "eac/CertificateDescription.h"

namespace oa::net {
namespace {

std::optional<QCryptographicHash::Algorithm> algorithmForLength(std::size_t length) {
    switch (length) {
        case 32:
            return QCryptographicHash::Sha256;
        case 48:
            return QCryptographicHash::Sha384;
        case 64:
            return QCryptographicHash::Sha512;
        default:
            return std::nullopt;
    }
}

}  // namespace

CommCertificates::CommCertificates(std::vector<Bytes> hashes)
    : hashes_(std::move(hashes)), pinned_(true) {}

CommCertificates CommCertificates::fromDescription(const eac::CertificateDescription& description) {
    return CommCertificates(description.commCertificates());
}

bool CommCertificates::allows(const QSslCertificate& certificate) const {
    if (!pinned_) return true;
    if (certificate.isNull()) return false;
    const QByteArray der = certificate.toDer();
    for (const Bytes& hash : hashes_) {
        const auto algorithm = algorithmForLength(hash.size());
        if (!algorithm) continue;
        const QByteArray digest = QCryptographicHash::hash(der, *algorithm);
        const ByteView digestView(reinterpret_cast<const std::uint8_t*>(digest.constData()),
                                  static_cast<std::size_t>(digest.size()));
        if (constantTimeEqual(digestView, view(hash))) return true;
    }
    return false;
}

Result<void> CommCertificates::check(const QSslCertificate& certificate,
                                     const QString& host) const {
    if (allows(certificate)) return {};
    const QByteArray sha256 = certificate.digest(QCryptographicHash::Sha256).toHex();
    return makeError(ErrorCode::AuthenticationFailed,
                     "The server " + host.toStdString() +
                         " uses a certificate the service provider did not declare; the "
                         "connection was refused.",
                     "certificate SHA-256 " + sha256.toStdString() + " not in commCertificates (" +
                         std::to_string(hashes_.size()) + " hashes)");
}

}  // namespace oa::net
