#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <catch2/catch.hpp>
#include <future>

#include "Harness.h"
#include "service/PortHolder.h"
#include "service/ServiceLaunch.h"

using namespace oa::service;
using namespace oa::service::test;
using namespace std::chrono_literals;

namespace {

// Runs a blocking probe on another thread while this thread's event loop serves.
template <typename Function>
auto whileServing(Function function) {
    auto future = std::async(std::launch::async, function);
    REQUIRE(waitUntil([&] { return future.wait_for(0ms) == std::future_status::ready; }, 20s));
    return future.get();
}

// Another program on the port: answers every request with its own Server header.
class ForeignServer : public QObject {
public:
    explicit ForeignServer(QByteArray serverHeader) : header_(std::move(serverHeader)) {
        REQUIRE(server_.listen(QHostAddress::LocalHost, 0));
        connect(&server_, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = server_.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    socket->readAll();
                    QByteArray answer = "HTTP/1.1 200 OK\r\n";
                    if (!header_.isEmpty()) answer += "Server: " + header_ + "\r\n";
                    socket->write(answer + "Content-Length: 2\r\nConnection: close\r\n\r\nhi");
                    socket->disconnectFromHost();
                });
            }
        });
    }
    quint16 port() const { return server_.serverPort(); }

private:
    QTcpServer server_;
    QByteArray header_;
};

}  // namespace

TEST_CASE("The port holder is recognised as OpenAusweis and asked to show its window",
          "[single-instance]") {
    Harness h;
    QSignalSpy showUi(&h.endpoint, &EidClientEndpoint::showUiRequested);
    const QHostAddress local(QHostAddress::LocalHost);
    const PortHolder holder = whileServing([&] { return identifyPortHolder(local, h.port, 5s); });
    CHECK(holder.kind == PortHolder::Kind::OpenAusweis);
    CHECK(holder.server.rfind("OpenAusweis/", 0) == 0);
    CHECK(whileServing([&] { return askToShowUi(local, h.port, "CURRENT", 5s); }));
    REQUIRE(showUi.size() == 1);
    CHECK(showUi.at(0).at(0).toString() == "CURRENT");
    CHECK(showUi.at(0).at(1).toString().startsWith("OpenAusweis/"));
}

TEST_CASE("A second start hands over to the running instance", "[single-instance]") {
    Harness h;
    QSignalSpy showUi(&h.endpoint, &EidClientEndpoint::showUiRequested);
    LocalHttpServerSettings same;
    same.port = h.port;
    FakeActivation activation;
    EidClientEndpoint endpoint(activation);
    LocalHttpServer second(same, endpoint);
    REQUIRE_FALSE(second.listen().ok());
    REQUIRE(second.portInUse());
    const ServiceLaunch launch =
        whileServing([&] { return resolvePortConflict(same.addresses, h.port, 5s); });
    CHECK(launch.outcome == ServiceLaunch::Outcome::HandedOver);
    CHECK(showUi.size() == 1);
}

TEST_CASE("Another program on the port is named in the advice", "[single-instance]") {
    ForeignServer foreign("nginx/1.22.1");
    LocalHttpServerSettings settings;
    settings.addresses = {QHostAddress(QHostAddress::LocalHost)};
    settings.port = foreign.port();
    FakeActivation activation;
    EidClientEndpoint endpoint(activation);
    LocalHttpServer server(settings, endpoint);
    REQUIRE_FALSE(server.listen().ok());
    REQUIRE(server.portInUse());
    const ServiceLaunch launch =
        whileServing([&] { return resolvePortConflict(settings.addresses, foreign.port(), 5s); });
    CHECK(launch.outcome == ServiceLaunch::Outcome::PortTaken);
    CHECK(launch.message.find("\"nginx/1.22.1\"") != std::string::npos);
    CHECK(launch.message.find(std::to_string(foreign.port())) != std::string::npos);
}

TEST_CASE("A port holder without a Server header is an unknown program", "[single-instance]") {
    ForeignServer foreign("");
    const PortHolder holder = whileServing([&] {
        return identifyPortHolder(QHostAddress(QHostAddress::LocalHost), foreign.port(), 5s);
    });
    CHECK(holder.kind == PortHolder::Kind::UnknownProgram);
    CHECK(portTakenAdvice(holder, foreign.port()).find("unknown program") != std::string::npos);
}

TEST_CASE("A free port launches the listener and names its addresses", "[single-instance]") {
    FakeActivation activation;
    EidClientEndpoint endpoint(activation);
    LocalHttpServerSettings settings;
    settings.port = 0;
    LocalHttpServer server(settings, endpoint);
    const ServiceLaunch launch = launchLocalService(server, settings.addresses, 0, 1s);
    REQUIRE(launch.outcome == ServiceLaunch::Outcome::Listening);
    CHECK(launch.port == server.port());
    CHECK(launch.message.find("http://127.0.0.1:" + std::to_string(launch.port) + "/eID-Client") !=
          std::string::npos);
}
