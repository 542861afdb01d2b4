#include "net/PskChannel.h"

#include <QNetworkAccessManager>
#include <QSslPreSharedKeyAuthenticator>

#include "net/TlsConfiguration.h"

namespace oa::net {
namespace {

const QByteArray kPaosContentType = "application/vnd.paos+xml; charset=UTF-8";
const QByteArray kPaosAccept = "text/html; application/vnd.paos+xml";
const QByteArray kPaosVersion = "ver=\"urn:liberty:paos:2006-08\"";

}  // namespace

PskChannel::PskChannel(QUrl serverAddress, QString sessionIdentifier, SecureBytes psk,
                       Settings settings)
    : serverAddress_(std::move(serverAddress)),
      sessionIdentifier_(std::move(sessionIdentifier)),
      psk_(std::move(psk)),
      manager_(std::make_unique<QNetworkAccessManager>()) {
    manager_->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    manager_->setStrictTransportSecurityEnabled(false);
    exchangeSettings_.tls = TlsConfiguration::eIdServerPskChannel(settings.caCertificates);
    exchangeSettings_.timeouts = settings.timeouts;
    exchangeSettings_.maxBodyBytes = settings.maxBodyBytes;
    exchangeSettings_.check = settings.check;
    exchangeSettings_.psk = [this](QSslPreSharedKeyAuthenticator* authenticator) {
        authenticator->setIdentity(sessionIdentifier_.toUtf8());
        // Qt keeps its own copy for the handshake; ours is wiped right after handing it over.
        QByteArray key(reinterpret_cast<const char*>(psk_.bytes().data()),
                       static_cast<qsizetype>(psk_.size()));
        authenticator->setPreSharedKey(key);
        wipe(key.data(), static_cast<std::size_t>(key.size()));
    };
}

PskChannel::~PskChannel() = default;

Result<QByteArray> PskChannel::send(const QByteArray& paosMessage) {
    HttpsExchange::Request request;
    request.method = "POST";
    request.url = serverAddress_;
    request.headers = {{"Content-Type", kPaosContentType},
                       {"Accept", kPaosAccept},
                       {"PAOS", kPaosVersion},
                       {"Connection", "keep-alive"}};
    request.body = paosMessage;
    HttpsOutcome outcome = HttpsExchange::run(*manager_, request, exchangeSettings_);
    if (!outcome.result) return outcome.result.error();
    HttpsResponse& response = outcome.result.value();
    cipher_ = response.cipher;
    if (response.status < 200 || response.status > 299)
        return makeError(
            ErrorCode::Network,
            "The eID-Server " + serverAddress_.host().toStdString() + " answered with an error.",
            "HTTP status " + std::to_string(response.status) + " to a PAOS message");
    return std::move(response.body);
}

}  // namespace oa::net
