// The card side of the PIN reset service (online-protocols §8.3): PACE with the CAN and TA with
// the test PKI's PIN reset terminal (CAN allowed, PIN management) open the eID application and
// let the terminal set a new PIN and switch the eID function on, whatever the PIN's state.
#include <catch2/catch.hpp>

#include "EacTerminal.h"
#include "TerminalChannel.h"
#include "asn1/Tlv.h"
#include "sim/card/CardProfile.h"
#include "sim/card/VirtualCard.h"
#include "sim/pki/TestPki.h"

using namespace oa;
using namespace oa::test;

namespace {

const Bytes kAuthenticationTerminalOid = hexBytes("04007F000703010202");
constexpr std::uint8_t kCan = 0x02;
constexpr std::uint8_t kPin = 0x03;
constexpr int kAddress = 17;
constexpr int kDocumentType = 1;

// The worked example's PACE password is "123456": the card gets it as CAN here, and another PIN.
sim::CardProfile profileWithCan(int retryCounter = 3, bool eidDeactivated = false) {
    sim::CardProfile profile = sim::defaultProfile();
    profile.secrets.can = SecureBytes::fromAscii("123456");
    profile.secrets.pin = SecureBytes::fromAscii("975310");
    profile.pinState.retryCounter = retryCounter;
    profile.pinState.eidDeactivated = eidDeactivated;
    return profile;
}

// The worked example's PACE with this password reference and CHAT rights.
void paceWith(VirtualCard& card, std::uint8_t password, const char* chatRights) {
    card.setPaceTestHooks(sim::PaceTestHooks{
        hexBytes("7D98C00FC6C9E9543BBF94A87073A123"),
        hexBytes("19C428715663DE745D1824B855D2B967890C99D68ED5FEEE9DCDF8D7BBA289D2"),
        hexBytes("15872C56908C144002177994CFAAEDD5467CE150853C44535051FF24183039D8")});
    const Bytes chat = asn1::encode(0x7F4C, {asn1::encode(0x06, kAuthenticationTerminalOid),
                                             asn1::encode(0x53, hexBytes(chatRights))});
    const Bytes setAt =
        concat({asn1::encode(0x80, hexBytes("04007F00070202040202")),
                asn1::encode(0x83, Bytes{password}), asn1::encode(0x84, Bytes{0x0D}), chat});
    REQUIRE(ResponseApdu::parse(card.process(CommandApdu(0x00, 0x22, 0xC1, 0xA4, setAt).encode()))
                ->isSuccess());
    const char* steps[] = {
        "10860000027C0000",
        "10860000457C438141043DD29BBE5907FD21A152ADA4895FAAE7ACC55F5E50EFBFDE5AB0C6EB54F198D6159136"
        "35F0FDF5BEB383E00355F82D3C41ED0DF2E28363433DFB73856A15DC9F00",
        "10860000457C43834104518BC4E532AD2A9BD6527804D5D665ABD51041037A0CC8AA922804EB501C222B342738"
        "8599AFAAE9FBACE2DF93E13C3C4979CD12F0AE3E3C012602839155458200",
        "008600000C7C0A8508A27AE7B36573C1D900"};
    for (const char* step : steps) {
        const Bytes response = card.process(hexBytes(step));
        REQUIRE(toHex(ByteView(response).last(2)) == "9000");
    }
}

// PACE with `password`, TA with the built-in PIN reset terminal, CA: the channel under CA's keys.
TerminalChannel pinResetSession(VirtualCard& card, std::uint8_t password = kCan,
                                const char* chatRights = "0001101830") {
    const auto& pki = sim::TestPki::builtIn();
    paceWith(card, password, chatRights);
    card.setEacTestHooks(std::nullopt);
    TerminalChannel pace = paceChannel();
    REQUIRE(importChain(card, pace, {pki.dvCertificate(), pki.pinResetTerminalCertificate()}) ==
            0x9000);
    const EphemeralKey ephemeral = newEphemeralKey();
    REQUIRE(authenticateTerminal(card, pace, sim::TestPki::kPinResetTerminalReference,
                                 pki.pinResetTerminalKey(), ephemeral) == 0x9000);
    return authenticateChip(card, pace, ephemeral);
}

std::uint16_t setPin(TerminalChannel& channel, VirtualCard& card, const char* pin) {
    return channel.transmit(card, CommandApdu(0x00, 0x2C, 0x02, 0x03, asciiBytes(pin))).sw();
}

// READ BINARY of a whole short file: data, and 6282 when the file is shorter than asked.
bool readSome(const ResponseApdu& response) {
    return !response.data().empty() && (response.sw() == 0x9000 || response.sw() == 0x6282);
}

std::uint16_t activate(TerminalChannel& channel, VirtualCard& card) {
    return channel.transmit(card, CommandApdu(0x00, 0x44, 0x10, 0x03)).sw();
}

}  // namespace

TEST_CASE(
    "PIN reset: the CAN and a CAN-allowed terminal read the address of a card whose PIN is "
    "blocked",
    "[pinreset]") {
    VirtualCard card(profileWithCan(0));
    TerminalChannel channel = pinResetSession(card);
    REQUIRE(channel.transmit(card, kSelectEidApplication).isSuccess());
    const auto address = readDataGroup(channel, card, kAddress);
    CHECK(readSome(address));
    CHECK(address.data().size() > 10);
    // Outside the terminal's rights.
    CHECK(readDataGroup(channel, card, kDocumentType).sw() == 0x6982);
}

