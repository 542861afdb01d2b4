// The whole client side of EAC against the virtual card, with the BSI worked example's keys,
// certificates and signature: PACE, TA, CA, then reading under the CA keys. Every APDU goes
// through our PaceChannel / TerminalAuthentication / ChipAuthentication and SecureMessagingCard.
#include <catch2/catch.hpp>

#include "card/sim/SimulatorBackend.h"
#include "eac/CardAccessReader.h"
#include "eac/ChipAuthentication.h"
#include "eac/PaceChannel.h"
#include "eac/SecureMessagingCard.h"
#include "eac/TerminalAuthentication.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace oa::eac;

namespace {

const char* kDvCertificate =
    "7F218201667F4E81DE5F290100420D444543564341415430303030317F498190060A04007F000702020202058681"
    "81040A74972E84B7D2C428FBE46D40C92D6CB56AE6A4B0AF5B8BC0927E5EF6F73220776D31693E36D685DF6CF3"
    "763E41728D967DC1963F7CA70F0EA7ADB5EA856D8A133B867B8EF4132E7FFA3E8F32CD0321FC22199B9323376E"
    "59D84A062491948117178BF4DB6C0EE7A235BFC3D4459183D408232AC781C78CF5C54E2FF35BA5165F200D4445"
    "54455354445644453031397F4C12060904007F0007030102025305801FFFFF105F25060100000903005F240601"
    "00010003005F37818098C637BEFA63058921902896A605206D5BE3BFF2F7E258EB0BB06EA7E84DFBC98E352761"
    "10C684BB23D277350E3862E6A30520808F417B8911985880A556E1758C7FE6545B3DA03383BD7B5B51DEC00713"
    "9CBC44FF320F84F2B6AD44C7B28FCAEB2B7B98E3A2BAE8322B115A8F10D48349281B4F4645C9AAE307CFAE9AD6"
    "B194";
const char* kTerminalCertificate =
    "7F218201667F4E81DE5F290100420D444554455354445644453031397F498190060A04007F000702020202058681"
    "81043385B484E8E994C93F55ADF4A9C92DA3C063AC7D744E85D38EE070BF6FF8D7ABA2DE688724B27D6BAE2B1C"
    "8AE074C09BB8808CC83036B0692898711D3F6FC3213846E14B3154845084DFBC0EB70AE2BDEA8EEBD6796ACFA4"
    "C56F5703CE5A6EFE0A266E43C3F71A1B7EEC60E5C6F0850DC4D3455F53282C9FBCA85DC947D13BEE5F200D4445"
    "54455354415444453031397F4C12060904007F000703010202530500000001105F25060100000903005F240601"
    "00010003005F37818034BB8C280A7A593CF7C7E9F375FFFFBFD92C4E3F6188A44824215E11EF47D03428CFC919"
    "36A2609C742EF92C5968BCE65BA42AED7AAD70B7B2A31201DC152CEC930D7D7954BFBE0021AD1FD2ACAA6C349A"
    "6C2FB86514B9F03DFAB99871FBD990DD8416D3EDA2883EBD0B94401A7DBFE16E5A1DB643EE7C2FC0D5D77BAE36"
    "66AF";
const char* kTerminalSignature =
    "81A2D9E5891B86A0F01ADD0341C89D6E9EF3E20C223884F27B2F2040E9721C46C9C3CF7C0EE0A422263BA6F1EAFC"
    "693BD8738F34760B5998584F58DD25B8D60D99D7C45957C2E2F10C0E5F91A8DC88BD7CFA33CBF784A9DA83C8003"
    "24165179DBE71C69B2C0FD811270E436C43278184DDB542142342DBF156E82D2A1BC19085";

}  // namespace

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
