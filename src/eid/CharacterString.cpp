#include "eid/CharacterString.h"

#include <cstdio>

namespace oa::eid {
namespace {

Error badCharacter(const char* type, std::size_t offset, std::uint8_t byte) {
    char detail[96];
    std::snprintf(detail, sizeof detail, "%s: character 0x%02X at offset %zu is not allowed", type,
                  byte, offset);
    return makeError(ErrorCode::InvalidInput, "The card holds text in a wrong character set",
                     detail);
}

asn1::Tag tagOf(CharacterString type) {
    switch (type) {
        case CharacterString::Utf8:
            return 0x0C;
        case CharacterString::Numeric:
            return 0x12;
        case CharacterString::Ia5:
            return 0x16;
        case CharacterString::Printable:
        case CharacterString::Icao:
            return 0x13;
    }
    return 0;
}

const char* nameOf(CharacterString type) {
    switch (type) {
        case CharacterString::Utf8:
            return "UTF8String";
        case CharacterString::Numeric:
            return "NumericString";
        case CharacterString::Ia5:
            return "IA5String";
        case CharacterString::Printable:
            return "PrintableString";
        case CharacterString::Icao:
            return "ICAOString";
    }
    return "string";
}

bool isPrintableStringCharacter(std::uint8_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
    switch (c) {
        case ' ':
        case '\'':
        case '(':
        case ')':
        case '+':
        case ',':
        case '-':
        case '.':
        case '/':
        case ':':
        case '=':
        case '?':
            return true;
        default:
            return false;
    }
}

bool allowed(CharacterString type, std::uint8_t c, bool allowLineBreaks) {
    const bool lineBreak = allowLineBreaks && (c == '\n' || c == '\r');
    switch (type) {
        case CharacterString::Numeric:
            return c == ' ' || (c >= '0' && c <= '9');
        case CharacterString::Printable:
            return isPrintableStringCharacter(c);
        case CharacterString::Icao:
            return c == ' ' || (c >= 'A' && c <= 'Z');
        case CharacterString::Ia5:
            return (c >= 0x20 && c < 0x7F) || lineBreak;
        case CharacterString::Utf8:
            // Bytes >= 0x80 are checked as UTF-8 sequences; control characters never belong in
            // a name or an address and would garble a terminal.
            return c >= 0x80 || (c >= 0x20 && c != 0x7F) || lineBreak;
    }
    return false;
}

// Bidirectional formatting characters reorder what is shown around them (a name could show as
// another one, a log line could read backwards); line and paragraph separators break lines as LF
// does. None belongs in a name or an address.
bool isInvisibleControl(std::uint32_t codePoint) {
    return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F ||
           (codePoint >= 0x202A && codePoint <= 0x202E) ||
           (codePoint >= 0x2066 && codePoint <= 0x2069) || codePoint == 0x2028 ||
           codePoint == 0x2029;
}

// Length of the UTF-8 sequence starting at `i`, or 0 if it is not a well-formed one (overlong
// forms, surrogates and code points above U+10FFFF are rejected).
std::size_t sequenceLength(ByteView bytes, std::size_t i) {
    const std::uint8_t first = bytes[i];
    if (first < 0x80) return 1;
    std::size_t length;
    std::uint32_t min;
    std::uint32_t codePoint;
    if ((first & 0xE0) == 0xC0) {
        length = 2, min = 0x80, codePoint = first & 0x1F;
    } else if ((first & 0xF0) == 0xE0) {
        length = 3, min = 0x800, codePoint = first & 0x0F;
    } else if ((first & 0xF8) == 0xF0) {
        length = 4, min = 0x10000, codePoint = first & 0x07;
    } else {
        return 0;
    }
    if (bytes.size() - i < length) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((bytes[i + k] & 0xC0) != 0x80) return 0;
        codePoint = codePoint << 6 | (bytes[i + k] & 0x3F);
    }
    if (codePoint < min || codePoint > 0x10FFFF) return 0;
    if (codePoint >= 0xD800 && codePoint <= 0xDFFF) return 0;
    // C1 control characters are as unwelcome as C0 ones.
    if (codePoint >= 0x80 && codePoint < 0xA0) return 0;
    if (isInvisibleControl(codePoint)) return 0;
    return length;
}

}  // namespace

bool isWellFormedUtf8(ByteView bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t length = sequenceLength(bytes, i);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

Result<std::string> checkCharacters(ByteView bytes, CharacterString type, bool allowLineBreaks) {
    for (std::size_t i = 0; i < bytes.size();) {
        if (!allowed(type, bytes[i], allowLineBreaks))
            return badCharacter(nameOf(type), i, bytes[i]);
        if (type != CharacterString::Utf8) {
            ++i;
            continue;
        }
        const std::size_t length = sequenceLength(bytes, i);
        if (length == 0) {
            return makeError(ErrorCode::InvalidInput,
                             "The card holds text in a wrong character set",
                             "UTF8String: malformed UTF-8 or a control character at offset " +
                                 std::to_string(i));
        }
        i += length;
    }
    return std::string(bytes.begin(), bytes.end());
}

Result<std::string> readCharacterString(const asn1::Tlv& element, CharacterString type,
                                        bool allowLineBreaks) {
    if (element.tag != tagOf(type)) {
        char detail[64];
        std::snprintf(detail, sizeof detail, "expected %s (tag %02X), found tag %02X", nameOf(type),
                      tagOf(type), element.tag);
        return makeError(ErrorCode::InvalidInput, "Malformed data structure", detail);
    }
    return checkCharacters(element.value, type, allowLineBreaks);
}

Result<std::string> readIcaoCountry(const asn1::Tlv& element) {
    auto code = readCharacterString(element, CharacterString::Icao);
    if (!code) return code;
    if (code->size() != 1 && code->size() != 3) {
        return makeError(ErrorCode::InvalidInput, "The card holds an invalid country code",
                         "ICAOCountry is neither one nor three letters");
    }
    return code;
}

}  // namespace oa::eid
