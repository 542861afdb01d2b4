// TA, CA, RI, VERIFY and (de)activation with a freshly made chain whose terminal has all rights.
#include <catch2/catch.hpp>

#include "TerminalChannel.h"
#include "TestCertificates.h"
#include "asn1/Tlv.h"
#include "sim/card/ChipCrypto.h"
#include "sim/card/EfCardAccess.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace oa::test;

namespace {

// ID_PICC of the worked example's PACE run, which workedExamplePace() reproduces.
const Bytes kChipIdentifier =
    hexBytes("282CF38073036AFAC216AF135BD994DA0C357F10BD4C34AFEA1042B2EB0FD680");
const Bytes kAuxiliaryData = hexBytes(
    "67297315060904007F000703010401530832303030303130317310060904007F0007030104035303027605");

Bytes value(const ResponseApdu& response, asn1::Tag tag) {
    const auto outer = asn1::readOne(response.data());
    REQUIRE(outer.ok());
    const auto inner = outer->children();
    REQUIRE(inner.ok());
    const auto element = asn1::find(*inner, tag);
    REQUIRE(element);
    return Bytes(element->value.begin(), element->value.end());
}

class FullRightsTerminal {
public:
    explicit FullRightsTerminal(const std::string& rights = "3FFFFFFF3F") {
        cvca_ = cvCertificate("DETESTCVCA00001", "DETESTCVCA00001", cvcaKey_, cvcaKey_,
                              "FFFFFFFFFF", true);
        dv_ = cvCertificate("DETESTCVCA00001", "DETESTDV000001", dvKey_, cvcaKey_, "BFFFFFFFFF",
                            false);
        terminal_ = cvCertificate("DETESTDV000001", "DETESTTERM00001", terminalKey_, dvKey_, rights,
                                  false, {sim::terminalSectorExtension(sectorPublicKey())});
    }

    // Restricted Identification: the sector key the terminal certificate names.
    Bytes sectorPublicKey() const { return sim::sectorPublicKeyDataObject(sectorKey_.point()); }

    sim::CardProfile profile(const char* name = "mustermann") const {
        sim::CardProfile profile = *sim::builtInProfile(name);
        profile.trustAnchors = {cvca_};
        profile.currentDate = "240601";
        return profile;
    }

    // PACE (worked example keys), TA with this chain and CA; returns the channel with CA's keys.
    TerminalChannel authenticate(VirtualCard& card) {
        workedExamplePace(card);
        card.setEacTestHooks(std::nullopt);
        TerminalChannel pace = paceChannel();
        importChain(card, pace);
        const auto curve = *sim::chip::EcCurve::standardized(13);
        const Bytes secret = curve.randomScalar();
        const Bytes ephemeral = *curve.multiply(curve.generator(), secret);
        const Bytes setAt =
            concat({asn1::encode(0x80, hexBytes("04007F00070202020203")),
                    asn1::encode(0x83, asciiBytes("DETESTTERM00001")), kAuxiliaryData,
                    asn1::encode(0x91, curve.xCoordinate(ephemeral))});
        REQUIRE(pace.transmit(card, CommandApdu(0x00, 0x22, 0x81, 0xA4, setAt)).isSuccess());
        const Bytes challenge =
            pace.transmit(card, CommandApdu(0x00, 0x84, 0x00, 0x00, {}, 8)).data();
        const Bytes signature = terminalKey_.sign(
            concat({kChipIdentifier, challenge, curve.xCoordinate(ephemeral), kAuxiliaryData}));
        REQUIRE(pace.transmit(card, CommandApdu(0x00, 0x82, 0x00, 0x00, signature)).isSuccess());

        REQUIRE(
            pace.transmit(card, CommandApdu(0x00, 0x22, 0x41, 0xA4,
                                            asn1::encode(0x80, hexBytes("04007F00070202030202"))))
                .isSuccess());
        const auto answer = pace.transmit(
            card, CommandApdu(0x00, 0x86, 0x00, 0x00,
                              asn1::encode(0x7C, asn1::encode(0x80, ephemeral)), 256));
        REQUIRE(answer.isSuccess());
        const Bytes nonce = value(answer, 0x81);
        const Bytes shared =
            curve.xCoordinate(*curve.multiply(card.chipAuthenticationPublicKey(), secret));
        const SecureBytes encryption = sim::chip::deriveKey(shared, nonce, 1, 128);
        const SecureBytes mac = sim::chip::deriveKey(shared, nonce, 2, 128);
        const Bytes token = sim::chip::cmac8(
            mac.bytes(), sim::publicKeyDataObject(hexBytes("04007F00070202030202"), ephemeral));
        CHECK(value(answer, 0x82) == token);  // the chip is genuine
        return TerminalChannel(Bytes(encryption.bytes().begin(), encryption.bytes().end()),
                               Bytes(mac.bytes().begin(), mac.bytes().end()));
    }

private:
    void importChain(VirtualCard& card, TerminalChannel& channel) {
        for (const auto& [car, certificate] :
             {std::pair{"DETESTCVCA00001", &dv_}, std::pair{"DETESTDV000001", &terminal_}}) {
            REQUIRE(channel
                        .transmit(card, CommandApdu(0x00, 0x22, 0x81, 0xB6,
                                                    asn1::encode(0x83, asciiBytes(car))))
                        .isSuccess());
            const auto outer = asn1::readOne(*certificate);
            REQUIRE(
                channel
                    .transmit(card, CommandApdu(0x00, 0x2A, 0x00, 0xBE,
                                                Bytes(outer->value.begin(), outer->value.end())))
                    .isSuccess());
        }
    }

