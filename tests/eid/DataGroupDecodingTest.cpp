// Every data group decoded from bytes written by hand after the ASN.1 of TR-03110-4 §2.2.3.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "eid/EidData.h"

using namespace oa;
using namespace oa::eid;

namespace {

EidData decoded(DataGroup group, const char* hex) {
    EidData data;
    auto result = decodeDataGroup(group, hexBytes(hex), data);
    INFO(toString(group) << " " << (result ? "" : result.error().detail));
    REQUIRE(result.ok());
    return data;
}

Bytes fixture(const std::string& name) {
    std::ifstream file(std::string(OA_EID_TEST_DATA) + "/datagroups/" + name, std::ios::binary);
    REQUIRE(file.good());
    return Bytes(std::istreambuf_iterator<char>(file), {});
}

}  // namespace

TEST_CASE("DG1 document type: identity card and residence permit") {
    CHECK(decoded(DataGroup::DG1, "61 04 13 02 4944").documentType == "ID");  // "ID"
    CHECK(decoded(DataGroup::DG1, "61 04 13 02 4152").documentType == "AR");  // "AR"
    CHECK(describeDocumentType("ID") == "identity card (ID)");
    CHECK(describeDocumentType("AF") == "residence permit (AF)");
    CHECK(describeDocumentType("XY") == "XY");
}

TEST_CASE("DG2 issuing state as an ICAO country code, D for Germany") {
    const auto data = decoded(DataGroup::DG2, "62 03 13 01 44");
    CHECK(data.issuingState == "D");
    CHECK_FALSE(data.issuingPlace.has_value());
}

TEST_CASE("DG2 issuing entity as a structured place") {
    // 62 { 30 { AB { 0C "BERLIN" } AD { 13 "D" } } }
    const auto data =
        decoded(DataGroup::DG2, "62 11 30 0F AB 08 0C 06 4245524C494E AD 03 13 01 44");
    REQUIRE(data.issuingPlace.has_value());
    CHECK(data.issuingPlace->city == "BERLIN");
    CHECK(data.issuingPlace->country == "D");
    CHECK_FALSE(data.issuingState.has_value());
}

TEST_CASE("DG3 date of expiry and DG15 date of issuance are complete dates") {
    const auto expiry = decoded(DataGroup::DG3, "63 0A 12 08 3230333431303331");  // 20341031
    REQUIRE(expiry.dateOfExpiry.has_value());
    CHECK(expiry.dateOfExpiry->toIso() == "2034-10-31");
    const auto issuance = decoded(DataGroup::DG15, "6F 0A 12 08 3230323431313031");  // 20241101
    REQUIRE(issuance.dateOfIssuance.has_value());
    CHECK(issuance.dateOfIssuance->toIso() == "2024-11-01");
}

TEST_CASE("DG4 to DG7 and DG13: names in UTF-8, umlauts and accents intact") {
    CHECK(decoded(DataGroup::DG4, "64 07 0C 05 4552494B41").givenNames == "ERIKA");
    // "JÜRGEN-MARÍA": Ü = C3 9C, Í = C3 8D
    CHECK(decoded(DataGroup::DG4, "64 10 0C 0E 4AC39C5247454E2D4D4152C38D41").givenNames ==
          "J\xC3\x9CRGEN-MAR\xC3\x8D"
          "A");
    CHECK(decoded(DataGroup::DG5, "65 0C 0C 0A 4D55535445524D414E4E").familyNames == "MUSTERMANN");
    CHECK(decoded(DataGroup::DG6, "66 11 0C 0F 4C41445920434F4E464F524D495459").artisticName ==
          "LADY CONFORMITY");
    CHECK(decoded(DataGroup::DG7, "67 05 0C 03 44522E").academicTitle == "DR.");
    CHECK(decoded(DataGroup::DG13, "6D 08 0C 06 4741424C4552").birthName == "GABLER");
    // A four-byte sequence (U+1F600) is well-formed UTF-8 too.
    CHECK(decoded(DataGroup::DG5, "65 06 0C 04 F09F9880").familyNames == "\xF0\x9F\x98\x80");
}

