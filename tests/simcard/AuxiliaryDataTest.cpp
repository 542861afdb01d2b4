#include <catch2/catch.hpp>

#include "sim/card/AuxiliaryData.h"

using namespace oa;
using namespace oa::sim;

namespace {

// The AusweisApp test's auxiliary data: age 19970630, validity 20150630, community 02760400110000.
const Bytes kAusweisAppAuxiliaryData = hexBytes(
    "67447315060904007F000703010401530831393937303633307315060904007F0007030104025308323031353036"
    "33307314060904007F000703010403530702760400110000");

TerminalAuthorization allRights() {
    return TerminalAuthorization::everything();
}

PersonalData holder(std::string birth, std::string expiry, Bytes municipality) {
    PersonalData person;
    person.dateOfBirth = std::move(birth);
    person.dateOfExpiry = std::move(expiry);
    person.municipalityId = std::move(municipality);
    return person;
}

StatusWord verify(const Bytes& oid, const PersonalData& person,
                  const TerminalAuthorization& rights = allRights()) {
    const auto aux = parseAuxiliaryData(kAusweisAppAuxiliaryData);
    REQUIRE(aux);
    return verifyAuxiliaryData(concat({Bytes{0x06, static_cast<std::uint8_t>(oid.size())}, oid}),
                               *aux, person, rights);
}

}  // namespace

TEST_CASE("Auxiliary data: the three references of a real request are parsed") {
    const auto aux = parseAuxiliaryData(kAusweisAppAuxiliaryData);
    REQUIRE(aux);
    CHECK(aux->size() == 3);
    CHECK(toHex(aux->at(communityIdOid())) == "02760400110000");
}

TEST_CASE("Auxiliary data: malformed or repeated templates are wrong data") {
    CHECK(parseAuxiliaryData(hexBytes("6703730100")).refusal() == StatusWord::WrongData);
    CHECK(parseAuxiliaryData(hexBytes("6600")).refusal() == StatusWord::WrongData);
    CHECK(parseAuxiliaryData(hexBytes("670A73080601015303313233"
                                      "00"))
              .refusal() == StatusWord::WrongData);
    CHECK(parseAuxiliaryData(hexBytes("67147308060101530331323373080601015303313233")).refusal() ==
          StatusWord::WrongData);
}

TEST_CASE("Age verification: born on or before the reference date matches") {
    CHECK(verify(ageVerificationOid(), holder("19970630", "", {})) == StatusWord::Success);
    CHECK(verify(ageVerificationOid(), holder("19640812", "", {})) == StatusWord::Success);
    CHECK(verify(ageVerificationOid(), holder("19970701", "", {})) ==
          StatusWord::AuthenticationFailed);
}

TEST_CASE("Age verification: an unknown day or month counts as the latest possible") {
    CHECK(verify(ageVerificationOid(), holder("199706  ", "", {})) ==
          StatusWord::AuthenticationFailed);
    CHECK(verify(ageVerificationOid(), holder("199705  ", "", {})) == StatusWord::Success);
    CHECK(verify(ageVerificationOid(), holder("1996    ", "", {})) == StatusWord::Success);
}

TEST_CASE("Document validity: expiry on or after the reference date matches") {
    CHECK(verify(documentValidityOid(), holder("", "20150630", {})) == StatusWord::Success);
    CHECK(verify(documentValidityOid(), holder("", "20150629", {})) ==
          StatusWord::AuthenticationFailed);
}

TEST_CASE("Community ID: the card's municipality must start with the reference") {
    CHECK(verify(communityIdOid(), holder("", "", hexBytes("02760400110000"))) ==
          StatusWord::Success);
    CHECK(verify(communityIdOid(), holder("", "", hexBytes("02760503150000"))) ==
          StatusWord::AuthenticationFailed);
}

TEST_CASE("Age and community verification need their rights") {
    const auto none = *TerminalAuthorization::fromTemplate(hexBytes("0000000000"));
    CHECK(verify(ageVerificationOid(), holder("19640812", "", {}), none) ==
          StatusWord::SecurityStatusNotSatisfied);
    CHECK(verify(communityIdOid(), holder("", "", hexBytes("02760400110000")), none) ==
          StatusWord::SecurityStatusNotSatisfied);
    CHECK(verify(documentValidityOid(), holder("", "20150630", {}), none) == StatusWord::Success);
}

TEST_CASE("VERIFY of an OID the terminal sent no reference for is referenced data not found") {
    CHECK(verify(hexBytes("04007F000703010404"), holder("", "", {})) ==
          StatusWord::ReferencedDataNotFound);
}

TEST_CASE("Terminal authorization: bits for DG reading, writing and special functions") {
    // 000513FF87 = terminal; DG1-DG10, DG13, DG17, DG19; age, community, RI, install qualified
    const auto chat = *TerminalAuthorization::fromTemplate(hexBytes("000513FF87"));
    for (int dg : {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 17, 19})
        CHECK(chat.mayRead(dg));
    for (int dg : {11, 12, 14, 15, 16, 18, 20, 21, 22})
        CHECK_FALSE(chat.mayRead(dg));
    CHECK(chat.has(TerminalAuthorization::kAgeVerification));
    CHECK(chat.has(TerminalAuthorization::kCommunityIdVerification));
    CHECK(chat.has(TerminalAuthorization::kRestrictedIdentification));
    CHECK_FALSE(chat.has(TerminalAuthorization::kPinManagement));
    CHECK_FALSE(chat.mayWrite(17));
    const auto writer = *TerminalAuthorization::fromTemplate(hexBytes("2100000000"));
    CHECK(writer.mayWrite(17));
    CHECK(writer.mayWrite(22));
    CHECK_FALSE(writer.mayWrite(18));
    CHECK_FALSE(TerminalAuthorization::fromTemplate(hexBytes("00051300")));
}

TEST_CASE("Terminal authorization: restricting keeps only rights both grant") {
    const auto a = *TerminalAuthorization::fromTemplate(hexBytes("000513FF87"));
    const auto b = *TerminalAuthorization::fromTemplate(hexBytes("00000000FF"));
    CHECK(toHex(a.restrictedTo(b).rights()) == "0000000087");
    CHECK(toHex(TerminalAuthorization::everything().restrictedTo(a).rights()) == "000513FF87");
}
