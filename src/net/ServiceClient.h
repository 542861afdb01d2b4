#pragma once

#include <QByteArray>
#include <QSslConfiguration>
#include <QUuid>
#include <atomic>
#include <functional>
#include <memory>

#include "net/HttpsExchange.h"
#include "net/RequestBudget.h"
#include "net/RetryPolicy.h"

class QNetworkAccessManager;

namespace oa::net {

// What a caller sees while a service request waits to be sent again, and how it stops it.
struct ServiceCallObserver {
    // Once per second of every wait: seconds until the next try, and why it waits
    // (ServerFailure::None: our own request budget is spent).
    std::function<void(int secondsLeft, ServerFailure why)> countdown;
    // Asked between waits; true ends the call with a Cancelled error.
    std::function<bool()> cancelled;
    // Before every try (numbered from 1).
    std::function<void(int attempt)> sending;
};

// Requests to a citizen-facing web service (the PIN letter service) over TLS: every try goes
// through the service's RequestBudget; only repeat-safe requests (GETs, and POSTs carrying an
// Idempotency-Key) are tried again, as the RetryPolicy decides; waits are counted down to the
// observer in one-second steps and can be cancelled. Lives on the thread that calls send().
class ServiceClient {
public:
    using Transport = std::function<HttpsOutcome(const HttpsExchange::Request&)>;

    ServiceClient(HttpsExchange::Settings exchange, std::shared_ptr<const RetryPolicy> retry,
                  std::shared_ptr<RequestBudget> budget);
    // Tests and the benchmark replace the network.
    ServiceClient(Transport transport, std::shared_ptr<const RetryPolicy> retry,
                  std::shared_ptr<RequestBudget> budget);
    ~ServiceClient();
    ServiceClient(const ServiceClient&) = delete;
    ServiceClient& operator=(const ServiceClient&) = delete;

    Result<HttpsResponse> send(const HttpsExchange::Request& request, Repeatable repeatable,
                               const ServiceCallObserver& observer = {});

    // Tries put on the wire so far.
    int requestsSent() const { return sent_; }
    // Why the last try of the last send() did not succeed (None if it did): transient failures
    // left over after the bounded tries mean "try later".
    ServerFailure lastFailure() const { return lastFailure_; }

    static QByteArray newIdempotencyKey() {
        return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    }

private:
    Result<void> wait(std::chrono::milliseconds delay, ServerFailure why,
                      const ServiceCallObserver& observer) const;
    HttpsOutcome attempt(const HttpsExchange::Request& request);

    HttpsExchange::Settings exchange_;
    Transport transport_;
    std::shared_ptr<const RetryPolicy> retry_;
    std::shared_ptr<RequestBudget> budget_;
    std::unique_ptr<QNetworkAccessManager> manager_;
    std::atomic<int> sent_{0};
    ServerFailure lastFailure_ = ServerFailure::None;
};

}  // namespace oa::net
