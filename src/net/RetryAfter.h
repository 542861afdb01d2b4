#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <chrono>
#include <optional>

namespace oa::net {

// The wait a Retry-After header asks for (RFC 9110 §10.2.3): delay-seconds or an IMF-fixdate
// HTTP-date relative to now (a date in the past means no wait). Anything else: nullopt.
std::optional<std::chrono::seconds> parseRetryAfter(QByteArrayView value, const QDateTime& now);

}  // namespace oa::net
