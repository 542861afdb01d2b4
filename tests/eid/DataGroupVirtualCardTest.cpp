// What the virtual card's built-in test persons store decodes to their PersonalData values.
#include <catch2/catch.hpp>

#include "eid/EidData.h"
#include "sim/card/CardProfile.h"
#include "sim/card/PersonalData.h"

using namespace oa;
using namespace oa::eid;

namespace {

EidData readEverything(const sim::PersonalData& person, std::vector<DataGroup>& present) {
    EidData data;
    for (const auto group : allDataGroups()) {
        const auto content = sim::encodeDataGroup(person, number(group));
        if (!content) continue;
        present.push_back(group);
        auto result = decodeDataGroup(group, *content, data);
        INFO(toString(group) << ": " << (result ? "" : result.error().detail));
        REQUIRE(result.ok());
    }
    return data;
}

void checkDate(const std::optional<PartialDate>& decoded, const std::string& stored) {
    if (stored.empty()) {
        CHECK_FALSE(decoded.has_value());
        return;
    }
    REQUIRE(decoded.has_value());
    REQUIRE(stored.size() == 8);
    CHECK(decoded->year() == std::stoi(stored.substr(0, 4)));
    CHECK(decoded->month() == std::stoi(stored.substr(4, 2)));
    CHECK(decoded->day() == std::stoi(stored.substr(6, 2)));
}

void checkText(const std::optional<std::string>& decoded, const std::string& stored) {
    if (stored.empty()) {
        CHECK_FALSE(decoded.has_value());
    } else {
        CHECK(decoded == stored);
    }
}

void checkPlace(const Place& decoded, const sim::Place& stored) {
    if (!stored.noPlaceInfo.empty()) {
        REQUIRE(std::holds_alternative<NoPlaceInfo>(decoded));
        CHECK(std::get<NoPlaceInfo>(decoded).text == stored.noPlaceInfo);
    } else if (!stored.freeText.empty()) {
        REQUIRE(std::holds_alternative<FreeTextPlace>(decoded));
        CHECK(std::get<FreeTextPlace>(decoded).text == stored.freeText);
    } else {
        REQUIRE(std::holds_alternative<StructuredPlace>(decoded));
        const auto& place = std::get<StructuredPlace>(decoded);
        CHECK(place.street.value_or("") == stored.street);
        CHECK(place.city == stored.city);
        CHECK(place.state.value_or("") == stored.state);
        CHECK(place.country == stored.country);
        CHECK(place.zipCode.value_or("") == stored.zipCode);
    }
}

void checkProfile(const std::string& name) {
    const auto profile = sim::builtInProfile(name);
    REQUIRE(profile.has_value());
    const sim::PersonalData& person = profile->person;
    std::vector<DataGroup> present;
    const EidData data = readEverything(person, present);
    CHECK(present.size() >= 10);
    for (const auto group : present)
        CHECK(data.has(group));

    checkText(data.documentType, person.documentType);
    checkText(data.issuingState, person.issuingState);
    checkDate(data.dateOfExpiry, person.dateOfExpiry);
    checkText(data.givenNames, person.givenNames);
    checkText(data.familyNames, person.familyNames);
    checkText(data.artisticName, person.artisticName);
    checkText(data.academicTitle, person.academicTitle);
    checkDate(data.dateOfBirth, person.dateOfBirth);
    REQUIRE(data.placeOfBirth.has_value() == !person.placeOfBirth.empty());
    if (data.placeOfBirth) checkPlace(*data.placeOfBirth, person.placeOfBirth);
    checkText(data.nationality, person.nationality);
    if (person.sex.empty()) {
        CHECK_FALSE(data.sex.has_value());
    } else {
        REQUIRE(data.sex.has_value());
        CHECK(std::string(1, "FM "[static_cast<int>(*data.sex)]) == person.sex);
    }
    checkText(data.birthName, person.birthName);
    checkDate(data.dateOfIssuance, person.dateOfIssuance);
    REQUIRE(data.placeOfResidence.has_value() == !person.residence.empty());
    if (data.placeOfResidence) {
        REQUIRE(data.placeOfResidence->size() == 1);
        checkPlace(data.placeOfResidence->front(), person.residence);
    }
    REQUIRE(data.municipalityId.has_value() == !person.municipalityId.empty());
    if (data.municipalityId) {
        CHECK(data.municipalityId->bytes == person.municipalityId);
        CHECK(data.municipalityId->digits == toHex(person.municipalityId));
    }
    checkText(data.residencePermit1, person.residencePermit1);
    checkText(data.residencePermit2, person.residencePermit2);
    checkText(data.phoneNumber, person.phoneNumber);
    checkText(data.emailAddress, person.emailAddress);
    CHECK(data.describe().size() == present.size());
}

}  // namespace

TEST_CASE("Virtual card: Erika Mustermann's data groups decode to her profile") {
    checkProfile("mustermann");
    std::vector<DataGroup> present;
    const EidData data = readEverything(sim::builtInProfile("mustermann")->person, present);
    const auto lines = data.describe();
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.front() ==
          std::pair<std::string, std::string>{"Document type", "identity card (ID)"});
    CHECK(data.validityOn(*PartialDate::parse("20260101")) == DocumentValidity::Valid);
}

TEST_CASE("Virtual card: the under-18 profile decodes to its profile") {
    checkProfile("under18");
}

TEST_CASE("Virtual card: the residence permit profile decodes to its profile") {
    checkProfile("eat");
    std::vector<DataGroup> present;
    const EidData data = readEverything(sim::builtInProfile("eat")->person, present);
    CHECK(data.sex == Sex::Female);
    CHECK(data.nationality == "BRA");
    CHECK(describeDocumentType(*data.documentType) == "residence permit (AR)");
}

TEST_CASE("Virtual card: every built-in profile's data groups decode") {
    for (const auto& name : sim::builtInProfileNames()) {
        INFO(name);
        checkProfile(name);
    }
}
