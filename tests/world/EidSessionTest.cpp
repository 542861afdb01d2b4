#include <catch2/catch.hpp>

#include "ScriptedClient.h"
#include "crypto/Hash.h"
#include "eac/Chat.h"
#include "net/PaosWriter.h"
#include "sim/pki/TestPki.h"
#include "sim/world/EidSession.h"
#include "sim/world/TlsTestPki.h"

using namespace oa;
using namespace oa::sim;
using oa::sim::test::ScriptedClient;

namespace {

const QString kSession = QStringLiteral("0123456789abcdef0123456789abcdef");

std::shared_ptr<const ServiceCertificates> certificates() {
    static const auto issued = [] {
        auto made = ServiceCertificates::issue(TestPki::builtIn(), "https://127.0.0.1:4431",
                                               {Bytes(32, 0xAB)});
        REQUIRE(made.ok());
        return std::make_shared<const ServiceCertificates>(std::move(*made));
    }();
    return issued;
}

eac::CscaTrustList testCsca() {
    auto trust = eac::CscaTrustList::fromPem(TestPki::builtIn().cscaPem());
    REQUIRE(trust.ok());
    return *trust;
}

struct Direct {
    explicit Direct(SessionBehaviour behaviour = {}, EidRequest request = {})
        : session(kSession, std::move(request), certificates(), testCsca(), std::move(behaviour)) {}
    ScriptedClient::Post post() {
        return [this](const QByteArray& message) -> Result<QByteArray> {
            return session.handle(message).body;
        };
    }
    EidSession session;
};

using net::PaosMessageType;

}  // namespace

TEST_CASE("The eID-Server runs EAC with the card and reads the requested data groups",
          "[session]") {
    Direct server;
    ScriptedClient client(server.post());
    auto end = client.run(kSession);
    REQUIRE(end.ok());
    CHECK(end->result.isOk());
    const EidSessionResult& result = server.session.result();
    REQUIRE(result.finished);
    CHECK(result.ok);
    CHECK(result.error.empty());
    CHECK(result.data.givenNames == std::optional<std::string>("ERIKA"));
    CHECK(result.data.familyNames == std::optional<std::string>("MUSTERMANN"));
    CHECK(result.data.placeOfResidence.has_value());
    CHECK(result.notAllowed.empty());
    CHECK(result.documentSigner.find("OpenAusweis") != std::string::npos);
    CHECK(client.received() == std::vector<PaosMessageType>{PaosMessageType::InitializeFramework,
                                                            PaosMessageType::DidAuthenticateEac1,
                                                            PaosMessageType::DidAuthenticateEac2,
                                                            PaosMessageType::Transmit,
                                                            PaosMessageType::StartPaosResponse});
    CHECK(server.session.stepsSent().back() == PaosStep::StartPaosResponse);
}

TEST_CASE("Without InitializeFramework the server starts with EAC1", "[session]") {
    SessionBehaviour behaviour;
    behaviour.initializeFramework = false;
    Direct server(behaviour);
    ScriptedClient client(server.post());
    auto end = client.run(kSession);
    REQUIRE(end.ok());
    CHECK(end->result.isOk());
    CHECK(client.received().front() == PaosMessageType::DidAuthenticateEac1);
}

TEST_CASE("The server signs in EACAdditionalInput when asked to or when EAC1 had no challenge",
          "[session]") {
    SECTION("switch") {
        SessionBehaviour behaviour;
        behaviour.signInAdditionalInput = true;
        Direct server(behaviour);
        ScriptedClient client(server.post());
        auto end = client.run(kSession);
        REQUIRE(end.ok());
        CHECK(end->result.isOk());
        CHECK(std::count(client.received().begin(), client.received().end(),
                         PaosMessageType::DidAuthenticateEacAdditionalInput) == 1);
    }
    SECTION("no challenge in EAC1OutputType") {
        Direct server;
        ScriptedClient::Options options;
        options.sendChallengeInEac1 = false;
        ScriptedClient client(server.post(), options);
        auto end = client.run(kSession);
        REQUIRE(end.ok());
        CHECK(end->result.isOk());
        CHECK(server.session.result().ok);
        CHECK(std::count(client.received().begin(), client.received().end(),
                         PaosMessageType::DidAuthenticateEacAdditionalInput) == 1);
    }
}

TEST_CASE("Rights the user switched off are not read", "[session]") {
    Direct server;
    ScriptedClient::Options options;
    using eac::AccessRight;
    options.chatOverride =
        eac::Chat::authenticationTerminal(
            eac::CertificateRole::Terminal,
            {AccessRight::ReadDg1, AccessRight::ReadDg3, AccessRight::ReadDg4, AccessRight::ReadDg5,
             AccessRight::ReadDg8, AccessRight::ReadDg9, AccessRight::ReadDg17})
            .encode();
    ScriptedClient client(server.post(), options);
    auto end = client.run(kSession);
    REQUIRE(end.ok());
    const auto& result = server.session.result();
    CHECK(result.ok);
    CHECK(result.notAllowed == std::vector<eid::DataGroup>{eid::DataGroup::DG7,
                                                           eid::DataGroup::DG10,
                                                           eid::DataGroup::DG13});
    CHECK_FALSE(result.data.nationality.has_value());
    CHECK(result.data.givenNames.has_value());
}

