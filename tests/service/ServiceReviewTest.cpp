// Findings of the port 24727 security review (docs/reliability.md, "Local service review"): each
// test pins a property a hostile web page or local program could otherwise break.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QWebSocket>
#include <catch2/catch.hpp>
#include <future>

#include "Harness.h"
#include "SdkClient.h"
#include "card/sim/SimulatorBackend.h"
#include "service/HttpConnection.h"
#include "service/HttpRequestParser.h"
#include "service/PortHolder.h"
#include "service/SdkWebSocketEndpoint.h"

using namespace oa;
using namespace oa::service;
using namespace oa::service::test;
using State = HttpRequestParser::State;

namespace {

int parsedStatus(const std::string& bytes) {
    HttpRequestParser parser;
    parser.feed(bytes);
    return parser.state() == State::Failed ? parser.failureStatus() : 0;
}

struct SdkServer {
    SdkServer() {
        SdkWebSocketEndpoint::Settings settings;
        settings.environment.backend = &simulator;
        settings.environment.simulator = &simulator;
        sdk = std::make_unique<SdkWebSocketEndpoint>(settings);
        harness.endpoint.upgradeHandler = sdk.get();
    }
    QUrl url() const {
        return QUrl("ws://127.0.0.1:" + QString::number(harness.port) + "/eID-Kernel");
    }
    std::string handshake(const std::string& extra) const {
        return "GET /eID-Kernel HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(harness.port) +
               "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + extra + "\r\n";
    }

