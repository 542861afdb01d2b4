// The whole client side of EAC against the virtual card, with the BSI worked example's keys,
// certificates and signature: PACE, TA, CA, then reading under the CA keys. Every APDU goes
// through our PaceChannel / TerminalAuthentication / ChipAuthentication and SecureMessagingCard.
#include <catch2/catch.hpp>

#include "BsiWorkedExample.h"
#include "card/sim/SimulatorBackend.h"
#include "eac/CardAccessReader.h"
#include "eac/ChipAuthentication.h"
#include "eac/PaceChannel.h"
#include "eac/SecureMessagingCard.h"
#include "eac/TerminalAuthentication.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace oa::eac;
using namespace oa::test::bsi;

TEST_CASE("Client EAC against the virtual card: PACE, TA, CA, then reading with CA keys",
          "[virtualcard][bsi]") {
    auto virtualCard = std::make_shared<VirtualCard>();
    virtualCard->setPaceTestHooks(sim::PaceTestHooks{
        hexBytes("7D98C00FC6C9E9543BBF94A87073A123"),
        hexBytes("19C428715663DE745D1824B855D2B967890C99D68ED5FEEE9DCDF8D7BBA289D2"),
        hexBytes("15872C56908C144002177994CFAAEDD5467CE150853C44535051FF24183039D8")});
    virtualCard->setEacTestHooks(
        VirtualCard::EacTestHooks{hexBytes("547E4EAB03B235D2"), hexBytes("4287B3072A3EDC60")});
    SimulatorBackend backend(virtualCard);
    auto connected = backend.connect(SimulatorBackend::kReaderName);
    REQUIRE(connected);
    Card& card = **connected;

    auto infos = readCardAccess(card);
    REQUIRE(infos);
    PaceChannel pace(card, *infos->choosePace());
    std::deque<SecureBytes> keys;
    keys.emplace_back(hexBytes("752287F5B02DE3C4BC3E17945118C51B23C97278E4CD748048AC56BA5BDC3D46"));
    keys.emplace_back(
        hexBytes("009D9A32DF93A57CCE33CA3CDD3457E33A976F293546C73550F397259C93BE0120"));
    pace.useTerminalKeysForTesting(std::move(keys));
    PaceRequest request;
    request.password = SecureBytes::fromAscii("123456");
    request.chat = hexBytes("7F4C12060904007F0007030102025305000513FF87");
    auto paced = pace.establish(request);
    INFO((paced ? std::string() : paced.error().detail));
    REQUIRE(paced);
    REQUIRE(paced->currentCar);
    CHECK(*paced->currentCar == asciiBytes("DECVCAAT00001"));
    SecureMessagingCard secure(card, std::make_unique<SecureMessaging>(std::move(paced->keys)));

    REQUIRE_FALSE(infos->chipAuthenticationInfos().empty());
    REQUIRE_FALSE(infos->chipAuthenticationDomainParameters().empty());
    auto caParameters =
        DomainParameters::standardized(*infos->chipAuthenticationDomainParameters()[0].parameterId);
    REQUIRE(caParameters);
    ChipAuthentication ca(secure, infos->chipAuthenticationInfos()[0], std::move(*caParameters));
    auto comp = ca.prepareEphemeralKey(SecureBytes(
        hexBytes("00A6A4D255C5BF7A77EC3D0553DB74F693CF044E18C98364D4977A296108AF19BD")));
    REQUIRE(comp);

    TerminalAuthentication::Input taInput;
    taInput.certificates = {hexBytes(kDvCertificate), hexBytes(kTerminalCertificate)};
    taInput.idPicc = paced->idPicc;
    taInput.ephemeralKeyComp = *comp;
    auto ta = TerminalAuthentication(secure).run(
        taInput, [](ByteView) -> Result<Bytes> { return hexBytes(kTerminalSignature); });
    INFO((ta ? std::string() : ta.error().detail));
    REQUIRE(ta);

    auto caKeys = ca.authenticate(virtualCard->chipAuthenticationPublicKey());
    INFO((caKeys ? std::string() : caKeys.error().detail));
    REQUIRE(caKeys);
    CHECK(Bytes(caKeys->encryption.bytes().begin(), caKeys->encryption.bytes().end()) ==
          hexBytes("94ABCD271AB7D9A5590BA52CB518B831"));
    CHECK(virtualCard->chipAuthenticated());
    secure.rekey(std::make_unique<SecureMessaging>(std::move(*caKeys)));

    auto select = secure.transmit(*CommandApdu::parse(hexBytes("00A4040C09E80704007F00070302")));
    REQUIRE(select);
    CHECK(select->isSuccess());
    auto dg1 = secure.transmit(CommandApdu(0x00, 0xB0, 0x81, 0x00, {}, 256));
    REQUIRE(dg1);
    CHECK(toHex(dg1->data()) == "610413024944");
    auto dg4 = secure.transmit(CommandApdu(0x00, 0xB0, 0x84, 0x00, {}, 256));
    REQUIRE(dg4);
    CHECK(dg4->sw() == 0x6982);
}
