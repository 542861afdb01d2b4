#include "net/RetryAfter.h"

#include <QLocale>

namespace oa::net {
namespace {

// A day is plenty: anything longer is treated like a day and is capped by the policy anyway.
constexpr qint64 kMaxSeconds = 24 * 60 * 60;

std::optional<std::chrono::seconds> delaySeconds(QByteArrayView text) {
    qint64 seconds = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        seconds = std::min<qint64>(seconds * 10 + (c - '0'), kMaxSeconds);
    }
    return std::chrono::seconds(seconds);
}

std::optional<std::chrono::seconds> httpDate(QByteArrayView text, const QDateTime& now) {
    // IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT"; the English names come from the C locale.
    if (text.size() != 29 || !text.endsWith(" GMT")) return std::nullopt;
    QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(text.first(25)),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!date.isValid()) return std::nullopt;
    date.setTimeSpec(Qt::UTC);
    const qint64 seconds = now.secsTo(date);
    return std::chrono::seconds(std::clamp<qint64>(seconds, 0, kMaxSeconds));
}

}  // namespace

std::optional<std::chrono::seconds> parseRetryAfter(QByteArrayView value, const QDateTime& now) {
    const QByteArrayView text = value.trimmed();
    if (text.isEmpty()) return std::nullopt;
    if (text.front() >= '0' && text.front() <= '9') return delaySeconds(text);
    return httpDate(text, now);
}

}  // namespace oa::net