    TestKey cvcaKey_, dvKey_, terminalKey_, sectorKey_;
    Bytes cvca_, dv_, terminal_;
};

const CommandApdu kSelectEid(0x00, 0xA4, 0x04, 0x0C, hexBytes("E80704007F00070302"));

ResponseApdu readDataGroup(TerminalChannel& channel, VirtualCard& card, int number) {
    return channel.transmit(
        card, CommandApdu(0x00, 0xB0, static_cast<std::uint8_t>(0x80 | number), 0x00, {}, 256));
}

}  // namespace

TEST_CASE("EAC: after TA and CA the terminal reads the data groups its rights allow") {
    FullRightsTerminal terminal;
    VirtualCard card(terminal.profile());
    TerminalChannel channel = terminal.authenticate(card);
    REQUIRE(channel.transmit(card, kSelectEid).isSuccess());
    const auto givenNames = readDataGroup(channel, card, 4);
    CHECK(givenNames.sw() == 0x6282);
    CHECK(toHex(givenNames.data()) == "64070C05" + toHex(asciiBytes("ERIKA")));
    CHECK(readDataGroup(channel, card, 17).sw() == 0x6282);
    CHECK(readDataGroup(channel, card, 19).sw() == 0x6A82);  // no residence permit
}

TEST_CASE("EAC: a terminal without the right for a data group is refused") {
    FullRightsTerminal terminal("0000000001");  // age verification only
    VirtualCard card(terminal.profile());
    TerminalChannel channel = terminal.authenticate(card);
    REQUIRE(channel.transmit(card, kSelectEid).isSuccess());
    CHECK(readDataGroup(channel, card, 4).sw() == 0x6982);
}

TEST_CASE("EAC: VERIFY checks age and community against the authenticated auxiliary data") {
    FullRightsTerminal terminal;
    VirtualCard card(terminal.profile());
    TerminalChannel channel = terminal.authenticate(card);
    const auto verify = [&](const char* oid) {
        return channel
            .transmit(card, CommandApdu(0x80, 0x20, 0x80, 0x00, asn1::encode(0x06, hexBytes(oid))))
            .sw();
    };
    CHECK(verify("04007F000703010401") == 0x9000);  // born 1964 <= 2000-01-01
    CHECK(verify("04007F000703010403") == 0x9000);  // 02760503150000 starts with 027605
    CHECK(verify("04007F000703010402") == 0x6A88);  // no validity reference sent
}

TEST_CASE("EAC: the under-18 test person fails the age verification") {
    FullRightsTerminal terminal;
    VirtualCard card(terminal.profile("under18"));
    TerminalChannel channel = terminal.authenticate(card);
    CHECK(channel
              .transmit(card, CommandApdu(0x80, 0x20, 0x80, 0x00,
                                          asn1::encode(0x06, hexBytes("04007F000703010401"))))
              .sw() == 0x6300);
}

namespace {

// MSE:Set AT for RI, then General Authenticate with the sector public key data objects.
ResponseApdu restrictedIdentification(TerminalChannel& channel, VirtualCard& card,
                                      const Bytes& request) {
    REQUIRE(channel
                .transmit(card, CommandApdu(0x00, 0x22, 0x41, 0xA4,
                                            concat({asn1::encode(0x80, hexBytes("04007F000702020502"
                                                                                "03")),
                                                    asn1::encode(0x84, Bytes{0x01})})))
                .isSuccess());
    return channel.transmit(card, CommandApdu(0x00, 0x86, 0x00, 0x00, request, 256));
}

// 7C { A0 <content of the 7F49 data object> }
Bytes firstSectorKeyRequest(const Bytes& sectorPublicKey) {
    const auto dataObject = asn1::readOne(sectorPublicKey);
    REQUIRE(dataObject.ok());
    return asn1::encode(0x7C, asn1::encode(0xA0, dataObject->value));
}

}  // namespace

