#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <catch2/catch.hpp>

#include "Harness.h"

using namespace oa::service;
using namespace oa::service::test;

TEST_CASE("?Status answers the keys web pages look for, as text", "[endpoint]") {
    Harness h;
    const auto response = roundTrip(h.port, h.get("/eID-Client?Status"));
    REQUIRE(response);
    CHECK(response->status == 200);
    CHECK(response->header("content-type") == "text/plain; charset=utf-8");
    for (const char* key :
         {"Name: OpenAusweis\n", "Implementation-Title: OpenAusweis\n", "Implementation-Vendor: ",
          "Implementation-Version: ", "Specification-Title: TR-03124-1\n",
          "Specification-Vendor: Federal Office for Information Security\n",
          "Specification-Version: 1.4\n"})
        CHECK(response->body.find(key) != std::string::npos);
    CHECK(response->header("server").rfind("OpenAusweis/", 0) == 0);
    CHECK(response->header("server").find("(TR-03124-1/1.4)") != std::string::npos);
    CHECK(response->header("date").find(" GMT") != std::string::npos);
    CHECK(response->header("content-length") == std::to_string(response->body.size()));
    CHECK(response->header("connection") == "keep-alive");
    CHECK(response->header("access-control-allow-origin") == "*");
    CHECK(response->header("access-control-allow-private-network") == "true");
}

TEST_CASE("?Status=json answers the same keys as a JSON object", "[endpoint]") {
    Harness h;
    const auto response = roundTrip(h.port, h.get("/eID-Client?Status=json"));
    REQUIRE(response);
    CHECK(response->status == 200);
    CHECK(response->header("content-type") == "application/json");
    const QJsonObject json =
        QJsonDocument::fromJson(QByteArray::fromStdString(response->body)).object();
    CHECK(json.value("Name").toString() == "OpenAusweis");
    CHECK(json.value("Implementation-Title").toString() == "OpenAusweis");
    CHECK(json.value("Specification-Title").toString() == "TR-03124-1");
    CHECK(json.value("Specification-Version").toString() == "1.4");
    CHECK(json.size() == 7);
}

TEST_CASE("Query keys match case-insensitively and the first known key wins", "[endpoint]") {
    Harness h;
    QSignalSpy showUi(&h.endpoint, &EidClientEndpoint::showUiRequested);
    const auto upper = roundTrip(h.port, h.get("/eID-Client?STATUS"));
    REQUIRE(upper);
    CHECK(upper->body.find("Name: OpenAusweis") != std::string::npos);

    const auto first = roundTrip(h.port, h.get("/eID-Client?foo=1&showui=Settings&Status=json"));
    REQUIRE(first);
    CHECK(first->status == 200);
    CHECK(first->body.empty());
    REQUIRE(showUi.size() == 1);
    CHECK(showUi.at(0).at(0).toString() == "SETTINGS");
    CHECK(h.activation.started == 0);
}

TEST_CASE("?ShowUI raises the named screen; unknown or empty names the default one", "[endpoint]") {
    Harness h;
    QSignalSpy showUi(&h.endpoint, &EidClientEndpoint::showUiRequested);
    for (const char* query : {"ShowUI=PINManagement", "ShowUI=self-authentication",
                              "ShowUI=", "ShowUI", "ShowUI=nonsense"}) {
        const auto response = roundTrip(
            h.port, h.get(std::string("/eID-Client?") + query, "User-Agent: Probe/1\r\n"));
        REQUIRE(response);
        CHECK(response->status == 200);
    }
    REQUIRE(showUi.size() == 5);
    CHECK(showUi.at(0).at(0).toString() == "PINMANAGEMENT");
    CHECK(showUi.at(1).at(0).toString() == "SELF_AUTHENTICATION");
    CHECK(showUi.at(2).at(0).toString() == "DEFAULT");
    CHECK(showUi.at(3).at(0).toString() == "DEFAULT");
    CHECK(showUi.at(4).at(0).toString() == "DEFAULT");
    CHECK(showUi.at(0).at(1).toString() == "Probe/1");
}

