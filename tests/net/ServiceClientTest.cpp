// ServiceClient: only repeat-safe requests are repeated, waits are counted down in seconds and can
// be cancelled, Retry-After is a floor with jitter on top, the budget holds requests back.
#include <catch2/catch.hpp>

#include "net/ServiceClient.h"

using namespace oa;
using namespace oa::net;
using namespace std::chrono_literals;

namespace {

HttpsOutcome answer(int status, QByteArray retryAfter = {}) {
    HttpsResponse response;
    response.status = status;
    if (!retryAfter.isEmpty())
        response.headers.append(qMakePair(QByteArray("Retry-After"), retryAfter));
    response.body = "{}";
    return HttpsOutcome{std::move(response), ServerFailure::None};
}

HttpsOutcome refused() {
    return HttpsOutcome{makeError(ErrorCode::Network, "refused", "ConnectionRefusedError"),
                        ServerFailure::Refused};
}

struct Recorder {
    std::vector<std::chrono::milliseconds> slept;
    std::shared_ptr<RetryPolicy> policy(RetrySettings settings, double random = 0.5) {
        return std::make_shared<RetryPolicy>(
            settings, [random] { return random; },
            [this](std::chrono::milliseconds delay) { slept.push_back(delay); });
    }
    std::chrono::milliseconds total() const {
        std::chrono::milliseconds sum{0};
        for (auto d : slept)
            sum += d;
        return sum;
    }
};

HttpsExchange::Request post() {
    HttpsExchange::Request request;
    request.method = "POST";
    request.url = QUrl("https://letters.example/order");
    return request;
}

}  // namespace

TEST_CASE("Service client: 503s are retried with growing full-jitter waits, then it gives up",
          "[serviceclient]") {
    Recorder recorder;
    int calls = 0;
    ServiceClient client(
        [&](const HttpsExchange::Request&) {
            ++calls;
            return answer(503);
        },
        recorder.policy({4, 1000ms, 8000ms, 30000ms, false}), nullptr);
    std::vector<int> countdown;
    ServiceCallObserver observer;
    observer.countdown = [&](int seconds, ServerFailure why) {
        countdown.push_back(seconds);
        CHECK(why == ServerFailure::Overloaded);
    };
    auto result = client.send(post(), Repeatable::Yes, observer);
    REQUIRE_FALSE(result);
    CHECK(calls == 4);
    CHECK(client.requestsSent() == 4);
    CHECK(client.lastFailure() == ServerFailure::Overloaded);
    // Half of 1 s, 2 s, 4 s (random 0.5), in one-second slices.
    CHECK(recorder.total() == 3500ms);
    CHECK(countdown == std::vector<int>{1, 1, 2, 1});
    CHECK(result.error().detail.find("attempt 4 of 4") != std::string::npos);
}

TEST_CASE("Service client: a POST without idempotency is never repeated", "[serviceclient]") {
    Recorder recorder;
    int calls = 0;
    ServiceClient client(
        [&](const HttpsExchange::Request&) {
            ++calls;
            return refused();
        },
        recorder.policy({}), nullptr);
    CHECK_FALSE(client.send(post(), Repeatable::No));
    CHECK(calls == 1);
    CHECK(recorder.slept.empty());
}

TEST_CASE("Service client: Retry-After is waited for, with jitter on top, and capped",
          "[serviceclient]") {
    Recorder recorder;
    std::vector<HttpsOutcome> script;
    int calls = 0;
    ServiceClient client(
        [&](const HttpsExchange::Request&) {
            return ++calls == 1 ? answer(429, "3") : answer(201);
        },
        recorder.policy({4, 1000ms, 8000ms, 30000ms, true}), nullptr);
    auto result = client.send(post(), Repeatable::Yes);
    REQUIRE(result);
    CHECK(result->status == 201);
    CHECK(recorder.total() == 3500ms);  // 3 s asked, plus half of the first backoff

    Recorder capped;
    ServiceClient impatient([&](const HttpsExchange::Request&) { return answer(503, "3600"); },
                            capped.policy({4, 1000ms, 8000ms, 30000ms, true}), nullptr);
    auto refusedWait = impatient.send(post(), Repeatable::Yes);
    REQUIRE_FALSE(refusedWait);
    CHECK(capped.slept.empty());
    CHECK(refusedWait.error().detail.find("longer than allowed") != std::string::npos);
}

TEST_CASE("Service client: cancel ends a wait before the next try", "[serviceclient]") {
    Recorder recorder;
    int calls = 0;
    ServiceClient client(
        [&](const HttpsExchange::Request&) {
            ++calls;
            return answer(503, "20");
        },
        recorder.policy({4, 1000ms, 8000ms, 30000ms, false}), nullptr);
    ServiceCallObserver observer;
    observer.cancelled = [&] { return recorder.slept.size() >= 3; };
    auto result = client.send(post(), Repeatable::Yes, observer);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::Cancelled);
    CHECK(calls == 1);
    CHECK(recorder.slept.size() == 3);
}

TEST_CASE("Service client: a spent budget holds the next request back, counted down",
          "[serviceclient]") {
    Recorder recorder;
    auto now = std::chrono::steady_clock::time_point{};
    auto budget = std::make_shared<RequestBudget>(6, 1, [&now] { return now; });
    auto policy = std::make_shared<RetryPolicy>(
        RetrySettings{}, [] { return 0.0; },
        [&](std::chrono::milliseconds delay) {
            recorder.slept.push_back(delay);
            now += delay;
        });
    ServiceClient client([](const HttpsExchange::Request&) { return answer(200); }, policy, budget);
    std::vector<ServerFailure> reasons;
    ServiceCallObserver observer;
    observer.countdown = [&](int, ServerFailure why) { reasons.push_back(why); };
    REQUIRE(client.send(post(), Repeatable::Yes, observer));
    CHECK(recorder.slept.empty());
    REQUIRE(client.send(post(), Repeatable::Yes, observer));
    CHECK(recorder.total() == 10000ms);
    CHECK(reasons.size() == 10);
    CHECK(reasons.front() == ServerFailure::None);
}

TEST_CASE("Service client: a dropped connection is repeated only for repeat-safe requests",
          "[serviceclient]") {
    Recorder recorder;
    int calls = 0;
    const auto dropped = [] {
        return HttpsOutcome{
            makeError(ErrorCode::Network, "The server letters.example closed the connection.",
                      "RemoteHostClosedError"),
            ServerFailure::Other};
    };
    ServiceClient client(
        [&](const HttpsExchange::Request&) { return ++calls == 1 ? dropped() : answer(200); },
        recorder.policy({}), nullptr);
    CHECK(client.send(post(), Repeatable::Yes));
    CHECK(calls == 2);
    calls = 0;
    CHECK_FALSE(client.send(post(), Repeatable::No));
    CHECK(calls == 1);
}
