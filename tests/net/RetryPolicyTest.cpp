#include <catch2/catch.hpp>
#include <deque>
#include <vector>

#include "TestServers.h"
#include "net/HttpsFetcher.h"
#include "net/RetryAfter.h"
#include "net/RetryPolicy.h"
#include "net/TlsConfiguration.h"

using namespace oa;
using namespace oa::net;
using namespace oa::net::test;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 27), QTime(10, 0, 0), Qt::UTC);

struct FakeTime {
    std::vector<milliseconds> sleeps;
    std::deque<double> randoms;

    RetryPolicy policy(RetrySettings settings = {}) {
        return RetryPolicy(
            settings,
            [this] {
                const double value = randoms.empty() ? 0.5 : randoms.front();
                if (!randoms.empty()) randoms.pop_front();
                return value;
            },
            [this](milliseconds delay) { sleeps.push_back(delay); }, [] { return kNow; });
    }
};

HttpsOutcome status(int code, QList<QPair<QByteArray, QByteArray>> headers = {}) {
    HttpsResponse response;
    response.status = code;
    response.headers = std::move(headers);
    return HttpsOutcome{std::move(response), ServerFailure::None};
}

HttpsOutcome transport(ServerFailure failure) {
    return HttpsOutcome{Result<HttpsResponse>(makeError(ErrorCode::Network, "x", "transport")),
                        failure};
}

std::function<HttpsOutcome()> script(std::deque<HttpsOutcome>& outcomes, int& calls) {
    return [&] {
        ++calls;
        HttpsOutcome next = std::move(outcomes.front());
        outcomes.pop_front();
        return next;
    };
}

}  // namespace

TEST_CASE("Retry-After is read as seconds or as an HTTP date", "[retry]") {
    CHECK(parseRetryAfter("120", kNow) == std::chrono::seconds(120));
    CHECK(parseRetryAfter(" 0 ", kNow) == std::chrono::seconds(0));
    CHECK(parseRetryAfter("Fri, 27 Nov 2026 10:01:30 GMT", kNow) == std::chrono::seconds(90));
    CHECK(parseRetryAfter("Fri, 27 Nov 2026 09:00:00 GMT", kNow) == std::chrono::seconds(0));
    CHECK(parseRetryAfter("99999999999999999999", kNow) == std::chrono::seconds(86400));
    CHECK_FALSE(parseRetryAfter("", kNow));
    CHECK_FALSE(parseRetryAfter("-5", kNow));
    CHECK_FALSE(parseRetryAfter("12s", kNow));
    CHECK_FALSE(parseRetryAfter("Fri, 27 Nov 2026 10:01:30 CET", kNow));
    CHECK_FALSE(parseRetryAfter("Fri, 32 Nov 2026 10:01:30 GMT", kNow));
    CHECK_FALSE(parseRetryAfter("soon", kNow));
}

TEST_CASE("Backoff is exponential with full jitter and capped", "[retry]") {
    FakeTime time;
    RetrySettings settings;
    settings.baseDelay = 100ms;
    settings.maxDelay = 1000ms;
    time.randoms = {0.0, 0.5, 0.5, 0.5, 0.999, 0.5};
    const RetryPolicy policy = time.policy(settings);
    CHECK(policy.backoff(0) == 0ms);
    CHECK(policy.backoff(0) == 50ms);
    CHECK(policy.backoff(1) == 100ms);
    CHECK(policy.backoff(2) == 200ms);
    CHECK(policy.backoff(3) == 799ms);
    CHECK(policy.backoff(10) == 500ms);  // ceiling is maxDelay
}

TEST_CASE("503 with Retry-After is waited out and the request repeated", "[retry]") {
    FakeTime time;
    std::deque<HttpsOutcome> outcomes;
    outcomes.push_back(status(503, {{"Retry-After", "2"}}));
    outcomes.push_back(status(503, {{"Retry-After", "Fri, 27 Nov 2026 10:00:05 GMT"}}));
    outcomes.push_back(status(200));
    int calls = 0;
    const auto result =
        time.policy().run(Repeatable::Yes, "id.example.de", script(outcomes, calls));
    REQUIRE(result.ok());
    CHECK(result->status == 200);
    CHECK(calls == 3);
    CHECK(time.sleeps == std::vector<milliseconds>{2000ms, 5000ms});
}

