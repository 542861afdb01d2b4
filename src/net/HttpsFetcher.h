#pragma once

#include <QSslConfiguration>
#include <QUrl>
#include <memory>

#include "net/HttpsExchange.h"
#include "net/HttpsResponse.h"
#include "net/TlsServerCheck.h"

class QNetworkAccessManager;

namespace oa::net {

struct HttpsFetchLimits {
    HttpsTimeouts timeouts;
    int maxRedirects = 5;
    qint64 maxBodyBytes = 1 << 20;
};

// GET over TLS-1-2 (TC token, refresh address check). Redirects are followed only for 302, 303
// and 307 with an https Location (TR-03124-1 §2.5, test cases A2_06..A2_10), up to a bound; each
// hop's server certificate goes through the check before the request is sent and is listed in
// the response. A fresh connection pool per fetcher: nothing is reused from earlier sessions.
class HttpsFetcher {
public:
    explicit HttpsFetcher(QSslConfiguration tls, HttpsFetchLimits limits = {},
                          TlsServerCheck check = {});
    ~HttpsFetcher();
    HttpsFetcher(const HttpsFetcher&) = delete;
    HttpsFetcher& operator=(const HttpsFetcher&) = delete;

    // With followRedirects false a 3xx is returned as it is (the refresh address algorithm).
    HttpsOutcome fetch(const QUrl& url, bool followRedirects = true,
                       const QList<QPair<QByteArray, QByteArray>>& headers = {});
    Result<HttpsResponse> get(const QUrl& url) { return fetch(url).result; }
    // Only the TLS handshake and the server check, no HTTP request: the response has status 0
    // and the server certificate.
    HttpsOutcome handshake(const QUrl& url);

    // Asked before and while each request runs; true ends it with ErrorCode::Cancelled.
    void setCancelled(std::function<bool()> cancelled) {
        settings_.cancelled = std::move(cancelled);
    }

    static bool isFollowedRedirect(int status) {
        return status == 302 || status == 303 || status == 307;
    }

private:
    Result<QUrl> redirectTarget(const HttpsResponse& response) const;

    std::unique_ptr<QNetworkAccessManager> manager_;
    HttpsExchange::Settings settings_;
    int maxRedirects_;
};

}  // namespace oa::net