TEST_CASE("DG4 with an empty UTF8String keeps an empty name") {
    const auto data = decoded(DataGroup::DG4, "64 02 0C 00");
    REQUIRE(data.givenNames.has_value());
    CHECK(data.givenNames->empty());
}

TEST_CASE("DG8 date of birth: complete and partial") {
    CHECK(decoded(DataGroup::DG8, "68 0A 12 08 3139363430383132").dateOfBirth->toIso() ==
          "1964-08-12");
    // "1964    ": month and day unknown
    const auto yearOnly = decoded(DataGroup::DG8, "68 0A 12 08 3139363420202020");
    CHECK(yearOnly.dateOfBirth->toIso() == "1964");
    CHECK_FALSE(yearOnly.dateOfBirth->month().has_value());
    // "19640800": day unknown
    const auto noDay = decoded(DataGroup::DG8, "68 0A 12 08 3139363430383030");
    CHECK(noDay.dateOfBirth->toIso() == "1964-08");
}

TEST_CASE("DG9 place of birth in the digest's structured example") {
    // 69 { 30 { AB { 0C "BERLIN" } AC { 0C "BERLIN" } AD { 13 "D" } } }
    const auto data = decoded(DataGroup::DG9,
                              "69 1B 30 19 AB 08 0C 06 4245524C494E AC 08 0C 06 4245524C494E "
                              "AD 03 13 01 44");
    REQUIRE(data.placeOfBirth.has_value());
    const auto* place = std::get_if<StructuredPlace>(&*data.placeOfBirth);
    REQUIRE(place != nullptr);
    CHECK(place->city == "BERLIN");
    CHECK(place->state == "BERLIN");
    CHECK(place->country == "D");
    CHECK_FALSE(place->street.has_value());
    CHECK_FALSE(place->zipCode.has_value());
}

TEST_CASE("DG10 nationality as one- or three-letter ICAO code") {
    CHECK(decoded(DataGroup::DG10, "6A 03 13 01 44").nationality == "D");
    CHECK(decoded(DataGroup::DG10, "6A 05 13 03 425241").nationality == "BRA");
}

TEST_CASE("DG11 sex: F, M and unspecified") {
    CHECK(decoded(DataGroup::DG11, "6B 03 13 01 46").sex == Sex::Female);
    CHECK(decoded(DataGroup::DG11, "6B 03 13 01 4D").sex == Sex::Male);
    CHECK(decoded(DataGroup::DG11, "6B 03 13 01 20").sex == Sex::Unspecified);
    CHECK(std::string(toString(Sex::Female)) == "female");
}

TEST_CASE("DG12 optional data: identifiers with and without data, in DER set order") {
    // 6C { 31 { 30 { 06 2A03 }  30 { 06 04007F000703010401  0C "X" } } }
    const auto data = decoded(DataGroup::DG12,
                              "6C 18 31 16 30 04 06 02 2A03 "
                              "30 0E 06 09 04007F000703010401 0C 01 58");
    REQUIRE(data.optionalData.has_value());
    REQUIRE(data.optionalData->size() == 2);
    CHECK((*data.optionalData)[0].type == "1.2.3");
    CHECK_FALSE((*data.optionalData)[0].data.has_value());
    CHECK((*data.optionalData)[1].type == "0.4.0.127.0.7.3.1.4.1");
    CHECK((*data.optionalData)[1].data == hexBytes("0C0158"));
    CHECK(decoded(DataGroup::DG12, "6C 02 31 00").optionalData->empty());
}

TEST_CASE("DG14 written signature keeps the image bytes") {
    const auto data = decoded(DataGroup::DG14, "6E 09 04 07 FF4FFF51000000");
    CHECK(data.writtenSignature == hexBytes("FF4FFF51000000"));
    const auto lines = data.describe();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].second == "JPEG 2000 image, 7 bytes");
}

