#pragma once

#include <optional>
#include <string>

#include "base/Bytes.h"

namespace oa::sim {

// GeneralPlace of TR-03110-4: a structured address, a free text, or a statement that there is
// no place (e.g. "keine Hauptwohnung in Deutschland").
struct Place {
    std::string street;
    std::string city;
    std::string state;
    std::string country;  // ICAO code, "D" for Germany
    std::string zipCode;
    std::string freeText;
    std::string noPlaceInfo;

    bool empty() const {
        return street.empty() && city.empty() && state.empty() && country.empty() &&
               zipCode.empty() && freeText.empty() && noPlaceInfo.empty();
    }
    bool operator==(const Place&) const = default;
};

// What the eID application knows about its holder, one field per data group. Empty fields leave
// their data group off the card, as on real cards. Dates are YYYYMMDD (DG8 may be YYYYMM or YYYY
// with spaces, as on real cards for unknown days).
struct PersonalData {
    std::string documentType = "ID";  // DG1: "ID" identity card, "AR"/"AS"/"AF" residence permit
    std::string issuingState = "D";   // DG2
    std::string dateOfExpiry;         // DG3
    std::string givenNames;           // DG4
    std::string familyNames;          // DG5
    std::string artisticName;         // DG6 (religious or artistic name)
    std::string academicTitle;        // DG7
    std::string dateOfBirth;          // DG8
    Place placeOfBirth;               // DG9
    std::string nationality;          // DG10
    std::string sex;                  // DG11 (residence permits only)
    std::string birthName;            // DG13
    std::string dateOfIssuance;       // DG15
    Place residence;                  // DG17
    Bytes municipalityId;             // DG18, e.g. 02 76 11 00 00 00 00
    std::string residencePermit1;     // DG19
    std::string residencePermit2;     // DG20
    std::string phoneNumber;          // DG21, "tel:" URI
    std::string emailAddress;         // DG22

    bool operator==(const PersonalData&) const = default;
};

// The data group as stored on the card (TR-03110-4 ASN.1: [APPLICATION n] around the value), or
// nothing when the holder has no such data.
std::optional<Bytes> encodeDataGroup(const PersonalData& person, int number);

constexpr int kFirstDataGroup = 1;
constexpr int kLastDataGroup = 22;

}  // namespace oa::sim
