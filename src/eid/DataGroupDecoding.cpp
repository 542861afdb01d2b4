// Decoding of the eID data groups after TR-03110-4 §2.2.3 (ASN.1 module of the eID application).
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "eac/Oid.h"
#include "eid/CharacterString.h"
#include "eid/EidData.h"
#include "eid/Text.h"

namespace oa::eid {
namespace {

constexpr asn1::Tag kOctetString = 0x04;
constexpr asn1::Tag kObjectIdentifier = 0x06;
constexpr asn1::Tag kSequence = 0x30;
constexpr asn1::Tag kSet = 0x31;
constexpr asn1::Tag kPrintableString = 0x13;

Error invalid(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "Malformed data group", std::move(detail));
}

std::string hexTag(asn1::Tag tag) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02X", tag);
    return buffer;
}

// What lies inside [APPLICATION n] when it must be exactly one element.
Result<asn1::Tlv> single(ByteView value) {
    auto inner = asn1::readOne(value);
    if (!inner) return invalid("content is not exactly one element: " + inner.error().detail);
    return inner;
}

Result<std::string> utf8(ByteView value) {
    auto inner = single(value);
    if (!inner) return inner.error();
    return readCharacterString(*inner, CharacterString::Utf8);
}

Result<PartialDate> date(ByteView value, bool mayBePartial) {
    auto inner = single(value);
    if (!inner) return inner.error();
    auto text = readCharacterString(*inner, CharacterString::Numeric);
    if (!text) return text.error();
    auto parsed = PartialDate::parse(*text);
    if (!parsed) return parsed.error();
    if (!mayBePartial && !parsed->isComplete())
        return invalid("date is incomplete where a full date is required");
    return parsed;
}

Result<std::string> icaoCountry(ByteView value) {
    auto inner = single(value);
    if (!inner) return inner.error();
    return readIcaoCountry(*inner);
}

Result<std::string> documentType(ByteView value) {
    auto inner = single(value);
    if (!inner) return inner.error();
    auto code = readCharacterString(*inner, CharacterString::Icao);
    if (!code) return code;
    if (code->size() != 2) return invalid("DocumentType is not two letters");
    return code;
}

Result<Sex> sex(ByteView value) {
    auto inner = single(value);
    if (!inner) return inner.error();
    auto text = readCharacterString(*inner, CharacterString::Printable);
    if (!text) return text.error();
    if (*text == "F") return Sex::Female;
    if (*text == "M") return Sex::Male;
    if (*text == " ") return Sex::Unspecified;
    return invalid("ICAOSex is none of F, M, space");
}

// DER orders the elements of a SET OF by their encodings (X.690 §11.6).
bool inDerSetOrder(const std::vector<asn1::Tlv>& elements) {
    for (std::size_t i = 1; i < elements.size(); ++i) {
        ByteView a = elements[i - 1].encoded;
        ByteView b = elements[i].encoded;
        const std::size_t common = std::min(a.size(), b.size());
        const auto mismatch = std::mismatch(a.begin(), a.begin() + common, b.begin());
        if (mismatch.first != a.begin() + common) {
            if (*mismatch.first > *mismatch.second) return false;
        } else if (a.size() > b.size()) {
            // Equal prefix: the longer one sorts later unless the rest is zero padding.
            if (std::any_of(a.begin() + common, a.end(), [](std::uint8_t x) { return x != 0; }))
                return false;
        }
    }
    return true;
}

Result<std::vector<asn1::Tlv>> setOf(ByteView value, const char* what) {
    auto inner = single(value);
    if (!inner) return inner.error();
    if (inner->tag != kSet) return invalid(std::string(what) + " is not a SET OF");
    auto elements = inner->children();
    if (!elements) return invalid(std::string(what) + ": " + elements.error().detail);
    if (!inDerSetOrder(*elements))
        return invalid(std::string(what) + ": elements not in DER order");
    return elements;
}

