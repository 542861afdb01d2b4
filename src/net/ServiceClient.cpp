#include "net/ServiceClient.h"

#include <QNetworkAccessManager>
#include <algorithm>

namespace oa::net {

using std::chrono::milliseconds;

ServiceClient::ServiceClient(HttpsExchange::Settings exchange,
                             std::shared_ptr<const RetryPolicy> retry,
                             std::shared_ptr<RequestBudget> budget)
    : exchange_(std::move(exchange)), retry_(std::move(retry)), budget_(std::move(budget)) {}

ServiceClient::ServiceClient(Transport transport, std::shared_ptr<const RetryPolicy> retry,
                             std::shared_ptr<RequestBudget> budget)
    : transport_(std::move(transport)), retry_(std::move(retry)), budget_(std::move(budget)) {}

ServiceClient::~ServiceClient() = default;

HttpsOutcome ServiceClient::attempt(const HttpsExchange::Request& request) {
    ++sent_;
    if (transport_) return transport_(request);
    if (!manager_) manager_ = std::make_unique<QNetworkAccessManager>();
    return HttpsExchange::run(*manager_, request, exchange_);
}

Result<void> ServiceClient::wait(milliseconds delay, ServerFailure why,
                                 const ServiceCallObserver& observer) const {
    while (delay.count() > 0) {
        if (observer.cancelled && observer.cancelled())
            return makeError(ErrorCode::Cancelled, "Cancelled", "while waiting to try again");
        if (observer.countdown)
            observer.countdown(static_cast<int>((delay.count() + 999) / 1000), why);
        const milliseconds slice = std::min(delay, milliseconds(1000));
        retry_->sleep(slice);
        delay -= slice;
    }
    if (observer.cancelled && observer.cancelled())
        return makeError(ErrorCode::Cancelled, "Cancelled", "before the request was sent");
    return {};
}

Result<HttpsResponse> ServiceClient::send(const HttpsExchange::Request& request,
                                          Repeatable repeatable,
                                          const ServiceCallObserver& observer) {
    const QString host = request.url.host();
    lastFailure_ = ServerFailure::None;
    for (int number = 1;; ++number) {
        if (budget_) {
            for (milliseconds pause = budget_->reserve(); pause.count() > 0;
                 pause = budget_->reserve())
                if (auto waited = wait(pause, ServerFailure::None, observer); !waited)
                    return waited.error();
        }
        if (observer.sending) observer.sending(number);
        HttpsOutcome outcome = attempt(request);
        // A connection that broke after the request went out: the service recognises a repeat by
        // its idempotency key, so for repeat-safe requests this is just another transient failure.
        if (repeatable == Repeatable::Yes && !outcome.result &&
            outcome.failure == ServerFailure::Other &&
            outcome.result.error().code == ErrorCode::Network &&
            outcome.result.error().message.find("closed the connection") != std::string::npos)
            outcome.failure = ServerFailure::Timeout;
        RetryDecision decision = retry_->decide(repeatable, host, number, std::move(outcome));
        lastFailure_ = decision.failure;
        if (decision.final) return std::move(*decision.final);
        if (auto waited = wait(decision.wait, decision.failure, observer); !waited)
            return waited.error();
    }
}

}  // namespace oa::net