TEST_CASE("PIN reset: the CAN and a CAN-allowed terminal read a card whose eID is switched off",
          "[pinreset]") {
    VirtualCard card(profileWithCan(3, true));
    TerminalChannel channel = pinResetSession(card);
    REQUIRE(channel.transmit(card, kSelectEidApplication).isSuccess());
    CHECK(readSome(readDataGroup(channel, card, kAddress)));
}

TEST_CASE("PIN reset: with the CAN but without CAN allowed in the CHAT the eID stays closed",
          "[pinreset]") {
    VirtualCard card(profileWithCan());
    TerminalChannel channel = pinResetSession(card, kCan, "0001101820");
    REQUIRE(channel.transmit(card, kSelectEidApplication).isSuccess());
    CHECK(readDataGroup(channel, card, kAddress).sw() == 0x6982);
}

TEST_CASE(
    "PIN reset: PIN management sets a new PIN on a blocked card, which then works with three "
    "tries",
    "[pinreset]") {
    // The new PIN is the worked example's password, so PACE with the PIN can prove it.
    VirtualCard card(profileWithCan(0));
    {
        TerminalChannel channel = pinResetSession(card);
        CHECK(setPin(channel, card, "12345") == 0x6700);  // 6 digits only
        CHECK(card.pinState().retryCounter == 0);
        CHECK(setPin(channel, card, "123456") == 0x9000);
    }
    CHECK(card.pinState().retryCounter == 3);
    card.reset();
    TerminalChannel withPin = pinResetSession(card, kPin, "0001101800");
    REQUIRE(withPin.transmit(card, kSelectEidApplication).isSuccess());
    CHECK(readSome(readDataGroup(withPin, card, kAddress)));
}

TEST_CASE(
    "PIN reset: RESET RETRY COUNTER without data from a PIN management terminal gives three "
    "tries and uses no PUK",
    "[pinreset]") {
    VirtualCard card(profileWithCan(0));
    TerminalChannel channel = pinResetSession(card);
    CHECK(channel.transmit(card, CommandApdu(0x00, 0x2C, 0x03, 0x03)).sw() == 0x9000);
    CHECK(card.pinState().retryCounter == 3);
    CHECK(card.pinState().pukUsesLeft == sim::PinState::kPukUses);
}

TEST_CASE("PIN reset: PIN management switches a deactivated eID function on", "[pinreset]") {
    VirtualCard card(profileWithCan(3, true));
    TerminalChannel channel = pinResetSession(card);
    CHECK(activate(channel, card) == 0x9000);
    CHECK_FALSE(card.pinState().eidDeactivated);
}

TEST_CASE(
    "PIN reset: without PIN management in the CHAT the terminal can neither set the PIN nor "
    "activate",
    "[pinreset]") {
    VirtualCard card(profileWithCan(0, true));
    TerminalChannel channel = pinResetSession(card, kCan, "0001101810");
    CHECK(setPin(channel, card, "123456") == 0x6982);
    CHECK(activate(channel, card) == 0x6982);
    CHECK(card.pinState().retryCounter == 0);
    CHECK(card.pinState().eidDeactivated);
    // Reading still works: CAN allowed is granted.
    REQUIRE(channel.transmit(card, kSelectEidApplication).isSuccess());
    CHECK(readSome(readDataGroup(channel, card, kAddress)));
}

TEST_CASE("PIN reset: PACE with the CAN alone, without TA, neither sets the PIN nor reads",
          "[pinreset]") {
    VirtualCard card(profileWithCan(0));
    paceWith(card, kCan, "0001101830");
    TerminalChannel pace = paceChannel();
    CHECK(pace.transmit(card, CommandApdu(0x00, 0x2C, 0x02, 0x03, asciiBytes("123456"))).sw() ==
          0x6982);
    CHECK(card.pinState().retryCounter == 0);
}

TEST_CASE(
    "PIN reset: the built-in PIN reset terminal sits under the test DV with CAN allowed and "
    "PIN management, its description bound by hash",
    "[pinreset]") {
    const auto& pki = sim::TestPki::builtIn();
    const auto terminal = sim::parseCardCvCertificate(pki.pinResetTerminalCertificate());
    REQUIRE(terminal);
    CHECK(terminal->holderReference == sim::TestPki::kPinResetTerminalReference);
    CHECK(terminal->authorityReference == sim::TestPki::kDvReference);
    CHECK(terminal->isAuthenticationTerminal());
    const auto rights = sim::TerminalAuthorization::fromTemplate(terminal->rights);
    REQUIRE(rights);
    CHECK(rights->has(sim::TerminalAuthorization::kCanAllowed));
    CHECK(rights->has(sim::TerminalAuthorization::kPinManagement));
    CHECK(rights->mayRead(17));
    CHECK_FALSE(rights->mayRead(1));
    CHECK(toHex(ByteView(terminal->body))
              .find(toHex(sim::chip::sha256(pki.pinResetCertificateDescription()))) !=
          std::string::npos);
    // The eService terminal stays as it was.
    CHECK(pki.terminalCertificate() != pki.pinResetTerminalCertificate());
    CHECK(pki.pinResetCertificateDescription() != pki.certificateDescription());
}