TEST_CASE("OPTIONS and HEAD answer the CORS and Private-Network-Access pre-flight", "[endpoint]") {
    Harness h;
    for (const char* method : {"OPTIONS", "HEAD"}) {
        const auto response = roundTrip(
            h.port, std::string(method) + " /eID-Client?Status HTTP/1.1\r\nHost: 127.0.0.1:" +
                        std::to_string(h.port) +
                        "\r\nOrigin: https://shop.example\r\n"
                        "Access-Control-Request-Private-Network: true\r\n\r\n");
        REQUIRE(response);
        CHECK(response->status == 204);
        CHECK(response->header("access-control-allow-origin") == "*");
        CHECK(response->header("access-control-allow-private-network") == "true");
        CHECK(response->header("access-control-allow-methods").find("GET") != std::string::npos);
        CHECK(response->body.empty());
    }
}

TEST_CASE("Other paths, methods and queries get a readable 404", "[endpoint]") {
    Harness h;
    for (const std::string& request :
         {h.get("/"), h.get("/eID-Client"), h.get("/eID-Client?foo=bar"),
          h.get("/eid-client?Status"), h.get("/eID-Client/?Status"), h.get("/eID-Kernel"),
          "POST /eID-Client?Status HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(h.port) +
              "\r\nContent-Length: 0\r\n\r\n"}) {
        const auto response = roundTrip(h.port, request);
        REQUIRE(response);
        CHECK(response->status == 404);
        CHECK(response->header("content-type") == "text/html; charset=utf-8");
        CHECK(response->body.find("Unknown request") != std::string::npos);
    }
    const auto german = roundTrip(h.port, h.get("/x", "Accept-Language: de-DE,de;q=0.9\r\n"));
    REQUIRE(german);
    CHECK(german->body.find("Unbekannte Anfrage") != std::string::npos);
}

TEST_CASE("A missing or non-https tcTokenURL is refused with 400 before any workflow starts",
          "[endpoint][activation]") {
    Harness h;
    for (const char* query :
         {"tcTokenURL", "tcTokenURL=", "tcTokenURL=http%3A%2F%2Fshop.example%2Ftoken",
          "tcTokenURL=nonsense", "tcTokenURL=https%3A%2F%2F"}) {
        const auto response = roundTrip(
            h.port, h.get(std::string("/eID-Client?") + query, "Accept-Language: de\r\n"));
        REQUIRE(response);
        CHECK(response->status == 400);
        CHECK(response->body.find("Authentisierung kann nicht gestartet werden") !=
              std::string::npos);
        CHECK(response->header("connection") == "close");
    }
    CHECK(h.activation.started == 0);
}

TEST_CASE("An activation holds the browser, sends 102 Processing and ends with 303 See Other",
          "[endpoint][activation]") {
    Harness h;
    TestClient browser(h.port);
    REQUIRE(browser.isConnected());
    browser.send(h.get("/eID-Client?tcTokenURL=https%3A%2F%2Fshop.example%2Ftoken%3Fid%3D1"));
    const auto interim = browser.next();
    REQUIRE(interim);
    CHECK(interim->status == 102);
    REQUIRE(waitUntil([&] { return h.activation.started == 1; }));
    CHECK(h.activation.lastUrl == QUrl("https://shop.example/token?id=1"));
    CHECK(h.endpoint.activationRunning());

    h.activation.finish(
        ActivationOutcome::redirectTo(QUrl("https://shop.example/done?ResultMajor=ok")));
    const auto response = browser.next();
    REQUIRE(response);
    CHECK(response->status == 303);
    CHECK(response->header("location") == "https://shop.example/done?ResultMajor=ok");
    CHECK(response->header("connection") == "close");
    CHECK(response->header("cache-control") == "no-cache, no-store");
    CHECK(response->header("pragma") == "no-cache");
    CHECK(browser.waitClosed());
    CHECK_FALSE(h.endpoint.activationRunning());
    CHECK(h.activation.cancelled == 0);
}

