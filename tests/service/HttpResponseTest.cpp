#include <catch2/catch.hpp>

#include "service/ErrorPage.h"
#include "service/HttpResponse.h"
#include "service/LoopbackHost.h"

using namespace oa::service;

TEST_CASE("Date header is an IMF-fixdate in GMT", "[response]") {
    CHECK(httpDate(0) == "Thu, 01 Jan 1970 00:00:00 GMT");
    CHECK(httpDate(1795000000) == "Wed, 18 Nov 2026 11:06:40 GMT");
}

TEST_CASE("Every response carries Date, Server, Content-Length and Connection", "[response]") {
    HttpResponse response;
    response.body = "hello";
    const std::string text = serialize(response, {"Test/1", true, false, 0});
    CHECK(text.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
    CHECK(text.find("Date: Thu, 01 Jan 1970 00:00:00 GMT\r\n") != std::string::npos);
    CHECK(text.find("Server: Test/1\r\n") != std::string::npos);
    CHECK(text.find("Content-Length: 5\r\n") != std::string::npos);
    CHECK(text.find("Connection: keep-alive\r\n") != std::string::npos);
    CHECK(text.substr(text.size() - 9) == "\r\n\r\nhello");
}

TEST_CASE("HEAD responses keep the length but drop the body; 204 has neither", "[response]") {
    HttpResponse response;
    response.body = "page";
    const std::string head = serialize(response, {"S", false, true, 0});
    CHECK(head.find("Content-Length: 4") != std::string::npos);
    CHECK(head.find("Connection: close") != std::string::npos);
    CHECK(head.substr(head.size() - 4) == "\r\n\r\n");
    response.status = 204;
    CHECK(serialize(response, {"S", true, false, 0}).find("Content-Length") == std::string::npos);
    CHECK(serializeInterim(102) == "HTTP/1.1 102 Processing\r\n\r\n");
}

TEST_CASE("A header value cannot inject header lines", "[response]") {
    HttpResponse response;
    response.status = 303;
    response.setHeader("Location", "https://a.example/\r\nSet-Cookie: x=1");
    const std::string text = serialize(response, {"S", false, false, 0});
    CHECK(text.find("\r\nSet-Cookie") == std::string::npos);
}

TEST_CASE("Error pages speak the browser's language and escape what they quote", "[response]") {
    const std::string german = "de-DE,de;q=0.9,en;q=0.8";
    const std::string english = "en-US,en;q=0.9,de;q=0.5";
    const std::string weighted = "fr, de;q=0.4, en;q=0.7";
    CHECK(preferredLanguage(&german) == PageLanguage::German);
    CHECK(preferredLanguage(&english) == PageLanguage::English);
    CHECK(preferredLanguage(&weighted) == PageLanguage::English);
    CHECK(preferredLanguage(nullptr) == PageLanguage::English);

    const HttpResponse page =
        errorPage(404, PageReason::UnknownRequest, PageLanguage::German, "GET /<script>");
    CHECK(page.body.find("Unbekannte Anfrage") != std::string::npos);
    CHECK(page.body.find("lang=\"de\"") != std::string::npos);
    CHECK(page.body.find("<script>") == std::string::npos);
    CHECK(page.body.find("&lt;script&gt;") != std::string::npos);
    CHECK(*page.header("Content-Type") == "text/html; charset=utf-8");
}

TEST_CASE("Only loopback names with our port pass the Host check", "[host]") {
    auto verdict = [](const char* host) {
        const std::string value = host;
        return checkHost(&value, 24727);
    };
    CHECK(verdict("127.0.0.1:24727") == HostVerdict::Accepted);
    CHECK(verdict("[::1]:24727") == HostVerdict::Accepted);
    CHECK(verdict("localhost:24727") == HostVerdict::Accepted);
    CHECK(verdict("LocalHost:24727") == HostVerdict::Accepted);
    CHECK(verdict("evil.example:24727") == HostVerdict::NotLoopback);
    CHECK(verdict("localhost.evil.example:24727") == HostVerdict::NotLoopback);
    CHECK(verdict("192.168.1.10:24727") == HostVerdict::NotLoopback);
    CHECK(verdict("127.1:24727") == HostVerdict::NotLoopback);
    CHECK(verdict("2130706433:24727") == HostVerdict::NotLoopback);
    CHECK(verdict("::1:24727") == HostVerdict::NotLoopback);
    CHECK(verdict("127.0.0.1:8080") == HostVerdict::WrongPort);
    CHECK(verdict("127.0.0.1") == HostVerdict::WrongPort);
    CHECK(verdict("127.0.0.1:") == HostVerdict::WrongPort);
    CHECK(verdict("127.0.0.1:024727") == HostVerdict::WrongPort);
    CHECK(checkHost(nullptr, 24727) == HostVerdict::Missing);
}
