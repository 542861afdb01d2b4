#include "eid/Place.h"

#include <cstdio>

#include "eid/CharacterString.h"

namespace oa::eid {
namespace {

constexpr asn1::Tag kSequence = 0x30;
constexpr asn1::Tag kStreet = 0xAA;
constexpr asn1::Tag kCity = 0xAB;
constexpr asn1::Tag kState = 0xAC;
constexpr asn1::Tag kCountry = 0xAD;
constexpr asn1::Tag kZipCode = 0xAE;
constexpr asn1::Tag kFreetextPlace = 0xA1;
constexpr asn1::Tag kNoPlaceInfo = 0xA2;

Error malformed(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "The card holds a malformed place",
                     std::move(detail));
}

std::string hexTag(asn1::Tag tag) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02X", tag);
    return buffer;
}

// The single element inside an explicit context tag.
Result<asn1::Tlv> unwrap(const asn1::Tlv& wrapper) {
    auto inner = asn1::readOne(wrapper.value);
    if (!inner) {
        return malformed("[" + hexTag(wrapper.tag) +
                         "] does not hold exactly one element: " + inner.error().detail);
    }
    return inner;
}

Result<std::string> field(const asn1::Tlv& wrapper, CharacterString type) {
    auto inner = unwrap(wrapper);
    if (!inner) return inner.error();
    auto text = readCharacterString(*inner, type);
    if (!text) return malformed("[" + hexTag(wrapper.tag) + "] " + text.error().detail);
    return text;
}

Result<std::string> country(const asn1::Tlv& wrapper) {
    auto inner = unwrap(wrapper);
    if (!inner) return inner.error();
    auto code = readIcaoCountry(*inner);
    if (!code) return malformed("Place country: " + code.error().detail);
    return code;
}

template <typename Field>
Result<void> assign(Result<std::string> text, Field& member) {
    if (!text) return text.error();
    member = std::move(*text);
    return {};
}

Result<void> readField(const asn1::Tlv& element, StructuredPlace& place) {
    switch (element.tag) {
        case kStreet:
            return assign(field(element, CharacterString::Utf8), place.street);
        case kCity:
            return assign(field(element, CharacterString::Utf8), place.city);
        case kState:
            return assign(field(element, CharacterString::Utf8), place.state);
        case kCountry:
            return assign(country(element), place.country);
        case kZipCode:
            return assign(field(element, CharacterString::Printable), place.zipCode);
        default:
            return malformed("Place: unknown field [" + hexTag(element.tag) + "]");
    }
}

void appendPart(std::string& line, const std::string& part) {
    if (part.empty()) return;
    if (!line.empty()) line += ", ";
    line += part;
}

}  // namespace

std::string toDisplay(const StructuredPlace& place) {
    std::string line;
    if (place.street) appendPart(line, *place.street);
    std::string city = place.city;
    if (place.zipCode && !place.zipCode->empty()) city = *place.zipCode + " " + city;
    appendPart(line, city);
    if (place.state) appendPart(line, *place.state);
    appendPart(line, place.country);
    return line;
}

std::string toDisplay(const Place& place) {
    if (const auto* structured = std::get_if<StructuredPlace>(&place))
        return toDisplay(*structured);
    if (const auto* freeText = std::get_if<FreeTextPlace>(&place)) return freeText->text;
    return std::get<NoPlaceInfo>(place).text;
}

Result<StructuredPlace> decodeStructuredPlace(const asn1::Tlv& sequence) {
    if (sequence.tag != kSequence) return malformed("Place is not a SEQUENCE");
    auto fields = sequence.children();
    if (!fields) return malformed("Place: " + fields.error().detail);
    StructuredPlace place;
    bool hasCity = false;
    bool hasCountry = false;
    asn1::Tag previous = 0;
    for (const auto& element : *fields) {
        if (element.tag <= previous) {
            return malformed("Place: field [" + hexTag(element.tag) + "] out of order or repeated");
        }
        previous = element.tag;
        hasCity = hasCity || element.tag == kCity;
        hasCountry = hasCountry || element.tag == kCountry;
        if (auto read = readField(element, place); !read) return read.error();
    }
    if (!hasCity) return malformed("Place without the mandatory city");
    if (!hasCountry) return malformed("Place without the mandatory country");
    return place;
}

Result<Place> decodeGeneralPlace(const asn1::Tlv& element) {
    switch (element.tag) {
        case kSequence: {
            auto structured = decodeStructuredPlace(element);
            if (!structured) return structured.error();
            return Place{std::move(*structured)};
        }
        case kFreetextPlace: {
            auto text = field(element, CharacterString::Utf8);
            if (!text) return text.error();
            return Place{FreeTextPlace{std::move(*text)}};
        }
        case kNoPlaceInfo: {
            auto text = field(element, CharacterString::Utf8);
            if (!text) return text.error();
            return Place{NoPlaceInfo{std::move(*text)}};
        }
        default:
            return malformed("GeneralPlace: tag " + hexTag(element.tag) +
                             " is none of SEQUENCE, [1] free text, [2] no place info");
    }
}

}  // namespace oa::eid