TEST_CASE(
    "A workflow error becomes its status page: 404 no TC token, 400 no redirect, 409 busy, "
    "500",
    "[endpoint][activation]") {
    Harness h;
    const std::string target = "/eID-Client?tcTokenURL=https%3A%2F%2Fshop.example%2Ft";
    for (const int status : {404, 400, 409, 500, 418}) {
        TestClient browser(h.port);
        REQUIRE(browser.isConnected());
        browser.send(h.get(target));
        REQUIRE(browser.next());  // 102
        h.activation.finish(ActivationOutcome::error(status, "Server said <no>"));
        const auto response = browser.next();
        REQUIRE(response);
        CHECK(response->status == (status == 418 ? 500 : status));
        CHECK(response->body.find("Server said &lt;no&gt;") != std::string::npos);
        CHECK(response->header("connection") == "close");
        // Busy (an SDK client or a window workflow holds the card): the page offers to try again.
        CHECK((response->body.find("href=\"" + target + "\"") != std::string::npos) ==
              (status == 409));
    }
}

TEST_CASE("A second activation during a running one gets 409 and the first still completes",
          "[endpoint][activation]") {
    Harness h;
    TestClient first(h.port);
    REQUIRE(first.isConnected());
    first.send(h.get("/eID-Client?tcTokenURL=https%3A%2F%2Fshop.example%2Fone"));
    REQUIRE(first.next());  // 102

    const std::string second = "/eID-Client?tcTokenURL=https%3A%2F%2Fother.example%2Ftwo";
    const auto busy = roundTrip(h.port, h.get(second));
    REQUIRE(busy);
    CHECK(busy->status == 409);
    CHECK(busy->body.find("already in progress") != std::string::npos);
    CHECK(busy->body.find("href=\"" + second + "\"") != std::string::npos);
    CHECK(busy->body.find("Try again") != std::string::npos);
    CHECK(h.activation.started == 1);

    h.activation.finish(
        ActivationOutcome::redirectTo(QUrl("https://shop.example/r?ResultMajor=ok")));
    const auto done = first.next();
    REQUIRE(done);
    CHECK(done->status == 303);

    TestClient third(h.port);
    REQUIRE(third.isConnected());
    third.send(h.get(second));
    const auto interim = third.next();
    REQUIRE(interim);
    CHECK(interim->status == 102);
    CHECK(h.activation.started == 2);
    h.activation.finish(ActivationOutcome::error(500));
}

TEST_CASE("The browser leaving mid-flow cancels the workflow and frees the endpoint",
          "[endpoint][activation]") {
    Harness h;
    QSignalSpy left(&h.endpoint, &EidClientEndpoint::browserLeft);
    {
        TestClient browser(h.port);
        REQUIRE(browser.isConnected());
        browser.send(h.get("/eID-Client?tcTokenURL=https%3A%2F%2Fshop.example%2Ft"));
        REQUIRE(browser.next());
        browser.close();
    }
    REQUIRE(waitUntil([&] { return h.activation.cancelled == 1; }));
    CHECK(left.size() == 1);
    // The workflow ends after the cancel; its answer has nowhere to go and is dropped.
    h.activation.finish(ActivationOutcome::redirectTo(QUrl("https://shop.example/r")));
    CHECK_FALSE(h.endpoint.activationRunning());
    const auto status = roundTrip(h.port, h.get("/eID-Client?Status"));
    REQUIRE(status);
    CHECK(status->status == 200);
}

TEST_CASE("Keep-alive and pipelined requests are answered in order on one connection",
          "[endpoint]") {
    Harness h;
    TestClient client(h.port);
    REQUIRE(client.isConnected());
    client.send(h.get("/eID-Client?Status"));
    const auto one = client.next();
    REQUIRE(one);
    CHECK(one->status == 200);
    client.send(h.get("/eID-Client?Status=json") + h.get("/nothing") + h.get("/eID-Client?Status"));
    const auto two = client.next();
    const auto three = client.next();
    const auto four = client.next();
    REQUIRE(two);
    REQUIRE(three);
    REQUIRE(four);
    CHECK(two->header("content-type") == "application/json");
    CHECK(three->status == 404);
    CHECK(four->body.find("Name: OpenAusweis") != std::string::npos);
}
