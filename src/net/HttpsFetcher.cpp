#include "net/HttpsFetcher.h"

#include <QNetworkAccessManager>
#include <QSet>

#include "net/XmlDocument.h"

namespace oa::net {
namespace {

HttpsOutcome failure(Error error) {
    return HttpsOutcome{Result<HttpsResponse>(std::move(error)), ServerFailure::Other};
}

}  // namespace

HttpsFetcher::HttpsFetcher(QSslConfiguration tls, HttpsFetchLimits limits, TlsServerCheck check)
    : manager_(std::make_unique<QNetworkAccessManager>()), maxRedirects_(limits.maxRedirects) {
    manager_->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    manager_->setStrictTransportSecurityEnabled(false);
    settings_.tls = std::move(tls);
    settings_.timeouts = limits.timeouts;
    settings_.maxBodyBytes = limits.maxBodyBytes;
    settings_.check = check;
}

HttpsFetcher::~HttpsFetcher() = default;

HttpsOutcome HttpsFetcher::fetch(const QUrl& url, bool followRedirects,
                                 const QList<QPair<QByteArray, QByteArray>>& headers) {
    QList<QSslCertificate> certificates;
    QSet<QUrl> visited;
    QUrl current = url;
    for (int hop = 0;; ++hop) {
        visited.insert(current);
        HttpsOutcome outcome =
            HttpsExchange::run(*manager_, {"GET", current, headers, {}}, settings_);
        if (!outcome.result) return outcome;
        HttpsResponse& response = outcome.result.value();
        certificates += response.certificates;
        response.certificates = certificates;
        if (!followRedirects || !isFollowedRedirect(response.status)) return outcome;

        auto next = redirectTarget(response);
        if (!next) return failure(next.error());
        const std::string host = current.host().toStdString();
        if (visited.contains(*next))
            return failure(makeError(ErrorCode::InvalidInput,
                                     "The server " + host + " redirects in a loop.",
                                     "redirect loop back to " + logExcerpt(next->toString())));
        if (hop >= maxRedirects_)
            return failure(makeError(ErrorCode::InvalidInput,
                                     "The server " + host + " redirects too often.",
                                     "more than " + std::to_string(maxRedirects_) + " redirects"));
        current = *next;
    }
}

HttpsOutcome HttpsFetcher::handshake(const QUrl& url) {
    HttpsExchange::Settings settings = settings_;
    settings.handshakeOnly = true;
    return HttpsExchange::run(*manager_, {"GET", url, {}, {}}, settings);
}

Result<QUrl> HttpsFetcher::redirectTarget(const HttpsResponse& response) const {
    const std::string host = response.url.host().toStdString();
    const QByteArray location = response.header("Location");
    const QUrl relative = QUrl(QString::fromUtf8(location), QUrl::StrictMode);
    if (location.isEmpty() || !relative.isValid())
        return makeError(ErrorCode::InvalidInput,
                         "The server " + host + " sent an invalid redirect.",
                         "Location '" + logExcerpt(QString::fromUtf8(location)) +
                             "' after status " + std::to_string(response.status));
    const QUrl target = response.url.resolved(relative);
    if (target.scheme() != QLatin1String("https"))
        return makeError(ErrorCode::InvalidInput,
                         "The server " + host + " redirects to an address that is not secure.",
                         "redirect to scheme '" + target.scheme().toStdString() +
                             "': " + logExcerpt(target.toString()));
    return target;
}

}  // namespace oa::net