TEST_CASE("429, refused connections and timeouts back off with jitter", "[retry]") {
    FakeTime time;
    time.randoms = {0.5, 0.5, 0.5};
    std::deque<HttpsOutcome> outcomes;
    outcomes.push_back(status(429));
    outcomes.push_back(transport(ServerFailure::Refused));
    outcomes.push_back(transport(ServerFailure::Timeout));
    outcomes.push_back(status(200));
    int calls = 0;
    const auto result =
        time.policy().run(Repeatable::Yes, "id.example.de", script(outcomes, calls));
    REQUIRE(result.ok());
    CHECK(calls == 4);
    CHECK(time.sleeps == std::vector<milliseconds>{250ms, 500ms, 1000ms});
}

TEST_CASE("An overloaded server that stays overloaded is named in the final error", "[retry]") {
    FakeTime time;
    std::deque<HttpsOutcome> outcomes(4, status(503));
    int calls = 0;
    const auto result =
        time.policy().run(Repeatable::Yes, "id.example.de", script(outcomes, calls));
    REQUIRE_FALSE(result.ok());
    CHECK(calls == 4);
    CHECK(time.sleeps.size() == 3);
    CHECK(result.error().message ==
          "The server id.example.de is overloaded; try again in a few minutes.");
    CHECK(result.error().detail.find("attempt 4 of 4") != std::string::npos);
}

TEST_CASE("A Retry-After beyond the cap is not waited for", "[retry]") {
    FakeTime time;
    std::deque<HttpsOutcome> outcomes;
    outcomes.push_back(status(429, {{"Retry-After", "3600"}}));
    int calls = 0;
    const auto result =
        time.policy().run(Repeatable::Yes, "id.example.de", script(outcomes, calls));
    REQUIRE_FALSE(result.ok());
    CHECK(calls == 1);
    CHECK(time.sleeps.empty());
    CHECK(result.error().message ==
          "The server id.example.de is receiving too many requests; try again in a few minutes.");
}

TEST_CASE("A request not safe to repeat is sent once", "[retry]") {
    FakeTime time;
    std::deque<HttpsOutcome> outcomes;
    outcomes.push_back(transport(ServerFailure::Timeout));
    int calls = 0;
    const auto result =
        time.policy().run(Repeatable::No, "eid.example.de", script(outcomes, calls));
    REQUIRE_FALSE(result.ok());
    CHECK(calls == 1);
    CHECK(time.sleeps.empty());
    CHECK(result.error().message ==
          "The server eid.example.de did not answer in time; try again later.");
}

TEST_CASE("Failures that repeating cannot fix are not retried", "[retry]") {
    FakeTime time;
    std::deque<HttpsOutcome> outcomes;
    outcomes.push_back(transport(ServerFailure::Other));
    int calls = 0;
    const auto failed = time.policy().run(Repeatable::Yes, "x.example", script(outcomes, calls));
    CHECK_FALSE(failed.ok());
    outcomes.push_back(status(404));
    const auto notFound = time.policy().run(Repeatable::Yes, "x.example", script(outcomes, calls));
    REQUIRE(notFound.ok());
    CHECK(notFound->status == 404);
    CHECK(calls == 2);
    CHECK(time.sleeps.empty());
}

TEST_CASE("A real server answering 503 then 200 is retried through the fetcher", "[retry]") {
    int served = 0;
    TestHttpsServer server(ServerIdentity::EcLocalhost, [&](const TestRequest&) {
        return ++served == 1 ? TestAnswer::http(503, "busy", {{"Retry-After", "0"}})
                             : TestAnswer::http(200, "token");
    });
    HttpsFetcher fetcher(TlsConfiguration::eServiceChannel({TestPki::instance().caCertificate()}));
    FakeTime time;
    const auto result = time.policy().run(Repeatable::Yes, server.url().host(),
                                          [&] { return fetcher.fetch(server.url()); });
    REQUIRE(result.ok());
    CHECK(result->body == "token");
    CHECK(served == 2);
    CHECK(time.sleeps == std::vector<milliseconds>{0ms});
}

TEST_CASE("A refused port is retried and then reported with the host", "[retry]") {
    HttpsFetcher fetcher(TlsConfiguration::eServiceChannel({TestPki::instance().caCertificate()}));
    const QUrl url("https://127.0.0.1:" + QString::number(closedPort()) + "/token");
    FakeTime time;
    RetrySettings settings;
    settings.maxAttempts = 3;
    int calls = 0;
    const auto result = time.policy(settings).run(Repeatable::Yes, url.host(), [&] {
        ++calls;
        return fetcher.fetch(url);
    });
    REQUIRE_FALSE(result.ok());
    CHECK(calls == 3);
    CHECK(time.sleeps.size() == 2);
    CHECK(result.error().message ==
          "The server 127.0.0.1 refused the connection; it may be down, try again later.");
}
