#include "net/EidServerChannel.h"

#include <QNetworkAccessManager>

namespace oa::net {
namespace {

const QByteArray kPaosContentType = "application/vnd.paos+xml; charset=UTF-8";
const QByteArray kPaosAccept = "text/html; application/vnd.paos+xml";
const QByteArray kPaosVersion = "ver=\"urn:liberty:paos:2006-08\"";

}  // namespace

EidServerChannel::EidServerChannel(QUrl serverAddress, const Settings& settings,
                                   QSslConfiguration tls)
    : serverAddress_(std::move(serverAddress)),
      manager_(std::make_unique<QNetworkAccessManager>()) {
    manager_->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    manager_->setStrictTransportSecurityEnabled(false);
    exchangeSettings_.tls = std::move(tls);
    exchangeSettings_.timeouts = settings.timeouts;
    exchangeSettings_.maxBodyBytes = settings.maxBodyBytes;
    exchangeSettings_.check = settings.check;
    exchangeSettings_.cancelled = settings.cancelled;
    exchangeSettings_.handshakeDone = [this] { ++handshakes_; };
}

EidServerChannel::~EidServerChannel() = default;

Result<QByteArray> EidServerChannel::send(const QByteArray& paosMessage) {
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
