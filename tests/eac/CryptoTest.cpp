#include <catch2/catch.hpp>

#include "crypto/BlockCipher.h"
#include "crypto/DhGroup.h"
#include "crypto/EcCurve.h"
#include "crypto/Ecdsa.h"
#include "crypto/Hash.h"
#include "crypto/Kdf.h"
#include "crypto/Mac.h"
#include "crypto/Padding.h"
#include "crypto/Random.h"

using namespace oa;
using namespace oa::crypto;

namespace {
Bytes keyBytes(const SecureBytes& key) {
    return Bytes(key.bytes().begin(), key.bytes().end());
}
}  // namespace

TEST_CASE("SHA-1 of the ICAO G.1 MRZ information is the published K", "[crypto]") {
    CHECK(hash(HashAlgorithm::Sha1, asciiBytes("T22000129364081251010318")) ==
          hexBytes("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD"));
    CHECK(hash(HashAlgorithm::Sha512, {}).size() == 64);
    CHECK(hashLength(HashAlgorithm::Sha224) == 28);
}

TEST_CASE("KDF reproduces the ICAO and BSI password and session keys", "[crypto][kdf]") {
    CHECK(keyBytes(
              deriveKey(BlockCipher::Aes128, hexBytes("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD"),
                        {}, KdfPurpose::Password)) == hexBytes("89DED1B26624EC1E634C1989302849DD"));
    CHECK(
        keyBytes(deriveKey(BlockCipher::Aes128, asciiBytes("123456"), {}, KdfPurpose::Password)) ==
        hexBytes("591468CDA83D65219CCCB8560233600F"));
    const Bytes k = hexBytes("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925");
    CHECK(keyBytes(deriveKey(BlockCipher::Aes128, k, {}, KdfPurpose::Encryption)) ==
          hexBytes("F5F0E35C0D7161EE6724EE513A0D9A7F"));
    CHECK(keyBytes(deriveKey(BlockCipher::Aes128, k, {}, KdfPurpose::Mac)) ==
          hexBytes("FE251C7858B356B24514B3BD5F4297D1"));
}

TEST_CASE("KDF for 3DES sets DES parity as in ICAO App. D", "[crypto][kdf]") {
    const Bytes seed = hexBytes("239AB9CB282DAF66231DC5A4DF6BFBAE");
    CHECK(keyBytes(deriveKey(BlockCipher::Tdes, seed, {}, KdfPurpose::Encryption)) ==
          hexBytes("AB94FDECF2674FDFB9B391F85D7F76F2"));
    CHECK(keyBytes(deriveKey(BlockCipher::Tdes, seed, {}, KdfPurpose::Mac)) ==
          hexBytes("7962D9ECE03D1ACD4C76089DCE131543"));
    const Bytes session = hexBytes("0036D272F5C350ACAC50C3F572D23600");
    CHECK(keyBytes(deriveKey(BlockCipher::Tdes, session, {}, KdfPurpose::Encryption)) ==
          hexBytes("979EC13B1CBFE9DCD01AB0FED307EAE5"));
}

TEST_CASE("KDF for AES-192 and AES-256 uses SHA-256", "[crypto][kdf]") {
    const Bytes k = hexBytes("01");
    const Bytes sha = hash(HashAlgorithm::Sha256, hexBytes("0100000001"));
    CHECK(keyBytes(deriveKey(BlockCipher::Aes256, k, {}, KdfPurpose::Encryption)) == sha);
    CHECK(keyBytes(deriveKey(BlockCipher::Aes192, k, {}, KdfPurpose::Encryption)) ==
          Bytes(sha.begin(), sha.begin() + 24));
    const Bytes sha1 = hash(HashAlgorithm::Sha1, hexBytes("01AABB00000002"));
    CHECK(keyBytes(deriveKey(BlockCipher::Aes128, k, hexBytes("AABB"), KdfPurpose::Mac)) ==
          Bytes(sha1.begin(), sha1.begin() + 16));
}

TEST_CASE("ISO 9797-1 method 2 padding round-trips and rejects bad padding", "[crypto]") {
    CHECK(padIso9797(hexBytes("0102"), 8) == hexBytes("0102800000000000"));
    CHECK(padIso9797(hexBytes("0102030405060708"), 8) ==
          hexBytes("01020304050607088000000000000000"));
    CHECK(*unpadIso9797(hexBytes("0102800000000000"), 8) == hexBytes("0102"));
    CHECK(unpadIso9797(hexBytes("80000000000000000000000000000000"), 16)->empty());
    CHECK_FALSE(unpadIso9797(hexBytes("0102000000000000"), 8));
    CHECK_FALSE(unpadIso9797(hexBytes("01028000000000"), 8));
    CHECK_FALSE(unpadIso9797(hexBytes("80000000000000000000000000000000"), 8));
}

