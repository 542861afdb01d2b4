#include <catch2/catch.hpp>
#include <string>

#include "service/HttpRequestParser.h"

using oa::service::HttpLimits;
using oa::service::HttpRequestParser;
using State = HttpRequestParser::State;

namespace {

std::string request(const std::string& target, const std::string& headers = "Host: h\r\n") {
    return "GET " + target + " HTTP/1.1\r\n" + headers + "\r\n";
}

std::string headerLines(int count, std::size_t valueSize = 1) {
    std::string lines;
    for (int i = 0; i < count; ++i)
        lines += "X-" + std::to_string(i) + ": " + std::string(valueSize, 'v') + "\r\n";
    return lines;
}

}  // namespace

TEST_CASE("Parser reads method, target, version and headers of a GET", "[parser]") {
    HttpRequestParser parser;
    const std::string bytes =
        request("/eID-Client?Status", "Host: 127.0.0.1:24727\r\nAccept: */*\r\n");
    REQUIRE(parser.feed(bytes) == bytes.size());
    REQUIRE(parser.state() == State::Complete);
    const auto& r = parser.request();
    CHECK(r.method == "GET");
    CHECK(r.target == "/eID-Client?Status");
    CHECK(r.path() == "/eID-Client");
    CHECK(r.query() == "Status");
    CHECK(r.keepAlive);
    CHECK(r.atLeastHttp11());
    REQUIRE(r.header("host"));
    CHECK(*r.header("HOST") == "127.0.0.1:24727");
    CHECK(r.header("Cookie") == nullptr);
}

TEST_CASE("Parser stops at the end of a request so the next pipelined one stays unread",
          "[parser]") {
    HttpRequestParser parser;
    const std::string first = request("/a");
    const std::string both = first + request("/b");
    CHECK(parser.feed(both) == first.size());
    CHECK(parser.request().target == "/a");
    parser.reset();
    CHECK(parser.feed(std::string_view(both).substr(first.size())) == both.size() - first.size());
    CHECK(parser.request().target == "/b");
}

TEST_CASE("Parser assembles a request that arrives one byte at a time", "[parser]") {
    HttpRequestParser parser;
    const std::string bytes =
        request("/eID-Client?ShowUI=Settings", "Host: localhost:1\r\nX: y\r\n");
    for (char c : bytes) {
        CHECK(parser.state() != State::Complete);
        REQUIRE(parser.feed(std::string_view(&c, 1)) == 1);
    }
    CHECK(parser.state() == State::Complete);
    CHECK(parser.request().headers.size() == 2);
}

TEST_CASE("Parser accepts a target of exactly the limit and refuses one byte more with 414",
          "[parser][limits]") {
    const HttpLimits limits;
    HttpRequestParser atLimit;
    atLimit.feed(request("/" + std::string(limits.maxTargetBytes - 1, 'a')));
    CHECK(atLimit.state() == State::Complete);
    HttpRequestParser over;
    over.feed(request("/" + std::string(limits.maxTargetBytes, 'a')));
    CHECK(over.state() == State::Failed);
    CHECK(over.failureStatus() == 414);
}

TEST_CASE("Parser refuses more than 64 header lines with 431", "[parser][limits]") {
    HttpRequestParser sixtyFour;
    sixtyFour.feed(request("/", headerLines(64)));
    CHECK(sixtyFour.state() == State::Complete);
    HttpRequestParser sixtyFive;
    sixtyFive.feed(request("/", headerLines(65)));
    CHECK(sixtyFive.state() == State::Failed);
    CHECK(sixtyFive.failureStatus() == 431);
}

TEST_CASE("Parser refuses header lines beyond 16 KiB with 431", "[parser][limits]") {
    HttpRequestParser parser;
    parser.feed(request("/", headerLines(1, 17 * 1024)));
    CHECK(parser.state() == State::Failed);
    CHECK(parser.failureStatus() == 431);
    HttpRequestParser many;
    many.feed(request("/", headerLines(40, 500)));
    CHECK(many.failureStatus() == 431);
}

TEST_CASE("Parser refuses bodies beyond the limit, declared or chunked, with 413",
          "[parser][limits]") {
    HttpRequestParser declared;
    declared.feed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 999999\r\n\r\n");
    CHECK(declared.state() == State::Failed);
    CHECK(declared.failureStatus() == 413);

    HttpRequestParser chunked;
    std::string bytes = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 20; ++i)
        bytes += "400\r\n" + std::string(1024, 'x') + "\r\n";
    chunked.feed(bytes);
    CHECK(chunked.failureStatus() == 413);

    HttpRequestParser small;
    small.feed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc");
    CHECK(small.state() == State::Complete);
    CHECK(small.request().body == "abc");
}

TEST_CASE("Parser answers garbage with 400 and unknown methods with 501", "[parser]") {
    HttpRequestParser garbage;
    garbage.feed("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03");
    CHECK(garbage.state() == State::Failed);
    CHECK(garbage.failureStatus() == 400);
    HttpRequestParser method;
    method.feed("BREW /pot HTTP/1.1\r\n\r\n");
    CHECK(method.failureStatus() == 501);
    HttpRequestParser header;
    header.feed("GET / HTTP/1.1\r\nBad Header\r\n\r\n");
    CHECK(header.failureStatus() == 400);
}

TEST_CASE("Parser marks HTTP/1.0 requests as closing and upgrade requests as upgrades",
          "[parser]") {
    HttpRequestParser old;
    old.feed("GET / HTTP/1.0\r\n\r\n");
    CHECK(old.state() == State::Complete);
    CHECK_FALSE(old.request().keepAlive);
    CHECK_FALSE(old.request().atLeastHttp11());
    HttpRequestParser upgrade;
    upgrade.feed(
        request("/eID-Kernel", "Host: h\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"));
    CHECK(upgrade.state() == State::Complete);
    CHECK(upgrade.request().upgrade);
}
