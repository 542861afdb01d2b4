// The world's attached eID-Server endpoint, seen from the project's own TLS client pieces: the
// token carries no PSK, PAOS goes through only in the token's TLS session (resumed, or on the
// token's own connection).
#include <QNetworkAccessManager>
#include <catch2/catch.hpp>

#include "net/AttachedChannel.h"
#include "net/HttpsExchange.h"
#include "net/HttpsFetcher.h"
#include "net/PaosMessage.h"
#include "net/PaosWriter.h"
#include "net/TcToken.h"
#include "net/TlsConfiguration.h"
#include "sim/world/World.h"

using namespace oa;
using namespace oa::sim;

namespace {

std::unique_ptr<World> startAttached(const Misbehaviour& misbehaviour = {}) {
    WorldOptions options;
    options.attached = true;
    options.misbehaviour = misbehaviour;
    auto world = World::start(options);
    if (!world) FAIL(world.error().message + ": " + world.error().detail);
    return std::move(*world);
}

struct AttachedToken {
    net::TcToken token;
    QByteArray tlsSession;
};

AttachedToken fetchAttachedToken(World& world) {
    net::HttpsFetcher fetcher(net::TlsConfiguration::eServiceChannel({world.caCertificate()}));
    auto outcome = fetcher.fetch(world.eService().tcTokenUrl());
    REQUIRE(outcome.result.ok());
    REQUIRE(outcome.result->status == 200);
    auto evaluated = net::evaluateTcToken(outcome.result->body);
    REQUIRE(evaluated.action == net::TcTokenAction::Proceed);
    return {*evaluated.token, outcome.result->tlsSession};
}

const QByteArray kStartPaos = "<not-parsed-before-the-session-check/>";

}  // namespace

TEST_CASE("Attached world: the TC token has no PSK and names the eService's own /paos",
          "[world][attached]") {
    auto world = startAttached();
    const AttachedToken fetched = fetchAttachedToken(*world);
    CHECK_FALSE(fetched.token.usesPsk());
    CHECK(fetched.token.serverAddress.toString() ==
          world->eService().origin().toString() + "/paos");
    CHECK_FALSE(fetched.tlsSession.isEmpty());
    CHECK(world->describe().find("(attached)") != std::string::npos);
}

TEST_CASE(
    "Attached world: PAOS over a connection that did not resume the token's session is "
    "dropped without an answer",
    "[world][attached]") {
    auto world = startAttached();
    fetchAttachedToken(*world);
    QNetworkAccessManager manager;
    net::HttpsExchange::Settings settings;
    settings.tls = net::TlsConfiguration::eServiceChannel({world->caCertificate()});
    settings.timeouts = {std::chrono::milliseconds(5000), std::chrono::milliseconds(5000)};
    net::HttpsExchange::Request request;
    request.method = "POST";
    request.url = QUrl(world->eService().origin().toString() + "/paos");
    request.headers = {{"Content-Type", "application/vnd.paos+xml; charset=UTF-8"}};
    request.body = kStartPaos;
    auto outcome = net::HttpsExchange::run(manager, request, settings);
    CHECK_FALSE(outcome.result.ok());
    CHECK(world->eService().paosRefused() == 1);
    CHECK(world->eService().attachedHandshakesResumed() == 0);
}