    SimulatorBackend simulator;
    Harness harness;
    std::unique_ptr<SdkWebSocketEndpoint> sdk;
};

// Opens the SDK's WebSocket on a raw connection, so that the frames after it are the test's own.
void upgradeToWebSocket(SdkServer& server, TestClient& raw) {
    REQUIRE(raw.isConnected());
    raw.send(server.handshake(
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"));
    const auto upgraded = raw.next();
    REQUIRE(upgraded);
    REQUIRE(upgraded->status == 101);
    REQUIRE(waitUntil([&] { return server.sdk->clientConnected(); }));
}

}  // namespace

TEST_CASE("Review: whitespace before a header's colon is refused (request smuggling)",
          "[review][parser]") {
    CHECK(parsedStatus("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding : chunked\r\n\r\n"
                       "0\r\n\r\n") == 400);
    CHECK(parsedStatus("GET / HTTP/1.1\r\nHost : h\r\n\r\n") == 400);
    CHECK(parsedStatus("GET / HTTP/1.1\r\nHost:\th\r\n\r\n") == 0);
}

TEST_CASE("Review: a header name that is not a token is refused", "[review][parser]") {
    CHECK(parsedStatus("GET / HTTP/1.1\r\nHost: h\r\nX Y: 1\r\n\r\n") == 400);
    CHECK(parsedStatus("GET / HTTP/1.1\r\nHost: h\r\nX-Y_z.1~!: 1\r\n\r\n") == 0);
}

TEST_CASE("Review: smuggling framings stay refused (CL+TE, two lengths, other codings)",
          "[review][parser]") {
    CHECK(parsedStatus("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n") == 400);
    CHECK(parsedStatus("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n"
                       "Content-Length: 3\r\n\r\nabc") == 400);
    CHECK(parsedStatus("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 3\r\n\r\nabc") == 400);
    CHECK(parsedStatus("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, gzip\r\n\r\n") ==
          400);
    CHECK(parsedStatus("GET / HTTP/1.1\r\nHost: h\rX: 1\r\n\r\n") == 400);
    CHECK(parsedStatus(std::string("GET / HTTP/1.1\r\nHost: h\r\nX: a\0b\r\n\r\n", 35)) == 400);
}

TEST_CASE("Review: a request that is not HTTP/1.x gets 505", "[review][parser]") {
    CHECK(parsedStatus("GET / HTTP/2.0\r\nHost: h\r\n\r\n") == 505);
    CHECK(parsedStatus("GET / HTTP/0.9\r\nHost: h\r\n\r\n") == 505);
    CHECK(parsedStatus("GET / HTTP/1.0\r\nHost: h\r\n\r\n") == 0);
}

TEST_CASE("Review: two Host headers are refused with 400 even if the first is ours",
          "[review][host]") {
    Harness h;
    const std::string ours = "Host: 127.0.0.1:" + std::to_string(h.port) + "\r\n";
    const auto twice = roundTrip(
        h.port, "GET /eID-Client?Status HTTP/1.1\r\n" + ours + "Host: evil.example\r\n\r\n");
    REQUIRE(twice);
    CHECK(twice->status == 400);
    const auto same =
        roundTrip(h.port, "GET /eID-Client?Status HTTP/1.1\r\n" + ours + ours + "\r\n");
    REQUIRE(same);
    CHECK(same->status == 400);
}

TEST_CASE("Review: an SDK message beyond the size limit closes the connection, not the service",
          "[review][ws]") {
    SdkServer server;
    {
        SdkClient client(server.url());
        REQUIRE(client.connected());
        const QString huge =
            "{\"cmd\":\"GET_INFO\",\"x\":\"" + QString(4 * 1024 * 1024, 'a') + "\"}";
        client.socket.sendTextMessage(huge);
        CHECK(waitUntil([&] { return !client.connected(); }));
        CHECK(client.socket.closeCode() == QWebSocketProtocol::CloseCodeTooMuchData);
        CHECK(client.received.empty());
    }
    REQUIRE(waitUntil([&] { return !server.sdk->clientConnected(); }));
    SdkClient again(server.url());
    REQUIRE(again.connected());
    CHECK(again.ask("{\"cmd\":\"GET_API_LEVEL\"}").value("msg").toString() == "API_LEVEL");
}

TEST_CASE("Review: a failed WebSocket handshake does not lock out the next SDK client",
          "[review][ws]") {
    SdkServer server;
    for (const std::string& extra :
         {std::string("Sec-WebSocket-Version: 13\r\n"),  // no key
          std::string(
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 7\r\n")}) {
        TestClient raw(server.harness.port);
        REQUIRE(raw.isConnected());
        raw.send(server.handshake(extra));
        const auto answer = raw.next();
        if (answer) CHECK(answer->status != 101);
        raw.waitClosed(std::chrono::seconds(3));
    }
    SdkClient client(server.url());
    CHECK(client.connected());
}

TEST_CASE("Review: a client that pipelines requests but reads no answers is not answered ahead",
          "[review][pipelining]") {
    // Each answer is far larger than its request: without back-pressure the answers to everything
    // the client sent would pile up in our write buffer.
    constexpr int kRequests = 100;
    const std::string body(1024 * 1024, 'x');
    QTcpServer listener;
    REQUIRE(listener.listen(QHostAddress::LocalHost));
    int handled = 0;
    QObject::connect(&listener, &QTcpServer::newConnection, [&] {
        new HttpConnection(
            listener.nextPendingConnection(), HttpConnection::Settings{},
            [&](HttpConnection& connection, const HttpRequest&) {
                ++handled;
                HttpResponse response;
                response.body = body;
                connection.respond(connection.requestSerial(), response);
            },
            &listener);
    });
    TestClient client(listener.serverPort());
    client.socket().setReadBufferSize(1);
    REQUIRE(client.isConnected());
    std::string pipelined;
    for (int i = 0; i < kRequests; ++i)
        pipelined += "GET /" + std::to_string(i) + " HTTP/1.1\r\nHost: h\r\n\r\n";
    client.send(pipelined);
    REQUIRE(waitUntil([&] { return handled > 0; }));
    // The kernel's buffers hold a few dozen answers at most; then the server must wait.
    CHECK_FALSE(waitUntil([&] { return handled == kRequests; }, std::chrono::seconds(2)));
    CHECK(handled < kRequests);

    client.socket().setReadBufferSize(0);
    int answered = 0;
    while (const auto response = client.next()) {
        CHECK(response->status == 200);
        CHECK(response->body.size() == body.size());
        if (++answered == kRequests) break;
    }
    CHECK(answered == kRequests);
    CHECK(handled == kRequests);
}

TEST_CASE("Review: an SDK client leaving at ENTER_PIN ends the PIN change and frees the card",
          "[review][ws]") {
    SdkServer server;
    auto waitFor = [](SdkClient& client, const char* msg) {
        return waitUntil([&] {
            return std::any_of(client.received.begin(), client.received.end(),
                               [&](const QString& m) { return m.contains(msg); });
        });
    };
    bool finished = false;
    {
        SdkClient client(server.url());
        REQUIRE(client.connected());
        QObject::connect(server.sdk->session(), &SdkSession::workflowFinished,
                         [&] { finished = true; });
        client.socket.sendTextMessage("{\"cmd\":\"RUN_CHANGE_PIN\"}");
        REQUIRE(waitFor(client, "ENTER_PIN"));
    }
    REQUIRE(waitUntil([&] { return !server.sdk->clientConnected(); }));
    CHECK(waitUntil([&] { return finished; }));

    SdkClient next(server.url());
    REQUIRE(next.connected());
    next.socket.sendTextMessage("{\"cmd\":\"RUN_CHANGE_PIN\"}");
    REQUIRE(waitFor(next, "ENTER_PIN"));
    CHECK(std::any_of(next.received.begin(), next.received.end(),
                      [](const QString& m) { return m.contains("\"retryCounter\":3"); }));
    next.received.clear();
    next.socket.sendTextMessage("{\"cmd\":\"SET_PIN\",\"value\":\"123456\"}");
    REQUIRE(waitFor(next, "ENTER_NEW_PIN"));
    next.received.clear();
    next.socket.sendTextMessage("{\"cmd\":\"SET_NEW_PIN\",\"value\":\"654321\"}");
    REQUIRE(waitFor(next, "\"msg\":\"CHANGE_PIN\""));
    CHECK(std::any_of(next.received.begin(), next.received.end(),
                      [](const QString& m) { return m.contains("\"success\":true"); }));
}

TEST_CASE("Review: error pages quote the request only escaped (no reflected script)",
          "[review][xss]") {
    Harness h;
    const std::string payload = "\"'><script>alert(1)</script>";
    auto noRawPayload = [&](const RawResponse& response) {
        CHECK(response.body.find("<script") == std::string::npos);
        CHECK(response.body.find("\"'>") == std::string::npos);
    };
    // Decoded from the query into the 400 page.
    const auto invalid = roundTrip(
        h.port, h.get("/eID-Client?tcTokenURL=%22%27%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"));
    REQUIRE(invalid);
    CHECK(invalid->status == 400);
    noRawPayload(*invalid);
    CHECK(invalid->body.find("&quot;&#39;&gt;&lt;script&gt;") != std::string::npos);
    // Raw in the target of a 404, if the parser lets it through at all.
    const auto unknown = roundTrip(h.port, h.get("/" + payload));
    REQUIRE(unknown);
    CHECK((unknown->status == 404 || unknown->status == 400));
    noRawPayload(*unknown);
    // Raw in the "Try again" link of the 409 page.
    TestClient holder(h.port);
    REQUIRE(holder.isConnected());
    holder.send(h.get("/eID-Client?tcTokenURL=https%3A%2F%2Fa.example%2Ft"));
    REQUIRE(waitUntil([&] { return h.activation.started == 1; }));
    const auto busy =
        roundTrip(h.port, h.get("/eID-Client?tcTokenURL=https://a.example/t&x=" + payload));
    REQUIRE(busy);
    CHECK((busy->status == 409 || busy->status == 400));
    noRawPayload(*busy);
}

TEST_CASE("Review: an SDK client that sends commands but reads no answers is disconnected",
          "[review][ws]") {
    SdkServer server;
    TestClient raw(server.harness.port);
    upgradeToWebSocket(server, raw);
    raw.socket().setReadBufferSize(1);

    // Masked text frames with the all-zero mask (RFC 6455 §5.3): the payload goes as it is.
    const std::string command = "{\"cmd\":\"GET_INFO\"}";
    std::string frame = {'\x81', static_cast<char>(0x80 | command.size()), 0, 0, 0, 0};
    frame += command;
    std::string frames;
    for (int i = 0; i < 40'000; ++i)
        frames += frame;
    raw.send(frames);
    CHECK(waitUntil([&] { return !server.sdk->clientConnected(); }));
}

TEST_CASE("Review: a tcTokenURL whose bytes are not UTF-8 is refused, not repaired",
          "[review][activation]") {
    for (const std::string query : {std::string("tcTokenURL=https%3A%2F%2Fa.example%2F%FF"),
                                    std::string("tcTokenURL=https://a.example/\xff"),
                                    std::string("tcTokenURL=https%3A%2F%2Fa.example%2F%C3")}) {
        Harness h;
        const auto response = roundTrip(h.port, h.get("/eID-Client?" + query));
        REQUIRE(response);
        CHECK(response->status == 400);
        CHECK(h.activation.started == 0);
    }
}

TEST_CASE("Review: the tcTokenURL the workflow gets is the one the page named",
          "[review][activation]") {
    const std::pair<std::string, const char*> cases[] = {
        // Given twice: the first counts, as in AusweisApp.
        {"tcTokenURL=https%3A%2F%2Fa.example%2Ft&tcTokenURL=https%3A%2F%2Fb.example%2Ft",
         "https://a.example/t"},
        // UTF-8, percent-encoded or raw, becomes the punycode host and an encoded query.
        {"tcTokenURL=https%3A%2F%2Fb%C3%BCrger.example%2Ft%3Fx%3D%C3%A4",
         "https://xn--brger-kva.example/t?x=%C3%A4"},
        {"tcTokenURL=https://b\xc3\xbcrger.example/t", "https://xn--brger-kva.example/t"},
        // A percent-encoded %-sequence stays encoded in the address.
        {"tcTokenURL=https%3A%2F%2Fa.example%2Ft%3Fx%3D%25FF", "https://a.example/t?x=%FF"}};
    for (const auto& [query, expected] : cases) {
        Harness h;
        TestClient browser(h.port);
        REQUIRE(browser.isConnected());
        browser.send(h.get("/eID-Client?" + query));
        const auto interim = browser.next();
        REQUIRE(interim);
        CHECK(interim->status == 102);
        REQUIRE(h.activation.started == 1);
        CHECK(h.activation.lastUrl.toString(QUrl::FullyEncoded).toStdString() == expected);
    }
    for (const char* query :
         {"tcTokenURL=https%3A%2F%2Fa.example%00.evil%2Ft",
          "tcTokenURL=https%3A%2F%2Fa%20b.example%2Ft", "tcTokenURL=https%3A%2Fa.example%2Ft"}) {
        Harness h;
        const auto response = roundTrip(h.port, h.get(std::string("/eID-Client?") + query));
        REQUIRE(response);
        CHECK(response->status == 400);
        CHECK(h.activation.started == 0);
    }
}

TEST_CASE("Review: a port holder's Server header reaches the advice only as plain printable text",
          "[review][single-instance]") {
    QTcpServer foreign;
    REQUIRE(foreign.listen(QHostAddress::LocalHost));
    QObject::connect(&foreign, &QTcpServer::newConnection, [&] {
        QTcpSocket* socket = foreign.nextPendingConnection();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->write(
                "HTTP/1.1 200 OK\r\nServer: Evil\x1b]0;title\x07\x1b[2J<a href='x'>ok</a>" +
                QByteArray(500, 'A') + "\r\nContent-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
        });
    });
    auto probe = std::async(std::launch::async, [&] {
        return identifyPortHolder(QHostAddress(QHostAddress::LocalHost), foreign.serverPort(),
                                  std::chrono::seconds(5));
    });
    REQUIRE(waitUntil(
        [&] { return probe.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }));
    const PortHolder holder = probe.get();
    REQUIRE(holder.kind == PortHolder::Kind::OtherProgram);
    CHECK(holder.server.rfind("Evil]0;title[2Ja href=xok/aAAA", 0) == 0);
    CHECK(holder.server.size() <= 100);
    const std::string advice = portTakenAdvice(holder, foreign.serverPort());
    CHECK(std::none_of(advice.begin(), advice.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == '<' || c == '>';
    }));
}

TEST_CASE("Review: an oversized SDK frame sent together with the handshake is refused too",
          "[review][ws]") {
    SdkServer server;
    TestClient raw(server.harness.port);
    REQUIRE(raw.isConnected());
    const std::uint64_t size = 4 * 1024 * 1024;
    std::string frame = {'\x81', '\xff'};  // text, masked, 64-bit length
    for (int shift = 56; shift >= 0; shift -= 8)
        frame += static_cast<char>((size >> shift) & 0xff);
    frame += std::string(4, '\0') + std::string(size, ' ');
    bool sawClient = false;
    QObject::connect(server.sdk.get(), &SdkWebSocketEndpoint::clientChanged,
                     [&](bool connected, const QString&) { sawClient |= connected; });
    raw.send(server.handshake(
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n") +
             frame);
    CHECK(raw.waitClosed());
    CHECK(sawClient);
    CHECK(waitUntil([&] { return !server.sdk->clientConnected(); }));
}

TEST_CASE("Review: an SDK client that pings but reads no pongs is disconnected", "[review][ws]") {
    SdkServer server;
    TestClient raw(server.harness.port);
    upgradeToWebSocket(server, raw);
    raw.socket().setReadBufferSize(1);

    // Qt answers every ping with a pong of the same payload, without asking us.
    std::string ping = {'\x89', static_cast<char>(0x80 | 125), 0, 0, 0, 0};
    ping += std::string(125, 'p');
    std::string pings;
    for (int i = 0; i < 4'000; ++i)
        pings += ping;
    for (int round = 0; round < 40 && server.sdk->clientConnected(); ++round) {
        raw.send(pings);
        waitUntil([] { return false; }, std::chrono::milliseconds(50));
    }
    CHECK(waitUntil([&] { return !server.sdk->clientConnected(); }));
}
