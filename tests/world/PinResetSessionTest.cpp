// The test eID-Server's PIN reset sessions, driven by the world tests' own scripted client on the
// virtual card: the CHAT it asks, the RESET RETRY COUNTER and ACTIVATE it sends through Transmit
// after reading, and the card's refusal reported when the effective CHAT lacks PIN management.
#include <algorithm>
#include <catch2/catch.hpp>

#include "ScriptedClient.h"
#include "eac/Chat.h"
#include "sim/card/VirtualCard.h"
#include "sim/pki/TestPki.h"
#include "sim/world/EidSession.h"

using namespace oa;
using namespace oa::sim;
using oa::sim::test::ScriptedClient;

namespace {

const QString kSession = QStringLiteral("fedcba9876543210fedcba9876543210");

std::shared_ptr<const ServiceCertificates> pinResetCertificates() {
    static const auto issued = [] {
        auto made = ServiceCertificates::issuePinReset(TestPki::builtIn(), "https://127.0.0.1:4433",
                                                       {Bytes(32, 0xCD)});
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

EidRequest activation() {
    EidRequest request = pinResetRequest();
    request.newPin = SecureBytes::fromAscii("123456");  // the scripted client's PIN
    request.activateEid = true;
    return request;
}

struct Direct {
    explicit Direct(EidRequest request)
        : session(kSession, std::move(request), pinResetCertificates(), testCsca()) {}
    ScriptedClient::Post post() {
        return [this](const QByteArray& message) -> Result<QByteArray> {
            return session.handle(message).body;
        };
    }
    EidSession session;
};

eac::Chat requiredChat(const ScriptedClient& client) {
    REQUIRE(client.eac1Input());
    REQUIRE(client.eac1Input()->requiredChat);
    const Bytes& encoded = *client.eac1Input()->requiredChat;
    auto chat = encoded.size() > 2 && encoded[0] == 0x7F ? eac::Chat::parse(encoded)
                                                         : eac::Chat::parseContents(encoded);
    REQUIRE(chat.ok());
    return *chat;
}

int transmits(const ScriptedClient& client) {
    const auto& received = client.received();
    return static_cast<int>(
        std::count(received.begin(), received.end(), net::PaosMessageType::Transmit));
}

}  // namespace

TEST_CASE("A PIN reset order asks CAN allowed and the address, but not PIN management",
          "[session][pinreset]") {
    Direct server(pinResetRequest());
    ScriptedClient client(server.post());
    auto end = client.run(kSession);
    REQUIRE(end.ok());
    CHECK(end->result.isOk());
    const eac::Chat chat = requiredChat(client);
    CHECK(chat.has(eac::AccessRight::CanAllowed));
    CHECK_FALSE(chat.has(eac::AccessRight::PinManagement));
    CHECK(chat.has(eac::AccessRight::ReadDg17));
    const EidSessionResult& result = server.session.result();
    CHECK(result.ok);
    CHECK(result.data.placeOfResidence.has_value());
    CHECK_FALSE(result.pinSet);
    CHECK_FALSE(result.eidActivated);
}

TEST_CASE("A PIN reset activation sets the PIN (3 tries again) and sends ACTIVATE after reading",
          "[session][pinreset]") {
    Direct server(activation());
    ScriptedClient client(server.post());
    client.backend()->card()->restoreState({sim::PinState{2, sim::PinState::kPukUses, false, false},
                                            SecureBytes::fromAscii("123456")});
    auto end = client.run(kSession);
    REQUIRE(end.ok());
    INFO(server.session.result().error + " | " + server.session.result().errorDetail);
    CHECK(end->result.isOk());
    CHECK(requiredChat(client).has(eac::AccessRight::PinManagement));
    const EidSessionResult& result = server.session.result();
    CHECK(result.ok);
    CHECK(result.pinSet);
    CHECK(result.eidActivated);
    CHECK(transmits(client) >= 2);  // reads first, then the PIN management round
    CHECK(client.backend()->card()->pinState().retryCounter == 3);
}

TEST_CASE("A PIN reset activation reports the card's refusal when PIN management was not granted",
          "[session][pinreset]") {
    Direct server(activation());
    ScriptedClient::Options options;
    // The user's effective CHAT: the reads and CAN allowed, PIN management switched off.
    options.chatOverride =
        eac::Chat::authenticationTerminal(eac::CertificateRole::Terminal,
                                          {eac::AccessRight::CanAllowed, eac::AccessRight::ReadDg4,
                                           eac::AccessRight::ReadDg5, eac::AccessRight::ReadDg17})
            .encode();
    ScriptedClient client(server.post(), options);
    auto end = client.run(kSession);
    REQUIRE(end.ok());
    CHECK_FALSE(end->result.isOk());
    const EidSessionResult& result = server.session.result();
    CHECK_FALSE(result.ok);
    CHECK(result.error == "The card refused the new PIN");
    CHECK(result.errorDetail.find("6982") != std::string::npos);
    CHECK_FALSE(result.pinSet);
    CHECK_FALSE(result.eidActivated);
}
