#include "net/RefreshAddress.h"

#include "net/XmlDocument.h"

namespace oa::net {
namespace {

int effectivePort(const QUrl& url) {
    if (url.scheme() == QLatin1String("https")) return url.port(443);
    if (url.scheme() == QLatin1String("http")) return url.port(80);
    return url.port();
}

Error refreshError(const std::string& detail) {
    return makeError(ErrorCode::Network, "The provider's return address could not be reached.",
                     detail);
}

}  // namespace

QUrl withResult(const QUrl& address, const BrowserResult& result) {
    QString query = address.query(QUrl::FullyEncoded);
    if (!query.isEmpty() && !query.endsWith(QLatin1Char('&'))) query += QLatin1Char('&');
    query += QStringLiteral("ResultMajor=");
    if (result.ok) {
        query += QStringLiteral("ok");
    } else {
        query += QStringLiteral("error&ResultMinor=") + toString(result.minor);
    }
    QUrl url = address;
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

bool isSameOrigin(const QUrl& a, const QUrl& b) {
    return a.isValid() && b.isValid() && !a.host().isEmpty() &&
           a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           effectivePort(a) == effectivePort(b);
}

QUrl refreshReferenceOrigin(const QUrl& subjectUrl, const QUrl& tcTokenUrl) {
    return subjectUrl.isValid() && !subjectUrl.isEmpty() ? subjectUrl : tcTokenUrl;
}

Result<QUrl> nextRefreshHop(const QUrl& current, int httpStatus, const QByteArray& location) {
    if (httpStatus != 302 && httpStatus != 303 && httpStatus != 307)
        return refreshError("HTTP status " + std::to_string(httpStatus) + " is not a redirect");
    const QUrl relative = QUrl::fromEncoded(location.trimmed(), QUrl::StrictMode);
    if (location.trimmed().isEmpty() || !relative.isValid())
        return refreshError("redirect without a valid Location");
    const QUrl next = current.resolved(relative);
    if (!isHttpsUrl(next))
        return refreshError("redirect to non-https " + logExcerpt(next.toString()));
    return next;
}

std::optional<QUrl> communicationErrorRedirect(
    const std::optional<QUrl>& communicationErrorAddress) {
    if (!communicationErrorAddress || !communicationErrorAddress->isValid() ||
        communicationErrorAddress->host().isEmpty())
        return std::nullopt;
    return withResult(*communicationErrorAddress,
                      BrowserResult::failure(BrowserResultMinor::CommunicationError));
}

bool isHttpsUrl(const QUrl& url) {
    return url.isValid() && url.scheme() == QLatin1String("https") && !url.host().isEmpty();
}

}  // namespace oa::net
