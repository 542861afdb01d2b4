#pragma once

#include <QDateTime>
#include <QString>
#include <chrono>
#include <functional>
#include <optional>

#include "net/HttpsResponse.h"

namespace oa::net {

struct RetrySettings {
    int maxAttempts = 4;
    std::chrono::milliseconds baseDelay{500};
    std::chrono::milliseconds maxDelay{8000};
    // A server asking for a longer pause than this is not waited for: the user is told instead.
    std::chrono::milliseconds maxRetryAfter{30000};
    // Treat Retry-After as a minimum and add the backoff's full jitter on top, so that many
    // clients told the same pause do not all come back in the same second.
    bool jitterAfterRetryAfter = false;
};

// What one attempt's outcome means: stop with `final`, or wait `wait` and try again.
struct RetryDecision {
    std::optional<Result<HttpsResponse>> final;
    std::chrono::milliseconds wait{0};
    ServerFailure failure = ServerFailure::None;  // why another try is needed (or was refused)
};

// Whether a request may be sent again. PAOS messages never are: the card state has moved on.
enum class Repeatable { No, Yes };

// Bounded retries of requests that are safe to repeat (TC token fetch, refresh check) when the
// server is overloaded (503), rate limiting (429), refusing connections or too slow. Waits are
// exponential backoff with full jitter, or what Retry-After asks for (capped). Random source,
// sleeper and clock are injected so tests run without real waiting.
class RetryPolicy {
public:
    using Random = std::function<double()>;  // uniform in [0, 1)
    using Sleeper = std::function<void(std::chrono::milliseconds)>;
    using Clock = std::function<QDateTime()>;

    explicit RetryPolicy(RetrySettings settings = {}, Random random = systemRandom(),
                         Sleeper sleeper = eventLoopSleeper(), Clock clock = utcClock());

    // Full jitter: uniform in [0, min(maxDelay, baseDelay * 2^retry)), retry counted from 0.
    std::chrono::milliseconds backoff(int retry) const;

    // Runs attempt until it succeeds with a status other than 503/429, fails for a reason that
    // repeating cannot fix, or the attempts are used up. A final transient failure becomes an
    // error naming host in user words. `stop`, when given, is asked during the waits between the
    // tries (at least once a second): once it is true no further try starts, and the answer is
    // an ErrorCode::Cancelled error.
    Result<HttpsResponse> run(Repeatable repeatable, const QString& host,
                              const std::function<HttpsOutcome()>& attempt,
                              const std::function<bool()>& stop = {}) const;

    // The same decision run() takes after attempt `number` (from 1), for callers that wait in
    // their own way (a countdown the user sees, a cancel button, a request budget).
    RetryDecision decide(Repeatable repeatable, const QString& host, int number,
                         HttpsOutcome outcome) const;

    const RetrySettings& settings() const { return settings_; }
    void sleep(std::chrono::milliseconds delay) const { sleeper_(delay); }

    static Random systemRandom();
    // Waits in a local event loop, so the thread's other Qt objects keep running.
    static Sleeper eventLoopSleeper();
    static Clock utcClock();

private:
    // Sleeps `wait`, in steps so that `stop` is heard; false when it stopped the wait.
    bool pause(std::chrono::milliseconds wait, const std::function<bool()>& stop) const;

    RetrySettings settings_;
    Random random_;
    Sleeper sleeper_;
    Clock clock_;
};

}  // namespace oa::net