TEST_CASE("DG18 community ID: bytes and the digits they carry") {
    const auto data = decoded(DataGroup::DG18, "72 09 04 07 02760503150000");
    REQUIRE(data.municipalityId.has_value());
    CHECK(data.municipalityId->bytes == hexBytes("02760503150000"));
    CHECK(data.municipalityId->digits == "02760503150000");
}

TEST_CASE("DG19 and DG20 residence permit texts, uncompressed") {
    const auto data =
        decoded(DataGroup::DG19, "73 16 A1 14 0C 12 5245534944454E4345205045524D49542031");
    CHECK(data.residencePermit1 == "RESIDENCE PERMIT 1");
    // Line breaks belong in permit texts: "A\nB"
    CHECK(decoded(DataGroup::DG20, "74 07 A1 05 0C 03 410A42").residencePermit2 == "A\nB");
}

TEST_CASE("DG20 residence permit text compressed with DEFLATE") {
    EidData data;
    const Bytes content = fixture("dg20-compressed.bin");
    auto result = decodeDataGroup(DataGroup::DG20, content, data);
    INFO((result ? "" : result.error().detail));
    REQUIRE(result.ok());
    CHECK(data.residencePermit2 == "ERWERBST\xC3\x84TIGKEIT GESTATTET\nWOHNSITZAUFLAGE: KEINE");
}

TEST_CASE("DG21 phone number as a tel URI and DG22 e-mail address") {
    CHECK(decoded(DataGroup::DG21, "75 15 13 13 74656C3A2B34392D3033302D31323334353637")
              .phoneNumber == "tel:+49-030-1234567");
    CHECK(decoded(DataGroup::DG22, "76 15 16 13 6572696B61406D75737465726D616E6E2E6465")
              .emailAddress == "erika@mustermann.de");
}

TEST_CASE("Decoding one data group leaves the others untouched and replaces its own") {
    EidData data;
    REQUIRE(decodeDataGroup(DataGroup::DG4, hexBytes("64 07 0C 05 4552494B41"), data).ok());
    REQUIRE(decodeDataGroup(DataGroup::DG10, hexBytes("6A 03 13 01 44"), data).ok());
    REQUIRE(decodeDataGroup(DataGroup::DG4, hexBytes("64 06 0C 04 414E4E41"), data).ok());
    CHECK(data.givenNames == "ANNA");
    CHECK(data.nationality == "D");
    CHECK(data.has(DataGroup::DG4));
    CHECK(data.has(DataGroup::DG10));
    CHECK_FALSE(data.has(DataGroup::DG5));
    CHECK_FALSE(data.has(DataGroup::DG16));
}

TEST_CASE("describe lists decoded values in data group order with English labels") {
    EidData data;
    for (const auto& [group, hex] : std::vector<std::pair<DataGroup, const char*>>{
             {DataGroup::DG1, "61 04 13 02 4944"},
             {DataGroup::DG3, "63 0A 12 08 3230333431303331"},
             {DataGroup::DG4, "64 07 0C 05 4552494B41"},
             {DataGroup::DG5, "65 0C 0C 0A 4D55535445524D414E4E"},
             {DataGroup::DG8, "68 0A 12 08 3139363430383030"},
             {DataGroup::DG9, "69 0A A1 08 0C 06 4245524C494E"},
             {DataGroup::DG10, "6A 03 13 01 44"},
             {DataGroup::DG17,
              "71 2C 30 2A AA 11 0C 0F 484549444553545241535345203137 "
              "AB 07 0C 05 4BC3964C4E AD 03 13 01 44 AE 07 13 05 3531313437"},
             {DataGroup::DG18, "72 09 04 07 02760503150000"},
         }) {
        REQUIRE(decodeDataGroup(group, hexBytes(hex), data).ok());
    }
    const std::vector<std::pair<std::string, std::string>> expected{
        {"Document type", "identity card (ID)"},
        {"Date of expiry", "2034-10-31"},
        {"Given names", "ERIKA"},
        {"Family names", "MUSTERMANN"},
        {"Date of birth", "1964-08 (day unknown)"},
        {"Place of birth", "BERLIN"},
        {"Nationality", "D"},
        {"Address", "HEIDESTRASSE 17, 51147 K\xC3\x96LN, D"},
        {"Community ID", "02760503150000"},
    };
    CHECK(data.describe() == expected);
    CHECK(EidData{}.describe().empty());
}