TEST_CASE("AES-CMAC matches RFC 4493", "[crypto][mac]") {
    const Bytes key = hexBytes("2b7e151628aed2a6abf7158809cf4f3c");
    CHECK(*aesCmac(key, {}) == hexBytes("bb1d6929e95937287fa37d129b756746"));
    CHECK(*aesCmac(key, hexBytes("6bc1bee22e409f96e93d7e117393172a")) ==
          hexBytes("070a16b46b4d4144f79bdd9dd04a287c"));
    CHECK_FALSE(aesCmac(hexBytes("0102"), {}));
}

TEST_CASE("3DES-CBC and retail MAC reproduce the ICAO App. D mutual authentication",
          "[crypto][mac]") {
    const Bytes kEnc = hexBytes("AB94FDECF2674FDFB9B391F85D7F76F2");
    const Bytes kMac = hexBytes("7962D9ECE03D1ACD4C76089DCE131543");
    const Bytes s = hexBytes("781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B");
    auto e = encryptCbc(BlockCipher::Tdes, kEnc, Bytes(8, 0), s);
    REQUIRE(e);
    CHECK(*e == hexBytes("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2"));
    CHECK(*decryptCbc(BlockCipher::Tdes, kEnc, Bytes(8, 0), *e) == s);
    CHECK(*secureMessagingMac(BlockCipher::Tdes, kMac, *e) == hexBytes("5F1448EEA8AD90A7"));
}

TEST_CASE("AES-CBC decrypts the ICAO G.1 nonce and rejects partial blocks", "[crypto]") {
    const Bytes kpi = hexBytes("89DED1B26624EC1E634C1989302849DD");
    CHECK(*decryptCbc(BlockCipher::Aes128, kpi, Bytes(16, 0),
                      hexBytes("95A3A016522EE98D01E76CB6B98B42C3")) ==
          hexBytes("3F00C4D39D153F2B2A214A078D899B22"));
    CHECK(*encryptEcb(BlockCipher::Aes128, kpi, hexBytes("3F00C4D39D153F2B2A214A078D899B22")) ==
          *encryptCbc(BlockCipher::Aes128, kpi, Bytes(16, 0),
                      hexBytes("3F00C4D39D153F2B2A214A078D899B22")));
    CHECK_FALSE(encryptCbc(BlockCipher::Aes128, kpi, Bytes(16, 0), hexBytes("01")));
    CHECK_FALSE(encryptCbc(BlockCipher::Aes256, kpi, Bytes(16, 0), Bytes(16, 0)));
}

TEST_CASE("EC generic mapping arithmetic reproduces ICAO G.1", "[crypto][ec]") {
    auto curve = EcCurve::standardized(13);
    REQUIRE(curve);
    CHECK(curve->fieldSize() == 32);
    auto pkMap = curve->multiplyGenerator(
        hexBytes("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99"));
    REQUIRE(pkMap);
    CHECK(curve->encodePoint(*pkMap) ==
          hexBytes("047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725"
                   "218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D"));
    auto pkMapIc = curve->decodePoint(
        hexBytes("04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F"
                 "73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54"));
    REQUIRE(pkMapIc);
    auto h = curve->multiply(
        *pkMapIc, hexBytes("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99"));
    REQUIRE(h);
    auto sg = curve->multiplyGenerator(hexBytes("3F00C4D39D153F2B2A214A078D899B22"));
    REQUIRE(sg);
    auto mapped = curve->add(*sg, *h);
    REQUIRE(mapped);
    CHECK(curve->encodePoint(*mapped) ==
          hexBytes("048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E28C879506743F8"
                   "611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522"));
    auto mappedCurve = curve->withGenerator(*mapped);
    REQUIRE(mappedCurve);
    auto pk = mappedCurve->multiplyGenerator(
        hexBytes("A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595"));
    REQUIRE(pk);
    CHECK(mappedCurve->encodePoint(*pk) ==
          hexBytes("042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186D"
                   "F10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462"));
}

TEST_CASE("EC point decoding rejects points off the curve and other encodings", "[crypto][ec]") {
    auto curve = EcCurve::standardized(13);
    REQUIRE(curve);
    Bytes point = curve->encodePoint(curve->generator());
    CHECK(curve->decodePoint(point));
    point.back() ^= 1;
    CHECK(curve->decodePoint(point).error().code == ErrorCode::InvalidInput);
    CHECK_FALSE(curve->decodePoint(hexBytes("00")));
    CHECK_FALSE(curve->decodePoint(Bytes(65, 0)));
    CHECK_FALSE(EcCurve::standardized(7));
    for (int id = 8; id <= 18; ++id) {
        auto c = EcCurve::standardized(id);
        REQUIRE(c);
        auto key = c->generatePrivateKey();
        REQUIRE(key);
        CHECK(c->multiplyGenerator(key->bytes()));
    }
}