TEST_CASE("Attached world: TLS-2 that resumes the token's session reaches the eID-Server",
          "[world][attached]") {
    auto world = startAttached();
    const AttachedToken fetched = fetchAttachedToken(*world);
    auto resumption = net::TlsSessionResumption::expect(fetched.tlsSession);
    REQUIRE(resumption.ok());
    net::AttachedChannel::Settings settings;
    settings.caCertificates = {world->caCertificate()};
    settings.timeouts = {std::chrono::milliseconds(5000), std::chrono::milliseconds(10000)};
    net::AttachedChannel channel(fetched.token.serverAddress, std::move(*resumption), settings);
    net::StartPaos start;
    start.sessionIdentifier = fetched.token.sessionIdentifier;
    const net::PaosAddressing addressing{net::newPaosMessageId(), {}};
    auto answer = channel.send(net::writeStartPaos(addressing, start));
    REQUIRE(answer.ok());
    auto message = net::parsePaosMessage(*answer, addressing.messageId);
    REQUIRE(message.ok());
    CHECK(message->type() == net::PaosMessageType::InitializeFramework);
    CHECK(world->eService().paosRefused() == 0);
    CHECK(world->eService().attachedHandshakesResumed() == 1);
    CHECK(channel.handshakes() == 1);
    const auto* session = world->eidServer().session(world->eService().lastSessionIdentifier());
    REQUIRE(session != nullptr);
}

TEST_CASE(
    "Attached world: PAOS on the token's own connection, kept alive, reaches the eID-Server "
    "(Qt reuses it; AusweisApp2 1.26 sends StartPAOS that way)",
    "[world][attached]") {
    auto world = startAttached();
    QNetworkAccessManager manager;
    int handshakes = 0;
    net::HttpsExchange::Settings settings;
    settings.tls = net::TlsConfiguration::eServiceChannel({world->caCertificate()});
    settings.timeouts = {std::chrono::milliseconds(5000), std::chrono::milliseconds(10000)};
    settings.handshakeDone = [&handshakes] { ++handshakes; };
    net::HttpsExchange::Request tokenRequest;
    tokenRequest.url = world->eService().tcTokenUrl();
    auto token = net::HttpsExchange::run(manager, tokenRequest, settings);
    REQUIRE(token.result.ok());
    auto evaluated = net::evaluateTcToken(token.result->body);
    REQUIRE(evaluated.action == net::TcTokenAction::Proceed);

    net::StartPaos start;
    start.sessionIdentifier = evaluated.token->sessionIdentifier;
    const net::PaosAddressing addressing{net::newPaosMessageId(), {}};
    net::HttpsExchange::Request paos;
    paos.method = "POST";
    paos.url = evaluated.token->serverAddress;
    paos.headers = {{"Content-Type", "application/vnd.paos+xml; charset=UTF-8"},
                    {"PAOS", "ver=\"urn:liberty:paos:2006-08\""}};
    paos.body = net::writeStartPaos(addressing, start);
    auto answer = net::HttpsExchange::run(manager, paos, settings);
    REQUIRE(answer.result.ok());
    CHECK(answer.result->status == 200);
    auto message = net::parsePaosMessage(answer.result->body, addressing.messageId);
    REQUIRE(message.ok());
    CHECK(message->type() == net::PaosMessageType::InitializeFramework);
    CHECK(handshakes == 1);
    CHECK(world->eService().attachedHandshakes() == 1);
    CHECK(world->eService().attachedHandshakesResumed() == 0);
    CHECK(world->eService().paosRefused() == 0);
}

TEST_CASE("Attached world with --no-resumption: every handshake is a full one",
          "[world][attached]") {
    Misbehaviour misbehaviour;
    REQUIRE(applyMisbehaviourFlag(misbehaviour, "--no-resumption", std::nullopt).value());
    auto world = startAttached(misbehaviour);
    const AttachedToken fetched = fetchAttachedToken(*world);
    auto resumption = net::TlsSessionResumption::expect(fetched.tlsSession);
    REQUIRE(resumption.ok());
    net::AttachedChannel::Settings settings;
    settings.caCertificates = {world->caCertificate()};
    net::AttachedChannel channel(fetched.token.serverAddress, std::move(*resumption), settings);
    auto answer = channel.send(kStartPaos);
    REQUIRE_FALSE(answer.ok());
    CHECK(answer.error().detail.find("new TLS session") != std::string::npos);
    CHECK(world->eService().attachedHandshakesResumed() == 0);
    CHECK(world->eService().paosRefused() == 0);  // the client hung up before any request byte
}
