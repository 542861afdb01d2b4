#pragma once

#include <optional>
#include <string>
#include <variant>

#include "asn1/Tlv.h"
#include "base/Result.h"

namespace oa::eid {

// TR-03110-4 `Place`: a structured address. City and country are mandatory.
struct StructuredPlace {
    std::optional<std::string> street;
    std::string city;
    std::optional<std::string> state;  // also used for a region
    std::string country;               // ICAO country code, "D" for Germany
    std::optional<std::string> zipCode;

    bool operator==(const StructuredPlace&) const = default;
};

// `freetextPlace`: a place the issuer could only write as text (e.g. a place of birth abroad).
struct FreeTextPlace {
    std::string text;
    bool operator==(const FreeTextPlace&) const = default;
};

// `noPlaceInfo`: the statement that there is no place, e.g. "keine Hauptwohnung in Deutschland".
struct NoPlaceInfo {
    std::string text;
    bool operator==(const NoPlaceInfo&) const = default;
};

// TR-03110-4 `GeneralPlace`: one of the three encodings.
using Place = std::variant<StructuredPlace, FreeTextPlace, NoPlaceInfo>;

// One line for display: "HEIDESTRASSE 17, 51147 KÖLN, D", the free text, or the statement.
std::string toDisplay(const StructuredPlace& place);
std::string toDisplay(const Place& place);

// Decoding (explicit context tags around the string types, as on the card). Strict: fields in
// order, each at most once, city and country present.
Result<StructuredPlace> decodeStructuredPlace(const asn1::Tlv& sequence);
Result<Place> decodeGeneralPlace(const asn1::Tlv& element);

}  // namespace oa::eid
