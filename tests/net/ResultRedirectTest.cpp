#include <catch2/catch.hpp>

#include "net/RefreshAddress.h"

using namespace oa;
using namespace oa::net;

namespace {

QString appended(const char* address, const BrowserResult& result) {
    return withResult(QUrl(QString::fromUtf8(address), QUrl::StrictMode), result)
        .toString(QUrl::FullyEncoded);
}

const BrowserResult kCancelled = BrowserResult::failure(BrowserResultMinor::CancellationByUser);

}  // namespace

TEST_CASE("Success appends ResultMajor=ok as the query when there is none") {
    CHECK(appended("https://service.example.org/refresh", BrowserResult::success()) ==
          "https://service.example.org/refresh?ResultMajor=ok");
    CHECK(appended("https://service.example.org", BrowserResult::success()) ==
          "https://service.example.org?ResultMajor=ok");
}

TEST_CASE("Results are appended to an existing query, keeping it byte for byte") {
    CHECK(appended("https://service.example.org/r?refID=12%2B3&x=a+b", BrowserResult::success()) ==
          "https://service.example.org/r?refID=12%2B3&x=a+b&ResultMajor=ok");
    CHECK(appended("https://service.example.org/r?refID=1", kCancelled) ==
          "https://service.example.org/r?refID=1&ResultMajor=error&ResultMinor=cancellationByUser");
}

TEST_CASE("An empty query or one ending in & gets no doubled separator") {
    CHECK(appended("https://service.example.org/r?", BrowserResult::success()) ==
          "https://service.example.org/r?ResultMajor=ok");
    CHECK(appended("https://service.example.org/r?a=1&", kCancelled) ==
          "https://service.example.org/r?a=1&ResultMajor=error&ResultMinor=cancellationByUser");
}

TEST_CASE("The fragment stays after the appended query") {
    CHECK(appended("https://service.example.org/r?a=1#done", BrowserResult::success()) ==
          "https://service.example.org/r?a=1&ResultMajor=ok#done");
    CHECK(appended("https://service.example.org/r#done",
                   BrowserResult::failure(BrowserResultMinor::ServerError)) ==
          "https://service.example.org/r?ResultMajor=error&ResultMinor=serverError#done");
}

TEST_CASE("Same origin tolerates an omitted default port and differing case") {
    CHECK(isSameOrigin(QUrl("https://Service.Example.org/a"),
                       QUrl("https://service.example.org:443/b")));
    CHECK(
        isSameOrigin(QUrl("http://service.example.org/"), QUrl("http://service.example.org:80/")));
    CHECK_FALSE(isSameOrigin(QUrl("https://service.example.org/"),
                             QUrl("https://service.example.org:8443/")));
    CHECK_FALSE(
        isSameOrigin(QUrl("https://service.example.org/"), QUrl("http://service.example.org/")));
    CHECK_FALSE(isSameOrigin(QUrl("https://service.example.org/"), QUrl("https://example.org/")));
    CHECK_FALSE(isSameOrigin(QUrl(), QUrl()));
}

TEST_CASE("The reference origin is the subjectURL, else the TC token URL") {
    const QUrl subject("https://service.example.org");
    const QUrl tokenUrl("https://eid.example.org/token");
    CHECK(refreshReferenceOrigin(subject, tokenUrl) == subject);
    CHECK(refreshReferenceOrigin(QUrl(), tokenUrl) == tokenUrl);
}

TEST_CASE("Refresh hops follow only 302, 303 and 307 to https") {
    const QUrl current("https://a.example.org/path/refresh?x=1");
    for (int status : {302, 303, 307}) {
        auto next = nextRefreshHop(current, status, "https://b.example.org/next");
        REQUIRE(next);
        CHECK(*next == QUrl("https://b.example.org/next"));
    }
    auto relative = nextRefreshHop(current, 303, "../other?y=2");
    REQUIRE(relative);
    CHECK(*relative == QUrl("https://a.example.org/other?y=2"));
    for (int status : {200, 301, 308, 404, 500})
        CHECK_FALSE(nextRefreshHop(current, status, "https://b.example.org/"));
}

TEST_CASE("Refresh hops to http, without Location or to a broken Location fail") {
    const QUrl current("https://a.example.org/refresh");
    const auto http = nextRefreshHop(current, 302, "http://b.example.org/");
    REQUIRE_FALSE(http);
    CHECK(http.error().code == ErrorCode::Network);
    CHECK_FALSE(nextRefreshHop(current, 302, ""));
    CHECK_FALSE(nextRefreshHop(current, 302, "https://exa mple.org/"));
    CHECK_FALSE(nextRefreshHop(current, 302, "//"));
}

TEST_CASE("A failed refresh goes to the CommunicationErrorAddress with communicationError") {
    const auto redirect = communicationErrorRedirect(QUrl("https://service.example.org/error?s=1"));
    REQUIRE(redirect);
    CHECK(redirect->toString(QUrl::FullyEncoded) ==
          "https://service.example.org/error?s=1&ResultMajor=error&ResultMinor=communicationError");
    CHECK_FALSE(communicationErrorRedirect(std::nullopt));
    CHECK_FALSE(communicationErrorRedirect(QUrl()));
}
