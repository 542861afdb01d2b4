#include "net/RetryPolicy.h"

#include <QEventLoop>
#include <QRandomGenerator>
#include <QTimer>
#include <algorithm>

#include "net/RetryAfter.h"

namespace oa::net {

using std::chrono::milliseconds;

RetryPolicy::RetryPolicy(RetrySettings settings, Random random, Sleeper sleeper, Clock clock)
    : settings_(settings),
      random_(std::move(random)),
      sleeper_(std::move(sleeper)),
      clock_(std::move(clock)) {}

milliseconds RetryPolicy::backoff(int retry) const {
    const int shift = std::clamp(retry, 0, 30);
    const long long ceiling = std::min<long long>(settings_.maxDelay.count(),
                                                  settings_.baseDelay.count() * (1LL << shift));
    const double fraction = std::clamp(random_(), 0.0, 1.0);
    return milliseconds(static_cast<long long>(fraction * static_cast<double>(ceiling)));
}

Result<HttpsResponse> RetryPolicy::run(Repeatable repeatable, const QString& host,
                                       const std::function<HttpsOutcome()>& attempt,
                                       const std::function<bool()>& stop) const {
    for (int number = 1;; ++number) {
        RetryDecision decision = decide(repeatable, host, number, attempt());
        if (decision.final) return std::move(*decision.final);
        if (!pause(decision.wait, stop))
            return makeError(ErrorCode::Cancelled, "The operation was cancelled.",
                             "stopped before retrying " + host.toStdString());
    }
}

bool RetryPolicy::pause(milliseconds wait, const std::function<bool()>& stop) const {
    if (!stop) {
        sleeper_(wait);
        return true;
    }
    constexpr milliseconds kStep{1000};
    for (milliseconds left = wait; left.count() > 0 && !stop(); left -= kStep)
        sleeper_(std::min(left, kStep));
    return !stop();
}

RetryDecision RetryPolicy::decide(Repeatable repeatable, const QString& host, int number,
                                  HttpsOutcome outcome) const {
    const int attempts = repeatable == Repeatable::Yes ? std::max(1, settings_.maxAttempts) : 1;
    RetryDecision decision;
    decision.failure = outcome.failure;
    std::optional<milliseconds> requested;
    std::string detail;
    if (outcome.result) {
        decision.failure = serverFailureForStatus(outcome.result->status);
        if (decision.failure == ServerFailure::None) {
            decision.final = std::move(outcome.result);
            return decision;
        }
        detail = "HTTP status " + std::to_string(outcome.result->status);
        const QByteArray retryAfter = outcome.result->header("Retry-After");
        if (auto wait = parseRetryAfter(retryAfter, clock_())) {
            requested = *wait;
            detail += ", Retry-After " + retryAfter.toStdString();
        }
    } else {
        if (!isTransient(decision.failure)) {
            decision.final = std::move(outcome.result);
            return decision;
        }
        detail = outcome.result.error().detail;
    }
    detail += " (attempt " + std::to_string(number) + " of " + std::to_string(attempts) + ")";
    if (number >= attempts) {
        decision.final = serverFailureError(decision.failure, host, detail);
    } else if (requested && *requested > settings_.maxRetryAfter) {
        decision.final = serverFailureError(decision.failure, host,
                                            detail + "; asked to wait longer than allowed");
    } else if (requested) {
        decision.wait =
            *requested + (settings_.jitterAfterRetryAfter ? backoff(number - 1) : milliseconds(0));
    } else {
        decision.wait = backoff(number - 1);
    }
    return decision;
}

RetryPolicy::Random RetryPolicy::systemRandom() {
    return [] { return QRandomGenerator::global()->generateDouble(); };
}

RetryPolicy::Sleeper RetryPolicy::eventLoopSleeper() {
    return [](milliseconds delay) {
        QEventLoop loop;
        QTimer::singleShot(delay, &loop, &QEventLoop::quit);
        loop.exec();
    };
}

RetryPolicy::Clock RetryPolicy::utcClock() {
    return [] { return QDateTime::currentDateTimeUtc(); };
}

}  // namespace oa::net
