// The whole eID session over NFC: PACE, TA, passive authentication, CA and the data groups,
// through libnfc's pn532_uart driver and the simulated PN532 to the virtual card.
#include <catch2/catch.hpp>

#include "EmulatedReader.h"
#include "TestTerminal.h"
#include "eid/SelfAuthentication.h"
#include "sim/pki/TestPki.h"

using namespace oa;
using namespace oa::eid;
using oa::test::EmulatedReader;
using oa::test::testCscaOnly;
using oa::test::testTerminal;

namespace {

SelfAuthenticationRequest everything(const char* pin = "123456") {
    SelfAuthenticationRequest request;
    request.dataGroups = allDataGroups();
    request.pin = SecureBytes::fromAscii(pin);
    return request;
}

}  // namespace

TEST_CASE("Self-authentication over NFC reads every data group, certificates in chained blocks",
          "[nfc][selfauth]") {
    const auto type =
        GENERATE(sim::Pn532Emulator::TargetType::IsoA, sim::Pn532Emulator::TargetType::IsoB);
    EmulatedReader reader(std::make_shared<VirtualCard>(), type);
    auto card = reader.connect();
    SelfAuthentication session(*card, testTerminal(), testCscaOnly());
    auto result = session.run(everything());
    INFO((result ? std::string() : result.error().message + " / " + result.error().detail));
    REQUIRE(result);
    CHECK(session.pinStatus() == PinStatus::Operational);
    CHECK(reader.card->chipAuthenticated());
    CHECK(result->data.givenNames == "ERIKA");
    CHECK(result->data.familyNames == "MUSTERMANN");
    CHECK(result->data.dateOfBirth.has_value());
    CHECK_FALSE(result->documentSigner.empty());
    // A terminal certificate does not fit a short APDU, nor one 262-byte PN532 exchange: it
    // travelled as an extended APDU in chained ISO 14443-4 blocks.
    CHECK(reader.emulator->largestCommand() > 262);
    // EF.CardSecurity came back in one extended READ BINARY, chained over several blocks.
    CHECK(reader.emulator->largestResponse() > 262);
    CHECK(reader.emulator->largestBlock() <= 254);
}

TEST_CASE("Self-authentication over NFC with a wrong PIN reports the tries left",
          "[nfc][selfauth]") {
    EmulatedReader reader;
    auto card = reader.connect();
    SelfAuthentication session(*card, testTerminal(), testCscaOnly());
    auto result = session.run(everything("111111"));
    REQUIRE_FALSE(result);
    CHECK(result.error().message == "The PIN is wrong");
    CHECK(session.pinStatus() == PinStatus::TwoTriesLeft);
}

TEST_CASE("A card pulled from the NFC field mid-session ends it as removed, and the next works",
          "[nfc][selfauth]") {
    EmulatedReader reader;
    auto card = reader.connect();
    // Pulled after a few APDUs of the session, during PACE.
    struct PullingCard : Card {
        PullingCard(Card& inner, sim::Pn532Emulator& emulator) : inner(inner), emulator(emulator) {}
        Result<ResponseApdu> transmit(const CommandApdu& command) override {
            if (++sent == 4) emulator.removeCard();
            return inner.transmit(command);
        }
        const Bytes& atr() const override { return inner.atr(); }
        std::string readerName() const override { return inner.readerName(); }
        bool supportsExtendedLength() const override { return inner.supportsExtendedLength(); }
        Card& inner;
        sim::Pn532Emulator& emulator;
        int sent = 0;
    } pulling(*card, *reader.emulator);
    SelfAuthentication broken(pulling, testTerminal(), testCscaOnly());
    auto failed = broken.run(everything());
    REQUIRE_FALSE(failed);
    CHECK(failed.error().code == ErrorCode::CardRemoved);

    reader.emulator->insertCard(reader.card);
    REQUIRE(reader.waitForPresence(true));
    auto again = reader.connect();
    SelfAuthentication session(*again, testTerminal(), testCscaOnly());
    auto result = session.run(everything());
    REQUIRE(result);
    CHECK(result->data.familyNames == "MUSTERMANN");
}
