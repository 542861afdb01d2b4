#include <QEventLoop>
#include <QSslCipher>
#include <QSslSocket>
#include <QTimer>
#include <catch2/catch.hpp>

#include "ScriptedClient.h"
#include "WorldTestSupport.h"
#include "net/TcToken.h"

using namespace oa;
using namespace oa::sim;
using namespace oa::sim::test;
using namespace std::chrono_literals;

namespace {

Misbehaviour withToken(BrokenToken broken) {
    Misbehaviour misbehaviour;
    misbehaviour.brokenToken = broken;
    return misbehaviour;
}

// A handshake by a client that allows what ours refuses (TLS 1.1, old suites), so the server's
// offer can be seen.
QSslSocket* lenientHandshake(quint16 port, QSsl::SslProtocol protocol, const QString& cipherString,
                             QObject* parent) {
    auto* socket = new QSslSocket(parent);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(protocol);
    configuration.setBackendConfigurationOption("MinProtocol", "TLSv1.1");
    configuration.setBackendConfigurationOption("CipherString", cipherString);
    socket->setSslConfiguration(configuration);
    // The server lives on this thread: wait in an event loop, not with waitForEncrypted().
    QEventLoop loop;
    QObject::connect(socket, &QSslSocket::encrypted, &loop, &QEventLoop::quit);
    QObject::connect(socket, &QSslSocket::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    socket->connectToHostEncrypted("127.0.0.1", port);
    loop.exec();
    return socket;
}

}  // namespace

TEST_CASE("Broken tokens: each row of the table is served as described", "[world][switch][token]") {
    SECTION("only CommunicationErrorAddress") {
        auto world = startWorld(withToken(BrokenToken::OnlyCommunicationErrorAddress));
        auto token = fetchToken(*world);
        REQUIRE(token.ok());
        CHECK(token->outcome.action == net::TcTokenAction::RedirectToCommunicationErrorAddress);
        CHECK(token->body.contains("<ServerAddress></ServerAddress>"));
        CHECK(world->eService().tokensIssued() == 0);
    }
    SECTION("CommunicationErrorAddress over http") {
        auto world = startWorld(withToken(BrokenToken::CommunicationErrorAddressHttp));
        auto token = fetchToken(*world);
        REQUIRE(token.ok());
        CHECK(token->outcome.action != net::TcTokenAction::Proceed);
        CHECK(token->body.contains("<CommunicationErrorAddress>http://"));
    }
    SECTION("empty body") {
        auto world = startWorld(withToken(BrokenToken::EmptyBody));
        auto token = fetchToken(*world);
        REQUIRE(token.ok());
        CHECK(token->body.isEmpty());
        CHECK(token->outcome.action == net::TcTokenAction::ShowErrorPage);
        CHECK(token->outcome.errorPageStatus == 404);
    }
    for (auto broken : {BrokenToken::ServerAddressEmpty, BrokenToken::ServerAddressHttp,
                        BrokenToken::PskOddLength, BrokenToken::PskInvalidCharacters}) {
        DYNAMIC_SECTION("trusted channel: " << toString(broken)) {
            auto world = startWorld(withToken(broken));
            auto token = fetchToken(*world);
            REQUIRE(token.ok());
            CHECK(token->outcome.action == net::TcTokenAction::RedirectToRefreshAddress);
            CHECK(token->outcome.result.minor ==
                  net::BrowserResultMinor::TrustedChannelEstablishmentFailed);
        }
    }
    SECTION("RefreshAddress over http") {
        auto world = startWorld(withToken(BrokenToken::RefreshAddressHttp));
        auto token = fetchToken(*world);
        REQUIRE(token.ok());
        CHECK(token->outcome.action == net::TcTokenAction::RedirectToCommunicationErrorAddress);
    }
    SECTION("unreachable ServerAddress answers 404") {
        auto world = startWorld(withToken(BrokenToken::ServerAddressUnreachable));
        auto token = fetchToken(*world);
        REQUIRE(token.ok());
        REQUIRE(token->outcome.token.has_value());
        auto reply = fetch(*world, token->outcome.token->serverAddress);
        REQUIRE(reply.result.ok());
        CHECK(reply.result->status == 404);
    }
}

TEST_CASE("TLS 1.1 only: our client cannot connect, a TLS 1.1 client gets TLS 1.1",
          "[world][switch][tls]") {
    Misbehaviour misbehaviour;
    misbehaviour.eServiceTls.tls11Only = true;
    misbehaviour.eidServerTls.tls11Only = true;
    auto world = startWorld(misbehaviour);
    CHECK_FALSE(fetch(*world, world->eService().tcTokenUrl()).result.ok());
    QObject parent;
    auto* socket = lenientHandshake(world->eService().port(), QSsl::AnyProtocol,
                                    "DEFAULT:@SECLEVEL=0", &parent);
    REQUIRE(socket->isEncrypted());
    // Qt marks TLS 1.1 deprecated; naming it is the point here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    CHECK(socket->sessionProtocol() == QSsl::TlsV1_1);
#pragma GCC diagnostic pop
}

TEST_CASE("Weak suites: no forward secrecy on the eService, plain PSK on the eID-Server",
          "[world][switch][tls]") {
    Misbehaviour misbehaviour;
    misbehaviour.eServiceTls.weakSuites = true;
    auto world = startWorld(misbehaviour);
    CHECK_FALSE(fetch(*world, world->eService().tcTokenUrl()).result.ok());
    QObject parent;
    auto* socket = lenientHandshake(world->eService().port(), QSsl::TlsV1_2, "DEFAULT", &parent);
    REQUIRE(socket->isEncrypted());
    CHECK_FALSE(socket->sessionCipher().keyExchangeMethod().contains("DH"));

    Misbehaviour pskFaults;
    pskFaults.eidServerTls.weakSuites = true;
    auto pskWorld = startWorld(pskFaults);
    auto token = fetchToken(*pskWorld);
    REQUIRE(token.ok());
    REQUIRE(token->outcome.token.has_value());
    auto channel = pskChannel(*pskWorld, *token->outcome.token);
    CHECK_FALSE(channel->send("<x/>").ok());
    CHECK(pskWorld->eidServer().handshakesCompleted() == 0);
}

TEST_CASE("Hostname mismatch: the certificate names wrong.example", "[world][switch][tls]") {
    Misbehaviour misbehaviour;
    misbehaviour.eServiceTls.hostnameMismatch = true;
    auto world = startWorld(misbehaviour);
    auto outcome = fetch(*world, world->eService().tcTokenUrl());
    REQUIRE_FALSE(outcome.result.ok());
    QObject parent;
    auto* socket = lenientHandshake(world->eService().port(), QSsl::TlsV1_2, "DEFAULT", &parent);
    REQUIRE(socket->isEncrypted());
    CHECK(socket->peerCertificate().subjectAlternativeNames().values(QSsl::DnsEntry) ==
          QStringList{"wrong.example"});
}

TEST_CASE("Overload: a fraction of token requests get 429 or 503 with Retry-After",
          "[world][switch][overload]") {
    Misbehaviour misbehaviour;
    misbehaviour.eServiceOverload = Overload{0.5, 429, 2};
    auto world = startWorld(misbehaviour);
    std::vector<int> statuses;
    for (int i = 0; i < 4; ++i) {
        auto outcome = fetch(*world, world->eService().tcTokenUrl());
        REQUIRE(outcome.result.ok());
        statuses.push_back(outcome.result->status);
        if (outcome.result->status == 429) CHECK(outcome.result->header("Retry-After") == "2");
    }
    CHECK(statuses == std::vector<int>{429, 200, 429, 200});
    CHECK(world->eService().requestsTurnedAway() == 2);

    Misbehaviour always;
    always.eServiceOverload = Overload{1.0, 503, 7};
    auto busyWorld = startWorld(always);
    auto busy = fetch(*busyWorld, busyWorld->eService().tcTokenUrl());
    REQUIRE(busy.result.ok());
    CHECK(busy.result->status == 503);
    CHECK(busy.result->header("Retry-After") == "7");
}

TEST_CASE("Overloaded eID-Server turns away the first PAOS POST only",
          "[world][switch][overload]") {
    Misbehaviour misbehaviour;
    misbehaviour.eidServerOverload = Overload{1.0, 503, 3};
    auto world = startWorld(misbehaviour);
    auto token = fetchToken(*world);
    REQUIRE(token.ok());
    REQUIRE(token->outcome.token.has_value());
    auto channel = pskChannel(*world, *token->outcome.token);
    ScriptedClient client([&](const QByteArray& m) { return channel->send(m); });
    CHECK_FALSE(client.run(token->outcome.token->sessionIdentifier).ok());
    const auto* session = world->eidServer().session(token->outcome.token->sessionIdentifier);
    REQUIRE(session != nullptr);
    CHECK(session->stepsSent().empty());
}

TEST_CASE("Slow answers: a client with a shorter timeout gives up, a patient one gets the token",
          "[world][switch][slow]") {
    Misbehaviour misbehaviour;
    misbehaviour.slowAnswerMilliseconds = 2500;
    auto world = startWorld(misbehaviour);
    auto impatient = fetch(*world, world->eService().tcTokenUrl(), 400ms);
    CHECK_FALSE(impatient.result.ok());
    auto patient = fetch(*world, world->eService().tcTokenUrl(), 20000ms);
    REQUIRE(patient.result.ok());
    CHECK(patient.result->status == 200);
}

TEST_CASE("Command-line switches map onto the misbehaviour", "[world][switch][flags]") {
    Misbehaviour m;
    CHECK(*applyMisbehaviourFlag(m, "--broken-token", std::string("psk-odd-length")));
    CHECK(m.brokenToken == BrokenToken::PskOddLength);
    CHECK(*applyMisbehaviourFlag(m, "--tls11-only", std::string("eid-server")));
    CHECK(m.eidServerTls.tls11Only);
    CHECK_FALSE(m.eServiceTls.tls11Only);
    CHECK(*applyMisbehaviourFlag(m, "--weak-suites", std::string("both")));
    CHECK((m.eServiceTls.weakSuites && m.eidServerTls.weakSuites));
    CHECK(*applyMisbehaviourFlag(m, "--hostname-mismatch", std::string("eservice")));
    CHECK(m.eServiceTls.hostnameMismatch);
    CHECK(*applyMisbehaviourFlag(m, "--abort-at", std::string("eac2")));
    CHECK(m.abortInsteadOf == PaosStep::Eac2);
    CHECK(*applyMisbehaviourFlag(m, "--slow", std::string("1500")));
    CHECK(m.slowAnswerMilliseconds == 1500);
    CHECK(*applyMisbehaviourFlag(m, "--overload", std::string("0.25:429:3")));
    CHECK(m.eServiceOverload.fraction == Approx(0.25));
    CHECK(m.eServiceOverload.status == 429);
    CHECK(m.eServiceOverload.retryAfterSeconds == 3);
    CHECK(*applyMisbehaviourFlag(m, "--wrong-description-hash", std::nullopt));
    CHECK(m.wrongDescriptionHash);
    CHECK_FALSE(applyMisbehaviourFlag(m, "--broken-token", std::string("nonsense")).ok());
    CHECK_FALSE(applyMisbehaviourFlag(m, "--abort-at", std::string("startpaosresponse")).ok());
    CHECK_FALSE(applyMisbehaviourFlag(m, "--overload", std::string("2")).ok());
    CHECK_FALSE(*applyMisbehaviourFlag(m, "--unknown", std::nullopt));
}
