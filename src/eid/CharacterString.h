#pragma once

#include <string>

#include "asn1/Tlv.h"
#include "base/Result.h"

namespace oa::eid {

// The ASN.1 string types the eID data groups use, each with its character set.
enum class CharacterString {
    Utf8,       // UTF8String (0C): well-formed UTF-8, no control characters
    Printable,  // PrintableString (13)
    Numeric,    // NumericString (12): digits and space
    Ia5,        // IA5String (16): printable ASCII
    Icao,       // ICAOString: a PrintableString of "A".."Z" and space
};

// Reads a string element of the given type: the tag must match and every character must belong to
// the type's set. `allowLineBreaks` admits CR and LF in UTF-8 texts (residence permit texts).
Result<std::string> readCharacterString(const asn1::Tlv& element, CharacterString type,
                                        bool allowLineBreaks = false);
// The same on raw bytes (no tag), e.g. for decompressed text.
Result<std::string> checkCharacters(ByteView bytes, CharacterString type,
                                    bool allowLineBreaks = false);

// ICAOCountry: an ICAOString of one letter ("D" for Germany) or three ("BRA").
Result<std::string> readIcaoCountry(const asn1::Tlv& element);

bool isWellFormedUtf8(ByteView bytes);

}  // namespace oa::eid
