// The per-service token bucket: a burst, then one request per 60/perMinute seconds, never more.
#include <catch2/catch.hpp>

#include "net/RequestBudget.h"

using namespace oa::net;
using namespace std::chrono_literals;

TEST_CASE("Request budget: a burst at once, then the refill rate, counted on its own clock",
          "[budget]") {
    auto now = std::chrono::steady_clock::time_point{} + 1000s;
    RequestBudget budget(6, 2, [&now] { return now; });
    CHECK(budget.reserve() == 0ms);
    CHECK(budget.reserve() == 0ms);
    CHECK(budget.reserve() == 10000ms);  // 6 per minute: one every 10 s
    now += 4s;
    CHECK(budget.reserve() == 6000ms);
    now += 6s;
    CHECK(budget.reserve() == 0ms);
    CHECK(budget.reserve() == 10000ms);
    now += 10min;  // idle time refills only up to the burst
    CHECK(budget.reserve() == 0ms);
    CHECK(budget.reserve() == 0ms);
    CHECK(budget.reserve() > 0ms);
}

TEST_CASE("Request budget: no more than burst + perMinute requests in any minute", "[budget]") {
    auto now = std::chrono::steady_clock::time_point{};
    RequestBudget budget(10, 3, [&now] { return now; });
    int sent = 0;
    for (auto end = now + 60s; now < end; now += 250ms)
        while (budget.reserve() == 0ms)
            ++sent;
    CHECK(sent <= 13);
    CHECK(sent >= 12);
}