TEST_CASE("Document validity follows the date of expiry, inclusive") {
    EidData data;
    CHECK(data.validityOn(*PartialDate::parse("20250101")) == DocumentValidity::Unknown);
    REQUIRE(decodeDataGroup(DataGroup::DG3, hexBytes("63 0A 12 08 3230333431303331"), data).ok());
    CHECK(data.validityOn(*PartialDate::parse("20250101")) == DocumentValidity::Valid);
    CHECK(data.validityOn(*PartialDate::parse("20341031")) == DocumentValidity::Valid);
    CHECK(data.validityOn(*PartialDate::parse("20341101")) == DocumentValidity::Expired);
    CHECK(data.validityOn(*PartialDate::parse("2035    ")) == DocumentValidity::Unknown);
}

TEST_CASE("describe gives one line per decoded data group, labelled after the data group") {
    EidData data;
    const std::vector<std::pair<DataGroup, const char*>> groups{
        {DataGroup::DG1, "61 04 13 02 4152"},
        {DataGroup::DG2, "62 03 13 01 44"},
        {DataGroup::DG3, "63 0A 12 08 3230333431303331"},
        {DataGroup::DG4, "64 06 0C 04 414E4E41"},
        {DataGroup::DG5, "65 07 0C 05 53494C5641"},
        {DataGroup::DG6, "66 05 0C 03 414E41"},
        {DataGroup::DG7, "67 05 0C 03 44522E"},
        {DataGroup::DG8, "68 0A 12 08 3139393020202020"},
        {DataGroup::DG9, "69 0A A1 08 0C 06 4245524C494E"},
        {DataGroup::DG10, "6A 05 13 03 425241"},
        {DataGroup::DG11, "6B 03 13 01 46"},
        {DataGroup::DG12, "6C 08 31 06 30 04 06 02 2A03"},
        {DataGroup::DG13, "6D 08 0C 06 4741424C4552"},
        {DataGroup::DG14, "6E 09 04 07 FF4FFF51000000"},
        {DataGroup::DG15, "6F 0A 12 08 3230323431313031"},
        {DataGroup::DG17, "71 07 A2 05 0C 03 4B4549"},
        {DataGroup::DG18, "72 09 04 07 02760503150000"},
        {DataGroup::DG19, "73 07 A1 05 0C 03 414243"},
        {DataGroup::DG20, "74 07 A1 05 0C 03 444546"},
        {DataGroup::DG21, "75 0F 13 0D 74656C3A2B3439333031323334"},
        {DataGroup::DG22, "76 08 16 06 6140622E6465"},
    };
    for (const auto& [group, hex] : groups) {
        INFO(toString(group));
        REQUIRE(decodeDataGroup(group, hexBytes(hex), data).ok());
    }
    const auto lines = data.describe();
    REQUIRE(lines.size() == groups.size());
    for (std::size_t i = 0; i < lines.size(); ++i)
        CHECK(lines[i].first == label(groups[i].first));
    CHECK(lines[0].second == "residence permit (AR)");
    CHECK(lines[7].second == "1990 (month and day unknown)");
    CHECK(lines[10].second == "female");
    CHECK(lines[11].second == "1.2.3");
    CHECK(lines[15].second == "KEI");
    CHECK(lines[19].second == "tel:+49301234");
    CHECK(lines[20].second == "a@b.de");
}
