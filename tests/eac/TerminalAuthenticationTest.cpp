#include <catch2/catch.hpp>

#include "ScriptedCard.h"
#include "crypto/EcCurve.h"
#include "crypto/Ecdsa.h"
#include "eac/TerminalAuthentication.h"

using namespace oa;
using namespace oa::eac;

namespace {

// BSI Worked Example v1.01: DV and terminal certificate below the CVCA DECVCAAT00001.
const char* kDvCertificate =
    "7F218201667F4E81DE5F290100420D444543564341415430303030317F498190060A04007F0007020202020586"
    "8181040A74972E84B7D2C428FBE46D40C92D6CB56AE6A4B0AF5B8BC0927E5EF6F73220776D31693E36D685DF6C"
    "F3763E41728D967DC1963F7CA70F0EA7ADB5EA856D8A133B867B8EF4132E7FFA3E8F32CD0321FC22199B932337"
    "6E59D84A062491948117178BF4DB6C0EE7A235BFC3D4459183D408232AC781C78CF5C54E2FF35BA5165F200D44"
    "4554455354445644453031397F4C12060904007F0007030102025305801FFFFF105F25060100000903005F2406"
    "0100010003005F37818098C637BEFA63058921902896A605206D5BE3BFF2F7E258EB0BB06EA7E84DFBC98E3527"
    "6110C684BB23D277350E3862E6A30520808F417B8911985880A556E1758C7FE6545B3DA03383BD7B5B51DEC007"
    "139CBC44FF320F84F2B6AD44C7B28FCAEB2B7B98E3A2BAE8322B115A8F10D48349281B4F4645C9AAE307CFAE9A"
    "D6B194";
const char* kTerminalCertificate =
    "7F218201667F4E81DE5F290100420D444554455354445644453031397F498190060A04007F0007020202020586"
    "8181043385B484E8E994C93F55ADF4A9C92DA3C063AC7D744E85D38EE070BF6FF8D7ABA2DE688724B27D6BAE2B"
    "1C8AE074C09BB8808CC83036B0692898711D3F6FC3213846E14B3154845084DFBC0EB70AE2BDEA8EEBD6796ACF"
    "A4C56F5703CE5A6EFE0A266E43C3F71A1B7EEC60E5C6F0850DC4D3455F53282C9FBCA85DC947D13BEE5F200D44"
    "4554455354415444453031397F4C12060904007F000703010202530500000001105F25060100000903005F2406"
    "0100010003005F37818034BB8C280A7A593CF7C7E9F375FFFFBFD92C4E3F6188A44824215E11EF47D03428CFC9"
    "1936A2609C742EF92C5968BCE65BA42AED7AAD70B7B2A31201DC152CEC930D7D7954BFBE0021AD1FD2ACAA6C34"
    "9A6C2FB86514B9F03DFAB99871FBD990DD8416D3EDA2883EBD0B94401A7DBFE16E5A1DB643EE7C2FC0D5D77BAE"
    "3666AF";
const char* kSignature =
    "81A2D9E5891B86A0F01ADD0341C89D6E9EF3E20C223884F27B2F2040E9721C46C9C3CF7C0EE0A422263BA6F1EA"
    "FC693BD8738F34760B5998584F58DD25B8D60D99D7C45957C2E2F10C0E5F91A8DC88BD7CFA33CBF784A9DA83C8"
    "00324165179DBE71C69B2C0FD811270E436C43278184DDB542142342DBF156E82D2A1BC19085";
const char* kIdPicc = "282CF38073036AFAC216AF135BD994DA0C357F10BD4C34AFEA1042B2EB0FD680";
const char* kChallenge = "547E4EAB03B235D2";
const char* kComp = "5A7A377FC9CAFC03AC7FF45441A8B2909D88EAB8E6B0173847AB49B949DF3799";
const char* kTaTemplate = "800A04007F00070202020205830D44455445535441544445303139";

Bytes certificateValue(const char* hex) {
    const Bytes certificate = hexBytes(hex);
    return Bytes(certificate.begin() + 5, certificate.end());  // after 7F21 82 xxxx
}

std::vector<std::pair<Bytes, Bytes>> script(const char* externalAuthenticateAnswer) {
    const Bytes ok = hexBytes("9000");
    return {
        {hexBytes("002281B60F830D44454356434141543030303031"), ok},
        {concat({hexBytes("002A00BE000166"), certificateValue(kDvCertificate)}), ok},
        {hexBytes("002281B60F830D44455445535444564445303139"), ok},
        {concat({hexBytes("002A00BE000166"), certificateValue(kTerminalCertificate)}), ok},
        {concat({hexBytes("002281A43D"), hexBytes(kTaTemplate), hexBytes("9120"), hexBytes(kComp)}),
         ok},
        {hexBytes("0084000008"), concat({hexBytes(kChallenge), ok})},
        {concat({hexBytes("0082000080"), hexBytes(kSignature)}),
         hexBytes(externalAuthenticateAnswer)},
    };
}

TerminalAuthentication::Input workedExampleInput() {
    TerminalAuthentication::Input input;
    input.certificates = {hexBytes(kDvCertificate), hexBytes(kTerminalCertificate)};
    input.idPicc = hexBytes(kIdPicc);
    input.ephemeralKeyComp = hexBytes(kComp);
    return input;
}

}  // namespace