TEST_CASE("EAC: restricted identification gives a stable sector-specific identifier") {
    FullRightsTerminal terminal;
    const auto identify = [&](const char* profile) {
        VirtualCard card(terminal.profile(profile));
        TerminalChannel channel = terminal.authenticate(card);
        const auto answer = restrictedIdentification(
            channel, card, firstSectorKeyRequest(terminal.sectorPublicKey()));
        REQUIRE(answer.isSuccess());
        return value(answer, 0x81);
    };
    const Bytes first = identify("mustermann");
    CHECK(first.size() == 32);
    CHECK(identify("mustermann") == first);
    CHECK(identify("under18") != first);
}

TEST_CASE("EAC: restricted identification refuses a sector key the terminal is not certified for") {
    FullRightsTerminal terminal;
    VirtualCard card(terminal.profile());
    TerminalChannel channel = terminal.authenticate(card);
    const TestKey otherSector;
    const auto answer = restrictedIdentification(
        channel, card, firstSectorKeyRequest(sim::sectorPublicKeyDataObject(otherSector.point())));
    CHECK(answer.sw() == 0x6A80);
    CHECK(answer.data().empty());
}

TEST_CASE("EAC: restricted identification refuses a second sector key the terminal lacks") {
    FullRightsTerminal terminal;
    VirtualCard card(terminal.profile());
    TerminalChannel channel = terminal.authenticate(card);
    const Bytes sectorPublicKey = terminal.sectorPublicKey();
    const auto dataObject = asn1::readOne(sectorPublicKey);
    REQUIRE(dataObject.ok());
    const Bytes both = asn1::encode(
        0x7C, {asn1::encode(0xA0, dataObject->value), asn1::encode(0xA2, dataObject->value)});
    CHECK(restrictedIdentification(channel, card, both).sw() == 0x6A80);
}

TEST_CASE("EAC: a terminal with the PIN management right deactivates and activates the eID") {
    FullRightsTerminal terminal;
    VirtualCard card(terminal.profile());
    TerminalChannel channel = terminal.authenticate(card);
    CHECK(channel.transmit(card, CommandApdu(0x00, 0x04, 0x10, 0x03)).isSuccess());
    CHECK(card.pinState().eidDeactivated);
    CHECK(channel.transmit(card, CommandApdu(0x00, 0x44, 0x10, 0x03)).isSuccess());
    CHECK_FALSE(card.pinState().eidDeactivated);
}

TEST_CASE("EAC: without the PIN management right the eID cannot be deactivated") {
    FullRightsTerminal terminal("0000000001");
    VirtualCard card(terminal.profile());
    TerminalChannel channel = terminal.authenticate(card);
    CHECK(channel.transmit(card, CommandApdu(0x00, 0x04, 0x10, 0x03)).sw() == 0x6982);
    CHECK_FALSE(card.pinState().eidDeactivated);
}

TEST_CASE("EF.CardSecurity: the infos to sign carry the chip's key; the signed file needs SM") {
    VirtualCard card;
    const std::string infos = toHex(card.cardSecurityInfos());
    CHECK(infos.find(toHex(card.chipAuthenticationPublicKey())) != std::string::npos);
    CHECK(infos.find("04007F00070202050203") != std::string::npos);  // RI
    card.setCardSecurity(hexBytes("3003020101"));
    CHECK(toHex(card.process(hexBytes("00B09D0000"))) == "6982");
    workedExamplePace(card);
    TerminalChannel channel = paceChannel();
    const auto read = channel.transmit(card, CommandApdu(0x00, 0xB0, 0x9D, 0x00, {}, 256));
    CHECK(toHex(read.data()) == "3003020101");
}

TEST_CASE("EAC: a terminal with write rights replaces the address in DG17") {
    FullRightsTerminal terminal;
    VirtualCard card(terminal.profile());
    TerminalChannel channel = terminal.authenticate(card);
    REQUIRE(channel.transmit(card, kSelectEid).isSuccess());
    const Bytes address = concat({hexBytes("7108A1060C04"), asciiBytes("BONN")});
    CHECK(channel.transmit(card, CommandApdu(0x00, 0xD6, 0x91, 0x00, address)).sw() == 0x9000);
    CHECK(readDataGroup(channel, card, 17).data() == address);
    CHECK(channel.transmit(card, CommandApdu(0x00, 0xD6, 0x84, 0x00, hexBytes("6400"))).sw() ==
          0x6982);  // DG4 is never writable
}

TEST_CASE("EAC: without write rights DG17 stays as it is") {
    FullRightsTerminal terminal("0000000001");
    VirtualCard card(terminal.profile());
    TerminalChannel channel = terminal.authenticate(card);
    REQUIRE(channel.transmit(card, kSelectEid).isSuccess());
    CHECK(channel.transmit(card, CommandApdu(0x00, 0xD6, 0x91, 0x00, hexBytes("7100"))).sw() ==
          0x6982);
}