TEST_CASE("A wrong Chip Authentication token ends the session with an error", "[session]") {
    Direct server;
    ScriptedClient::Options options;
    options.corruptAuthenticationToken = true;
    ScriptedClient client(server.post(), options);
    auto end = client.run(kSession);
    REQUIRE(end.ok());
    CHECK_FALSE(end->result.isOk());
    CHECK_FALSE(server.session.result().ok);
    CHECK(server.session.result().errorDetail.find("token") != std::string::npos);
    CHECK(client.received().back() == PaosMessageType::StartPaosResponse);
    CHECK(std::count(client.received().begin(), client.received().end(),
                     PaosMessageType::Transmit) == 0);
}

TEST_CASE("An error result from the client ends the session with StartPAOSResponse", "[session]") {
    for (auto type : {PaosMessageType::InitializeFramework, PaosMessageType::DidAuthenticateEac1,
                      PaosMessageType::DidAuthenticateEac2, PaosMessageType::Transmit}) {
        Direct server;
        ScriptedClient::Options options;
        options.answerWithError = type;
        ScriptedClient client(server.post(), options);
        auto end = client.run(kSession);
        REQUIRE(end.ok());
        CHECK_FALSE(end->result.isOk());
        CHECK_FALSE(server.session.result().ok);
        CHECK(server.session.result().error == "The eID-Client reported an error");
        CHECK(client.received().back() == PaosMessageType::StartPaosResponse);
    }
}

TEST_CASE("The abort switch replaces each PAOS step by an error StartPAOSResponse", "[session]") {
    const std::vector<std::pair<PaosStep, std::size_t>> cases{{PaosStep::InitializeFramework, 0},
                                                              {PaosStep::Eac1, 1},
                                                              {PaosStep::Eac2, 2},
                                                              {PaosStep::Transmit, 3}};
    for (const auto& [step, before] : cases) {
        SessionBehaviour behaviour;
        behaviour.abortInsteadOf = step;
        Direct server(behaviour);
        ScriptedClient client(server.post());
        auto end = client.run(kSession);
        REQUIRE(end.ok());
        CHECK_FALSE(end->result.isOk());
        CHECK(client.received().size() == before + 1);
        CHECK(client.received().back() == PaosMessageType::StartPaosResponse);
        CHECK(server.session.result().error == "The eID-Server aborted the authentication");
    }
}

TEST_CASE("A StartPAOS for another session is refused", "[session]") {
    Direct server;
    ScriptedClient client(server.post());
    auto end = client.run(QStringLiteral("ffffffffffffffffffffffffffffffff"));
    REQUIRE(end.ok());
    CHECK_FALSE(end->result.isOk());
    CHECK(client.received().size() == 1);
}

TEST_CASE("Messages with a wrong RelatesTo, a DTD or entities are refused", "[session][xml]") {
    Direct server;
    SECTION("DTD with an entity") {
        const QByteArray attack =
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaa\"><!ENTITY b "
            "\"&a;&a;&a;&a;\">]><soap:Envelope "
            "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>&b;</soap:Body>"
            "</soap:Envelope>";
        const auto reply = server.session.handle(attack);
        CHECK(reply.step == PaosStep::StartPaosResponse);
        CHECK(server.session.result().errorDetail.find("document type") != std::string::npos);
    }
    SECTION("undeclared entity") {
        const auto reply = server.session.handle(
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            "&xxe;</soap:Body></soap:Envelope>");
        CHECK(reply.step == PaosStep::StartPaosResponse);
        CHECK_FALSE(server.session.result().ok);
    }
    SECTION("RelatesTo that answers nothing") {
        net::StartPaos start;
        start.sessionIdentifier = kSession;
        const QByteArray message =
            net::writeStartPaos({net::newPaosMessageId(), QStringLiteral("urn:uuid:other")}, start);
        const auto reply = server.session.handle(message);
        CHECK(reply.step == PaosStep::StartPaosResponse);
        CHECK(server.session.result().errorDetail.find("RelatesTo") != std::string::npos);
    }
}

TEST_CASE("Age and validity are verified with VERIFY after CA when the request asks",
          "[session][aux]") {
    SECTION("old enough and valid") {
        EidRequest request;
        request.bornOnOrBefore = "20080101";
        request.validOn = "20260101";
        Direct server({}, request);
        ScriptedClient client(server.post());
        auto end = client.run(kSession);
        REQUIRE(end.ok());
        CHECK(end->result.isOk());
        CHECK(server.session.result().ageVerified == std::optional<bool>(true));
        CHECK(server.session.result().documentValidity == std::optional<bool>(true));
    }
    SECTION("born too late") {
        EidRequest request;
        request.bornOnOrBefore = "19000101";
        Direct server({}, request);
        ScriptedClient client(server.post());
        auto end = client.run(kSession);
        REQUIRE(end.ok());
        CHECK(server.session.result().ok);
        CHECK(server.session.result().ageVerified == std::optional<bool>(false));
        CHECK_FALSE(server.session.result().documentValidity.has_value());
    }
}
