// The three encodings of GeneralPlace (TR-03110-4): structured, free text, no place info.
#include <catch2/catch.hpp>

#include "eid/EidData.h"

using namespace oa;
using namespace oa::eid;

namespace {

Place placeOfBirth(const char* hex) {
    EidData data;
    auto result = decodeDataGroup(DataGroup::DG9, hexBytes(hex), data);
    INFO((result ? "" : result.error().detail));
    REQUIRE(result.ok());
    REQUIRE(data.placeOfBirth.has_value());
    return *data.placeOfBirth;
}

std::vector<Place> residence(const char* hex) {
    EidData data;
    auto result = decodeDataGroup(DataGroup::DG17, hexBytes(hex), data);
    INFO((result ? "" : result.error().detail));
    REQUIRE(result.ok());
    REQUIRE(data.placeOfResidence.has_value());
    return *data.placeOfResidence;
}

}  // namespace

TEST_CASE("Structured place with every field: street, city, state, country, zip code") {
    // 69 { 30 { AA{0C "HEIDESTRASSE 17"} AB{0C "KÖLN"} AC{0C "NRW"} AD{13 "D"} AE{13 "51147"} } }
    const Place place = placeOfBirth(
        "69 33 30 31 AA 11 0C 0F 484549444553545241535345203137 AB 07 0C 05 4BC3964C4E "
        "AC 05 0C 03 4E5257 AD 03 13 01 44 AE 07 13 05 3531313437");
    const auto* structured = std::get_if<StructuredPlace>(&place);
    REQUIRE(structured != nullptr);
    CHECK(structured->street == "HEIDESTRASSE 17");
    CHECK(structured->city == "K\xC3\x96LN");
    CHECK(structured->state == "NRW");
    CHECK(structured->country == "D");
    CHECK(structured->zipCode == "51147");
    CHECK(toDisplay(place) == "HEIDESTRASSE 17, 51147 K\xC3\x96LN, NRW, D");
}

TEST_CASE("Structured place with only the mandatory city and country") {
    const Place place = placeOfBirth("69 11 30 0F AB 08 0C 06 4245524C494E AD 03 13 01 44");
    const auto* structured = std::get_if<StructuredPlace>(&place);
    REQUIRE(structured != nullptr);
    CHECK(structured->city == "BERLIN");
    CHECK_FALSE(structured->street.has_value());
    CHECK_FALSE(structured->state.has_value());
    CHECK_FALSE(structured->zipCode.has_value());
    CHECK(toDisplay(place) == "BERLIN, D");
}

TEST_CASE("Free text place keeps its text") {
    const Place place = placeOfBirth("69 0A A1 08 0C 06 4245524C494E");  // [1] "BERLIN"
    REQUIRE(std::holds_alternative<FreeTextPlace>(place));
    CHECK(std::get<FreeTextPlace>(place).text == "BERLIN");
    CHECK(toDisplay(place) == "BERLIN");
}

TEST_CASE("No place info keeps the statement's text") {
    // 71 { A2 { 0C "keine Hauptwohnung in Deutschland" } }
    const auto places = residence(
        "71 25 A2 23 0C 21 6B65696E65204861757074776F686E756E6720696E20446575747363686C616E64");
    REQUIRE(places.size() == 1);
    REQUIRE(std::holds_alternative<NoPlaceInfo>(places[0]));
    CHECK(std::get<NoPlaceInfo>(places[0]).text == "keine Hauptwohnung in Deutschland");
}

TEST_CASE("Place of residence as a single structured address") {
    const auto places = residence(
        "71 2C 30 2A AA 11 0C 0F 484549444553545241535345203137 AB 07 0C 05 4BC3964C4E "
        "AD 03 13 01 44 AE 07 13 05 3531313437");
    REQUIRE(places.size() == 1);
    CHECK(std::get<StructuredPlace>(places[0]).zipCode == "51147");
}

TEST_CASE("Place of residence listing several places (multResidence)") {
    // 71 { 31 { 30 { AB{0C "BONN"} AD{13 "D"} }  A1 { 0C "PARIS" } } }
    const auto places =
        residence("71 1A 31 18 30 0D AB 06 0C 04 424F4E4E AD 03 13 01 44 A1 07 0C 05 5041524953");
    REQUIRE(places.size() == 2);
    CHECK(std::get<StructuredPlace>(places[0]).city == "BONN");
    CHECK(std::get<FreeTextPlace>(places[1]).text == "PARIS");
    EidData data;
    data.placeOfResidence = places;
    const auto lines = data.describe();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == std::pair<std::string, std::string>{"Address", "BONN, D"});
    CHECK(lines[1] == std::pair<std::string, std::string>{"Address", "PARIS"});
}