TEST_CASE("Terminal Authentication sends the BSI worked example chain and signs the right data",
          "[ta][bsi]") {
    test::ScriptedCard card(script("9000"));
    Bytes signedData;
    auto signer = [&](ByteView data) -> Result<Bytes> {
        signedData.assign(data.begin(), data.end());
        return hexBytes(kSignature);
    };
    auto result = TerminalAuthentication(card).run(workedExampleInput(), signer);
    CHECK(card.mismatches.empty());
    REQUIRE(result);
    CHECK(card.finished());
    CHECK(signedData == concat({hexBytes(kIdPicc), hexBytes(kChallenge), hexBytes(kComp)}));
    // The published signature verifies over exactly these bytes with the terminal key.
    auto curve = crypto::EcCurve::standardized(17);
    REQUIRE(curve);
    const Bytes terminal = hexBytes(kTerminalCertificate);
    const Bytes point(terminal.begin() + 47, terminal.begin() + 47 + 129);
    CHECK(crypto::verifyEcdsaSignature(*curve, point, crypto::HashAlgorithm::Sha512, signedData,
                                       hexBytes(kSignature)));
}

TEST_CASE("Terminal Authentication reports a refused signature", "[ta]") {
    test::ScriptedCard card(script("6300"));
    auto result = TerminalAuthentication(card).run(
        workedExampleInput(), [](ByteView) -> Result<Bytes> { return hexBytes(kSignature); });
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::AuthenticationFailed);
}

TEST_CASE("Terminal Authentication sends and signs exactly one auxiliary data object", "[ta]") {
    const Bytes aux = hexBytes("67177315060904007F00070301040153083139393730363330");
    auto lines = script("9000");
    lines[4].first = concat(
        {hexBytes("002281A456"), hexBytes(kTaTemplate), aux, hexBytes("9120"), hexBytes(kComp)});
    test::ScriptedCard card(lines);
    Bytes signedData;
    auto input = workedExampleInput();
    input.auxiliaryData = aux;
    auto result = TerminalAuthentication(card).run(input, [&](ByteView data) -> Result<Bytes> {
        signedData.assign(data.begin(), data.end());
        return hexBytes(kSignature);
    });
    CHECK(card.mismatches.empty());
    REQUIRE(result);
    CHECK(signedData == concat({hexBytes(kIdPicc), hexBytes(kChallenge), hexBytes(kComp), aux}));
}
