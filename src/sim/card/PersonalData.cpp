#include "sim/card/PersonalData.h"

#include "asn1/Tlv.h"

namespace oa::sim {
namespace {

constexpr asn1::Tag kPrintableString = 0x13;
constexpr asn1::Tag kNumericString = 0x12;
constexpr asn1::Tag kUtf8String = 0x0C;
constexpr asn1::Tag kIa5String = 0x16;
constexpr asn1::Tag kOctetString = 0x04;

asn1::Tag applicationTag(int number) {
    return 0x60 | static_cast<asn1::Tag>(number);
}

Bytes text(asn1::Tag type, const std::string& value) {
    return asn1::encode(type, asciiBytes(value));
}

Bytes encodePlace(const Place& place) {
    if (!place.noPlaceInfo.empty()) {
        return asn1::encode(0xA2, text(kUtf8String, place.noPlaceInfo));
    }
    if (!place.freeText.empty()) return asn1::encode(0xA1, text(kUtf8String, place.freeText));
    Bytes fields;
    const auto add = [&fields](asn1::Tag tag, asn1::Tag type, const std::string& value) {
        if (!value.empty()) append(fields, asn1::encode(tag, text(type, value)));
    };
    add(0xAA, kUtf8String, place.street);
    add(0xAB, kUtf8String, place.city);
    add(0xAC, kUtf8String, place.state);
    add(0xAD, kPrintableString, place.country);
    add(0xAE, kPrintableString, place.zipCode);
    return asn1::encode(0x30, fields);
}

// Residence permit text: the uncompressed choice [1] UTF8String.
Bytes encodePermitText(const std::string& value) {
    return asn1::encode(0xA1, text(kUtf8String, value));
}

std::optional<Bytes> inner(const PersonalData& p, int number) {
    const auto textOrNothing = [](asn1::Tag type,
                                  const std::string& value) -> std::optional<Bytes> {
        if (value.empty()) return std::nullopt;
        return text(type, value);
    };
    switch (number) {
        case 1:
            return textOrNothing(kPrintableString, p.documentType);
        case 2:
            return textOrNothing(kPrintableString, p.issuingState);
        case 3:
            return textOrNothing(kNumericString, p.dateOfExpiry);
        case 4:
            return textOrNothing(kUtf8String, p.givenNames);
        case 5:
            return textOrNothing(kUtf8String, p.familyNames);
        case 6:
            return textOrNothing(kUtf8String, p.artisticName);
        case 7:
            return textOrNothing(kUtf8String, p.academicTitle);
        case 8:
            return textOrNothing(kNumericString, p.dateOfBirth);
        case 9:
            if (p.placeOfBirth.empty()) return std::nullopt;
            return encodePlace(p.placeOfBirth);
        case 10:
            return textOrNothing(kPrintableString, p.nationality);
        case 11:
            return textOrNothing(kPrintableString, p.sex);
        case 13:
            return textOrNothing(kUtf8String, p.birthName);
        case 15:
            return textOrNothing(kNumericString, p.dateOfIssuance);
        case 17:
            if (p.residence.empty()) return std::nullopt;
            return encodePlace(p.residence);
        case 18:
            if (p.municipalityId.empty()) return std::nullopt;
            return asn1::encode(kOctetString, p.municipalityId);
        case 19:
            if (p.residencePermit1.empty()) return std::nullopt;
            return encodePermitText(p.residencePermit1);
        case 20:
            if (p.residencePermit2.empty()) return std::nullopt;
            return encodePermitText(p.residencePermit2);
        case 21:
            return textOrNothing(kPrintableString, p.phoneNumber);
        case 22:
            return textOrNothing(kIa5String, p.emailAddress);
        default:  // DG12 optional data, DG14 signature, DG16 RFU: not personalised
            return std::nullopt;
    }
}

}  // namespace

std::optional<Bytes> encodeDataGroup(const PersonalData& person, int number) {
    const auto value = inner(person, number);
    if (!value) return std::nullopt;
    return asn1::encode(applicationTag(number), *value);
}

}  // namespace oa::sim