Result<std::vector<OptionalData>> optionalData(ByteView value) {
    auto elements = setOf(value, "OptionalDataR");
    if (!elements) return elements.error();
    std::vector<OptionalData> entries;
    for (const auto& element : *elements) {
        if (element.tag != kSequence) return invalid("OptionalData is not a SEQUENCE");
        auto fields = element.children();
        if (!fields) return invalid("OptionalData: " + fields.error().detail);
        if (fields->empty() || fields->size() > 2)
            return invalid("OptionalData must hold a type and at most one data element");
        if ((*fields)[0].tag != kObjectIdentifier)
            return invalid("OptionalData type is not an OBJECT IDENTIFIER");
        auto oid = eac::Oid::fromDer((*fields)[0].value);
        if (!oid) return invalid("OptionalData type: " + oid.error().detail);
        OptionalData entry{oid->toString(), std::nullopt};
        if (fields->size() == 2) {
            ByteView data = (*fields)[1].encoded;
            entry.data = Bytes(data.begin(), data.end());
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

Result<Bytes> octetString(ByteView value, const char* what) {
    auto inner = single(value);
    if (!inner) return inner.error();
    if (inner->tag != kOctetString) return invalid(std::string(what) + " is not an OCTET STRING");
    if (inner->value.empty()) return invalid(std::string(what) + " is empty");
    return Bytes(inner->value.begin(), inner->value.end());
}

Result<MunicipalityId> municipalityId(ByteView value) {
    auto bytes = octetString(value, "MunicipalityID");
    if (!bytes) return bytes.error();
    MunicipalityId id{*bytes, {}};
    for (const std::uint8_t byte : *bytes) {
        for (const int nibble : {byte >> 4, byte & 0x0F}) {
            if (nibble > 9) return invalid("MunicipalityID is not BCD digits");
            id.digits += static_cast<char>('0' + nibble);
        }
    }
    return id;
}

Result<std::vector<Place>> placeOfResidence(ByteView value) {
    auto inner = single(value);
    if (!inner) return inner.error();
    std::vector<Place> places;
    if (inner->tag != kSet) {
        auto place = decodeGeneralPlace(*inner);
        if (!place) return place.error();
        places.push_back(std::move(*place));
        return places;
    }
    auto elements = setOf(value, "multResidence");
    if (!elements) return elements.error();
    if (elements->empty()) return invalid("multResidence lists no place");
    for (const auto& element : *elements) {
        auto place = decodeGeneralPlace(element);
        if (!place) return place.error();
        places.push_back(std::move(*place));
    }
    return places;
}

Result<std::string> permitText(ByteView value) {
    auto inner = single(value);
    if (!inner) return inner.error();
    return decodeText(*inner);
}

bool isPhoneDigitOrSeparator(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '(' || c == ')';
}

// A tel URI (RFC 3966) with a global number: "tel:+" then digits and visual separators.
Result<std::string> phoneNumber(ByteView value) {
    auto inner = single(value);
    if (!inner) return inner.error();
    auto text = readCharacterString(*inner, CharacterString::Printable);
    if (!text) return text;
    const std::string& uri = *text;
    const bool scheme = uri.size() > 5 && std::tolower(static_cast<unsigned char>(uri[0])) == 't' &&
                        std::tolower(static_cast<unsigned char>(uri[1])) == 'e' &&
                        std::tolower(static_cast<unsigned char>(uri[2])) == 'l' && uri[3] == ':' &&
                        uri[4] == '+';
    const std::string_view digits = scheme ? std::string_view(uri).substr(5) : std::string_view();
    const bool wellFormed =
        scheme && std::all_of(digits.begin(), digits.end(), isPhoneDigitOrSeparator) &&
        std::any_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!wellFormed) return invalid("PhoneNumber is not a tel: URI with a global number");
    return text;
}

Result<std::string> emailAddress(ByteView value) {
    auto inner = single(value);
    if (!inner) return inner.error();
    auto text = readCharacterString(*inner, CharacterString::Ia5);
    if (!text) return text;
    const auto at = text->find('@');
    const bool wellFormed = at != std::string::npos && at > 0 && at + 1 < text->size() &&
                            text->find('@', at + 1) == std::string::npos &&
                            text->find(' ') == std::string::npos;
    if (!wellFormed) return invalid("EmailAddress is not local@domain");
    return text;
}

template <typename T>
Result<void> store(Result<T> decoded, std::optional<T>& field) {
    if (!decoded) return decoded.error();
    field = std::move(*decoded);
    return {};
}

Result<void> decodeValue(DataGroup group, ByteView value, EidData& out) {
    switch (group) {
        case DataGroup::DG1:
            return store(documentType(value), out.documentType);
        case DataGroup::DG2: {
            auto inner = single(value);
            if (!inner) return inner.error();
            if (inner->tag == kPrintableString) {
                out.issuingPlace.reset();
                return store(readIcaoCountry(*inner), out.issuingState);
            }
            out.issuingState.reset();
            return store(decodeStructuredPlace(*inner), out.issuingPlace);
        }
        case DataGroup::DG3:
            return store(date(value, false), out.dateOfExpiry);
        case DataGroup::DG4:
            return store(utf8(value), out.givenNames);
        case DataGroup::DG5:
            return store(utf8(value), out.familyNames);
        case DataGroup::DG6:
            return store(utf8(value), out.artisticName);
        case DataGroup::DG7:
            return store(utf8(value), out.academicTitle);
        case DataGroup::DG8:
            return store(date(value, true), out.dateOfBirth);
        case DataGroup::DG9: {
            auto inner = single(value);
            if (!inner) return inner.error();
            return store(decodeGeneralPlace(*inner), out.placeOfBirth);
        }
        case DataGroup::DG10:
            return store(icaoCountry(value), out.nationality);
        case DataGroup::DG11:
            return store(sex(value), out.sex);
        case DataGroup::DG12:
            return store(optionalData(value), out.optionalData);
        case DataGroup::DG13:
            return store(utf8(value), out.birthName);
        case DataGroup::DG14:
            return store(octetString(value, "WrittenSignature"), out.writtenSignature);
        case DataGroup::DG15:
            return store(date(value, false), out.dateOfIssuance);
        case DataGroup::DG16:
            return makeError(ErrorCode::Unsupported, "Unsupported data group",
                             "DG16 is reserved for future use");
        case DataGroup::DG17:
            return store(placeOfResidence(value), out.placeOfResidence);
        case DataGroup::DG18:
            return store(municipalityId(value), out.municipalityId);
        case DataGroup::DG19:
            return store(permitText(value), out.residencePermit1);
        case DataGroup::DG20:
            return store(permitText(value), out.residencePermit2);
        case DataGroup::DG21:
            return store(phoneNumber(value), out.phoneNumber);
        case DataGroup::DG22:
            return store(emailAddress(value), out.emailAddress);
    }
    return invalid("unknown data group");
}

Error namingDataGroup(DataGroup group, const Error& cause) {
    std::string what = label(group);
    if (!what.empty())
        what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    std::string detail = toString(group) + " " + domainName(group) + ": " + cause.message;
    if (!cause.detail.empty()) detail += ": " + cause.detail;
    return makeError(
        cause.code == ErrorCode::Unsupported ? ErrorCode::Unsupported : ErrorCode::InvalidInput,
        "The card returned unreadable data for the " + what + " (" + toString(group) + ")",
        std::move(detail));
}

}  // namespace

Result<void> decodeDataGroup(DataGroup group, ByteView content, EidData& into) {
    if (number(group) < 1 || number(group) > 22)
        return makeError(ErrorCode::InvalidInput, "Unknown data group", "no such data group");
    auto outer = asn1::readOne(content);
    if (!outer) return namingDataGroup(group, outer.error());
    const asn1::Tag expected = 0x60 | static_cast<asn1::Tag>(number(group));
    if (outer->tag != expected) {
        return namingDataGroup(
            group, invalid("outer tag " + hexTag(outer->tag) + " instead of " + hexTag(expected)));
    }
    EidData decoded = into;
    auto result = decodeValue(group, outer->value, decoded);
    if (!result) return namingDataGroup(group, result.error());
    into = std::move(decoded);
    return {};
}

}  // namespace oa::eid
