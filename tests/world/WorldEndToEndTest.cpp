#include <QCryptographicHash>
#include <QUrlQuery>
#include <catch2/catch.hpp>

#include "ScriptedClient.h"
#include "WorldTestSupport.h"
#include "eac/CertificateDescription.h"
#include "eac/CvCertificate.h"
#include "net/CommCertificates.h"
#include "net/TlsServerCertificates.h"

using namespace oa;
using namespace oa::sim;
using namespace oa::sim::test;

namespace {

ScriptedClient::Post over(net::PskChannel& channel) {
    return [&channel](const QByteArray& message) { return channel.send(message); };
}

}  // namespace

TEST_CASE("Token, TLS-PSK and PAOS against the world: the refresh page shows what was read",
          "[world][psk]") {
    auto world = startWorld();
    auto token = fetchToken(*world);
    REQUIRE(token.ok());
    REQUIRE(token->outcome.action == net::TcTokenAction::Proceed);
    const net::TcToken& tcToken = *token->outcome.token;
    CHECK(tcToken.usesPsk());
    CHECK(tcToken.serverAddress == world->eidServer().serverAddress());
    CHECK(tcToken.sessionIdentifier == world->eService().lastSessionIdentifier());

    auto channel = pskChannel(*world, tcToken);
    ScriptedClient client(over(*channel));
    auto end = client.run(tcToken.sessionIdentifier);
    REQUIRE(end.ok());
    CHECK(end->result.isOk());
    CHECK(channel->cipher().name() == "RSA-PSK-AES256-GCM-SHA384");
    CHECK(channel->cipher().protocol() == QSsl::TlsV1_2);
    CHECK(world->eidServer().handshakesCompleted() == 1);

    QUrl refresh = tcToken.refreshAddress;
    QUrlQuery query(refresh);
    query.addQueryItem("ResultMajor", "ok");
    refresh.setQuery(query);
    auto page = fetch(*world, refresh);
    REQUIRE(page.result.ok());
    CHECK(page.result->status == 200);
    const QByteArray html = page.result->body;
    CHECK(html.contains("<p id=\"status\">ok</p>"));
    CHECK(html.contains("ERIKA"));
    CHECK(html.contains("MUSTERMANN"));
    CHECK(html.contains("ResultMajor=ok"));
}

TEST_CASE("The certificate description names the eService origin and pins both TLS servers",
          "[world][pki]") {
    auto world = startWorld();
    const auto& certificates = world->serviceCertificates();
    auto description = eac::CertificateDescription::parse(certificates.certificateDescription);
    REQUIRE(description.ok());
    CHECK(description->subjectUrl() ==
          std::optional<std::string>(world->eService().origin().toString().toStdString()));
    auto terminal = eac::CvCertificate::parse(certificates.terminalCertificate);
    REQUIRE(terminal.ok());
    CHECK(description->checkBoundTo(*terminal).ok());

    const auto pins = net::CommCertificates::fromDescription(*description);
    CHECK(pins.allows(world->tls().serverCertificate()));
    auto token = fetch(*world, world->eService().tcTokenUrl());
    REQUIRE(token.result.ok());
    REQUIRE_FALSE(token.result->certificates.isEmpty());
    for (const auto& seen : token.result->certificates)
        CHECK(pins.allows(seen));
    // The terminal certificate is accepted by the card below the test CVCA it trusts.
    CHECK(terminal->authorityReference() == TestPki::kDvReference);
}

TEST_CASE("The login page links to the local eID-Client with the TC token URL", "[world]") {
    auto world = startWorld();
    auto page = fetch(*world, world->eService().loginUrl());
    REQUIRE(page.result.ok());
    CHECK(page.result->status == 200);
    const QByteArray expected = "http://127.0.0.1:24727/eID-Client?tcTokenURL=" +
                                QUrl::toPercentEncoding(world->eService().tcTokenUrl().toString());
    CHECK(page.result->body.contains(expected));
    CHECK(world->eService().activationUrl().toString(QUrl::FullyEncoded).toLatin1() == expected);
}

TEST_CASE("Wrong description hash: the terminal certificate does not name the description sent",
          "[world][switch]") {
    Misbehaviour misbehaviour;
    misbehaviour.wrongDescriptionHash = true;
    auto world = startWorld(misbehaviour);
    auto token = fetchToken(*world);
    REQUIRE(token.ok());
    REQUIRE(token->outcome.token.has_value());
    auto channel = pskChannel(*world, *token->outcome.token);
    ScriptedClient client(over(*channel));
    (void)client.run(token->outcome.token->sessionIdentifier);
    REQUIRE(client.eac1Input().has_value());
    auto description =
        eac::CertificateDescription::parse(client.eac1Input()->certificateDescription);
    REQUIRE(description.ok());
    std::optional<eac::CvCertificate> terminal;
    for (const auto& encoded : client.eac1Input()->certificates) {
        auto certificate = eac::CvCertificate::parse(encoded);
        REQUIRE(certificate.ok());
        if (certificate->descriptionHash()) terminal = *certificate;
    }
    REQUIRE(terminal.has_value());
    CHECK_FALSE(description->checkBoundTo(*terminal).ok());
}

TEST_CASE("Abort by closing the connection: the PAOS POST gets no answer", "[world][switch]") {
    for (auto step :
         {PaosStep::InitializeFramework, PaosStep::Eac1, PaosStep::Eac2, PaosStep::Transmit}) {
        Misbehaviour misbehaviour;
        misbehaviour.abortInsteadOf = step;
        misbehaviour.abortByClosingConnection = true;
        auto world = startWorld(misbehaviour);
        auto token = fetchToken(*world);
        REQUIRE(token.ok());
        REQUIRE(token->outcome.token.has_value());
        auto channel = pskChannel(*world, *token->outcome.token);
        ScriptedClient client(over(*channel));
        auto end = client.run(token->outcome.token->sessionIdentifier);
        CHECK_FALSE(end.ok());
        const auto* session = world->eidServer().session(token->outcome.token->sessionIdentifier);
        REQUIRE(session != nullptr);
        CHECK(session->result().finished);
        CHECK_FALSE(session->result().ok);
    }
}

TEST_CASE("The token URL's query chooses the data groups and the age check", "[world][request]") {
    auto world = startWorld();
    QUrl url = world->eService().tcTokenUrl();
    url.setQuery("read=DG4,DG5&optional=&age=20080101");
    auto fetched = fetch(*world, url);
    REQUIRE(fetched.result.ok());
    const auto outcome = net::evaluateTcToken(fetched.result->body);
    REQUIRE(outcome.token.has_value());
    auto channel = pskChannel(*world, *outcome.token);
    ScriptedClient client(over(*channel));
    auto end = client.run(outcome.token->sessionIdentifier);
    REQUIRE(end.ok());
    CHECK(end->result.isOk());
    const auto* session = world->eidServer().session(outcome.token->sessionIdentifier);
    REQUIRE(session != nullptr);
    CHECK(session->result().read ==
          std::vector<eid::DataGroup>{eid::DataGroup::DG4, eid::DataGroup::DG5});
    CHECK(session->result().ageVerified == std::optional<bool>(true));

    auto page = fetch(*world, outcome.token->refreshAddress);
    REQUIRE(page.result.ok());
    CHECK(page.result->body.contains("<p id=\"age\">born on or before 20080101: yes</p>"));

    QUrl bad = world->eService().tcTokenUrl();
    bad.setQuery("read=DG99");
    auto refused = fetch(*world, bad);
    // A 400 is an answer with a status, not a transport error.
    REQUIRE(refused.result.ok());
    CHECK(refused.result->status == 400);
}