TEST_CASE("DH generic mapping arithmetic reproduces ICAO G.2", "[crypto][dh]") {
    auto group = DhGroup::standardized(0);
    REQUIRE(group);
    CHECK(group->primeSize() == 128);
    CHECK(group->order().size() == 20);
    const Bytes pkMapIc = hexBytes(
        "78879F57225AA8080D52ED0FC890A4B25336F699AA89A2D3A189654AF70729E623EA5738B26381E4DA19E00470"
        "6FACE7B235C2DBF2F38748312F3C98C2DD4882A41947B324AA1259AC22579DB93F7085655AF30889DBB845D9E6"
        "783FE42C9F2449400306254C8AE8EE9DD812A804C0B66E8CAFC14F84D8258950A91B44126EE6");
    REQUIRE(group->checkPublicKey(pkMapIc));
    auto h = group->power(pkMapIc, hexBytes("5265030F751F4AD18B08AC565FC7AC952E41618D"));
    REQUIRE(h);
    auto gs = group->powerOfGenerator(hexBytes("FA5B7E3E49753A0DB9178B7B9BD898C8"));
    REQUIRE(gs);
    auto mapped = group->multiply(*gs, *h);
    REQUIRE(mapped);
    CHECK(*mapped == hexBytes("7C9CBFE98F9FBDDA8D143506FA7D9306F4CB17E3C71707AFF5E1C1A12370249684D6"
                              "4EE37AF44B8DBD9D45BF6023919CBAA027AB97ACC771666C8E98FF483301BFA4872D"
                              "EDE9034EDFACB70814166B7F360676829B826BEA57291B5AD69FBC84EF1E779032A3"
                              "05803F74341793E869742D401325B37EE8565FFCDEE618342DC5"));
    CHECK_FALSE(group->checkPublicKey(hexBytes("01")));
    CHECK_FALSE(group->checkPublicKey(hexBytes("02")));  // 2 is not in the 160-bit subgroup
    CHECK(DhGroup::standardized(1));
    CHECK(DhGroup::standardized(2));
    CHECK_FALSE(DhGroup::standardized(3));
}

TEST_CASE("ECDSA verifies the BSI worked example TA signature", "[crypto][ecdsa]") {
    auto curve = EcCurve::standardized(17);
    REQUIRE(curve);
    const Bytes point = hexBytes(
        "043385B484E8E994C93F55ADF4A9C92DA3C063AC7D744E85D38EE070BF6FF8D7ABA2DE688724B27D6BAE2B1C8A"
        "E074C09BB8808CC83036B0692898711D3F6FC3213846E14B3154845084DFBC0EB70AE2BDEA8EEBD6796ACFA4C5"
        "6F5703CE5A6EFE0A266E43C3F71A1B7EEC60E5C6F0850DC4D3455F53282C9FBCA85DC947D13BEE");
    const Bytes message = hexBytes(
        "282CF38073036AFAC216AF135BD994DA0C357F10BD4C34AFEA1042B2EB0FD680"
        "547E4EAB03B235D2"
        "5A7A377FC9CAFC03AC7FF45441A8B2909D88EAB8E6B0173847AB49B949DF3799");
    Bytes signature = hexBytes(
        "81A2D9E5891B86A0F01ADD0341C89D6E9EF3E20C223884F27B2F2040E9721C46C9C3CF7C0EE0A422263BA6F1EA"
        "FC693BD8738F34760B5998584F58DD25B8D60D99D7C45957C2E2F10C0E5F91A8DC88BD7CFA33CBF784A9DA83C8"
        "00324165179DBE71C69B2C0FD811270E436C43278184DDB542142342DBF156E82D2A1BC19085");
    CHECK(verifyEcdsaSignature(*curve, point, HashAlgorithm::Sha512, message, signature));
    signature[5] ^= 1;
    CHECK(verifyEcdsaSignature(*curve, point, HashAlgorithm::Sha512, message, signature)
              .error()
              .code == ErrorCode::AuthenticationFailed);
    CHECK_FALSE(
        verifyEcdsaSignature(*curve, point, HashAlgorithm::Sha512, message, hexBytes("0102")));
}

TEST_CASE("Random bytes have the asked length and differ between calls", "[crypto]") {
    auto a = randomBytes(32), b = randomBytes(32);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->size() == 32);
    CHECK(*a != *b);
    auto secret = randomSecret(16);
    REQUIRE(secret);
    CHECK(secret->size() == 16);
}
