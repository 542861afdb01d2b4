// Every way a data group can be malformed is refused with an error naming the data group, and
// leaves what was decoded before untouched.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "asn1/Tlv.h"
#include "eid/EidData.h"
#include "eid/Text.h"

using namespace oa;
using namespace oa::eid;

namespace {

Bytes tlv(asn1::Tag tag, const Bytes& value) {
    return asn1::encode(tag, value);
}

Bytes text(asn1::Tag type, std::string_view value) {
    return asn1::encode(type, asciiBytes(value));
}

Bytes dg(DataGroup group, const Bytes& value) {
    return asn1::encode(0x60 | static_cast<asn1::Tag>(number(group)), value);
}

// A decoder sitting on data decoded earlier: rejection must not change it.
void checkRejected(DataGroup group, const Bytes& content,
                   ErrorCode code = ErrorCode::InvalidInput) {
    EidData data;
    REQUIRE(decodeDataGroup(DataGroup::DG4, hexBytes("64 07 0C 05 4552494B41"), data).ok());
    const EidData before = data;
    auto result = decodeDataGroup(group, content, data);
    INFO(toString(group) << " " << toHex(content));
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == code);
    CHECK(result.error().message.find(toString(group)) != std::string::npos);
    CHECK(result.error().detail.rfind(toString(group) + " ", 0) == 0);
    CHECK(data == before);
}

Bytes fixture(const std::string& name) {
    std::ifstream file(std::string(OA_EID_TEST_DATA) + "/datagroups/" + name, std::ios::binary);
    REQUIRE(file.good());
    return Bytes(std::istreambuf_iterator<char>(file), {});
}

Bytes compressedText(const Bytes& deflate) {
    return tlv(0xA2, tlv(0x04, deflate));
}

const Bytes kBerlinCity = tlv(0xAB, text(0x0C, "BERLIN"));
const Bytes kCountryD = tlv(0xAD, text(0x13, "D"));

}  // namespace

TEST_CASE("Rejected: content that is not exactly one TLV of the data group's tag") {
    checkRejected(DataGroup::DG4, {});
    checkRejected(DataGroup::DG4, hexBytes("65 07 0C 05 4552494B41"));       // DG5's tag
    checkRejected(DataGroup::DG4, hexBytes("64 07 0C 05 4552494B41 00"));    // trailing byte
    checkRejected(DataGroup::DG4, hexBytes("64 08 0C 05 4552494B41"));       // truncated
    checkRejected(DataGroup::DG4, hexBytes("64 80 0C 05 4552494B41 0000"));  // indefinite length
    checkRejected(DataGroup::DG4, hexBytes("64 00"));                        // nothing inside
    checkRejected(DataGroup::DG4, hexBytes("64 04 0C 00 0C 00"));            // two inside
    checkRejected(DataGroup::DG4, hexBytes("64 03 0C 05 45"));               // inner truncated
}

TEST_CASE("Rejected: strings of the wrong ASN.1 type") {
    checkRejected(DataGroup::DG1, dg(DataGroup::DG1, text(0x0C, "ID")));
    checkRejected(DataGroup::DG3, dg(DataGroup::DG3, text(0x13, "20341031")));
    checkRejected(DataGroup::DG4, dg(DataGroup::DG4, text(0x13, "ERIKA")));
    checkRejected(DataGroup::DG10, dg(DataGroup::DG10, text(0x0C, "D")));
    checkRejected(DataGroup::DG11, dg(DataGroup::DG11, text(0x0C, "F")));
    checkRejected(DataGroup::DG13, dg(DataGroup::DG13, tlv(0x04, asciiBytes("X"))));
    checkRejected(DataGroup::DG21, dg(DataGroup::DG21, text(0x16, "tel:+4930123")));
    checkRejected(DataGroup::DG22, dg(DataGroup::DG22, text(0x13, "a@b.de")));
}

TEST_CASE("Rejected: document type that is not two ICAO letters") {
    for (const char* code : {"I", "IDX", "id", "I1", ""})
        checkRejected(DataGroup::DG1, dg(DataGroup::DG1, text(0x13, code)));
}

TEST_CASE("Rejected: country codes that are not one or three ICAO letters") {
    for (const char* code : {"DE", "d", "BRAZ", "", "D1", "B-A"}) {
        checkRejected(DataGroup::DG2, dg(DataGroup::DG2, text(0x13, code)));
        checkRejected(DataGroup::DG10, dg(DataGroup::DG10, text(0x13, code)));
    }
    checkRejected(DataGroup::DG2, dg(DataGroup::DG2, text(0x0C, "D")));  // neither choice
}

TEST_CASE("Rejected: expiry and issuance dates that are partial or impossible") {
    for (const char* date :
         {"2034    ", "20341000", "20341301", "20340931", "2034103", "2034-1-1"}) {
        checkRejected(DataGroup::DG3, dg(DataGroup::DG3, text(0x12, date)));
        checkRejected(DataGroup::DG15, dg(DataGroup::DG15, text(0x12, date)));
    }
}

TEST_CASE("Rejected: dates of birth that are impossible or mix known and unknown parts") {
    for (const char* date : {"19640230", "19641312", "1964 812", "19640012", "    0812", "196408"})
        checkRejected(DataGroup::DG8, dg(DataGroup::DG8, text(0x12, date)));
}

TEST_CASE("Rejected: names that are not well-formed UTF-8 or hold control characters") {
    for (const char* hex : {"C0 80",           // overlong NUL
                            "E0 80 AF",        // overlong '/'
                            "80",              // lone continuation byte
                            "41 C3",           // truncated sequence
                            "ED A0 80",        // UTF-16 surrogate
                            "F4 90 80 80",     // above U+10FFFF
                            "F8 88 80 80 80",  // five-byte form
                            "FF",              // never in UTF-8
                            "41 00 42",        // NUL
                            "41 0A 42",        // line break in a name
                            "41 1B 5B 32 4A",  // terminal escape sequence
                            "7F",              // DEL
                            "C2 85"}) {        // C1 control (NEL)
        INFO(hex);
        checkRejected(DataGroup::DG5, dg(DataGroup::DG5, tlv(0x0C, hexBytes(hex))));
    }
}

TEST_CASE("Rejected: sex other than F, M or space") {
    for (const char* value : {"X", "f", "FM", "", "D"})
        checkRejected(DataGroup::DG11, dg(DataGroup::DG11, text(0x13, value)));
}

TEST_CASE("Rejected: general places with an unknown choice or broken structure") {
    const auto place = [](const Bytes& value) { return dg(DataGroup::DG9, value); };
    const auto sequence = [](std::initializer_list<Bytes> fields) {
        Bytes content;
        for (const auto& f : fields)
            append(content, f);
        return tlv(0x30, content);
    };
    checkRejected(DataGroup::DG9, place(tlv(0xA3, text(0x0C, "BERLIN"))));     // no such choice
    checkRejected(DataGroup::DG9, place(text(0x0C, "BERLIN")));                // bare string
    checkRejected(DataGroup::DG9, place(sequence({kCountryD})));               // no city
    checkRejected(DataGroup::DG9, place(sequence({kBerlinCity})));             // no country
    checkRejected(DataGroup::DG9, place(sequence({kCountryD, kBerlinCity})));  // out of order
    checkRejected(DataGroup::DG9, place(sequence({kBerlinCity, kBerlinCity, kCountryD})));
    checkRejected(DataGroup::DG9,
                  place(sequence({kBerlinCity, kCountryD, tlv(0xAF, text(0x0C, "X"))})));
    checkRejected(DataGroup::DG9,  // street as PrintableString
                  place(sequence({tlv(0xAA, text(0x13, "HAUPTSTR 1")), kBerlinCity, kCountryD})));
    checkRejected(DataGroup::DG9,  // country as UTF8String
                  place(sequence({kBerlinCity, tlv(0xAD, text(0x0C, "D"))})));
    checkRejected(DataGroup::DG9,  // country of two letters
                  place(sequence({kBerlinCity, tlv(0xAD, text(0x13, "DE"))})));
    checkRejected(DataGroup::DG9,  // zip code with a character outside PrintableString
                  place(sequence({kBerlinCity, kCountryD, tlv(0xAE, text(0x13, "D_1"))})));
    checkRejected(
        DataGroup::DG9,  // explicit tag holding two elements
        place(sequence({tlv(0xAB, concat({text(0x0C, "A"), text(0x0C, "B")})), kCountryD})));
    checkRejected(DataGroup::DG9, place(sequence({tlv(0xAB, {}), kCountryD})));  // empty tag
    checkRejected(DataGroup::DG9, place(tlv(0xA1, text(0x13, "BERLIN"))));       // free text type
    checkRejected(DataGroup::DG9, place(tlv(0xA2, {})));                         // empty statement
    checkRejected(DataGroup::DG9, place(tlv(0xA1, hexBytes("0C 02 C328"))));     // bad UTF-8
}

TEST_CASE("Rejected: place of residence lists that are empty, unordered or hold a bad place") {
    const Bytes berlin = tlv(0xA1, text(0x0C, "BERLIN"));
    const Bytes bonn = tlv(0x30, concat({tlv(0xAB, text(0x0C, "BONN")), kCountryD}));
    checkRejected(DataGroup::DG17, dg(DataGroup::DG17, tlv(0x31, {})));
    checkRejected(DataGroup::DG17, dg(DataGroup::DG17, tlv(0x31, concat({berlin, bonn}))));
    checkRejected(DataGroup::DG17,
                  dg(DataGroup::DG17, tlv(0x31, concat({bonn, tlv(0xA3, text(0x0C, "X"))}))));
    checkRejected(DataGroup::DG17, dg(DataGroup::DG17, tlv(0x04, asciiBytes("BERLIN"))));
}

TEST_CASE("Rejected: optional data that is not a DER SET OF (OID, data)") {
    const Bytes first = tlv(0x30, hexBytes("06 02 2A03"));
    const Bytes second = tlv(0x30, hexBytes("06 09 04007F000703010401 0C 01 58"));
    const auto optional = [](const Bytes& value) { return dg(DataGroup::DG12, value); };
    checkRejected(DataGroup::DG12, optional(tlv(0x30, first)));                    // SEQUENCE
    checkRejected(DataGroup::DG12, optional(tlv(0x31, concat({second, first}))));  // unordered
    checkRejected(DataGroup::DG12, optional(tlv(0x31, hexBytes("06 02 2A03"))));   // bare OID
    checkRejected(DataGroup::DG12, optional(tlv(0x31, tlv(0x30, {}))));            // no type
    checkRejected(DataGroup::DG12, optional(tlv(0x31, tlv(0x30, hexBytes("0C 01 58")))));
    checkRejected(DataGroup::DG12,
                  optional(tlv(0x31, tlv(0x30, hexBytes("06 02 2A03 0C 01 58 0C 01 58")))));
    checkRejected(DataGroup::DG12, optional(tlv(0x31, tlv(0x30, hexBytes("06 01 80")))));
    checkRejected(DataGroup::DG12, optional(tlv(0x31, tlv(0x30, hexBytes("06 02 2A")))));
}

TEST_CASE("Rejected: written signature and community ID that are empty or not OCTET STRING") {
    checkRejected(DataGroup::DG14, dg(DataGroup::DG14, tlv(0x04, {})));
    checkRejected(DataGroup::DG14, dg(DataGroup::DG14, tlv(0x03, hexBytes("00FF4F"))));
    checkRejected(DataGroup::DG18, dg(DataGroup::DG18, tlv(0x04, {})));
    checkRejected(DataGroup::DG18, dg(DataGroup::DG18, text(0x12, "02760503150000")));
}

TEST_CASE("Rejected: community ID bytes that are not decimal digits") {
    checkRejected(DataGroup::DG18, dg(DataGroup::DG18, tlv(0x04, hexBytes("0276050315000F"))));
    checkRejected(DataGroup::DG18, dg(DataGroup::DG18, tlv(0x04, hexBytes("A276050315"))));
}

TEST_CASE("Rejected: residence permit texts with a wrong choice or a broken compression") {
    const auto permit = [](const Bytes& value) { return dg(DataGroup::DG19, value); };
    checkRejected(DataGroup::DG19, permit(text(0x0C, "TEXT")));                     // no choice
    checkRejected(DataGroup::DG19, permit(tlv(0xA3, text(0x0C, "TEXT"))));          // [3]
    checkRejected(DataGroup::DG19, permit(tlv(0xA1, tlv(0x04, asciiBytes("T")))));  // [1] bytes
    checkRejected(DataGroup::DG19, permit(tlv(0xA2, text(0x0C, "TEXT"))));          // [2] text
    checkRejected(DataGroup::DG19, permit(tlv(0xA1, hexBytes("0C 02 C328"))));      // bad UTF-8
    checkRejected(DataGroup::DG19, permit(tlv(0xA1, hexBytes("0C 01 00"))));        // NUL
    // DEFLATE by hand: one final stored block 01, LEN, ~LEN, data.
    checkRejected(DataGroup::DG19, permit(compressedText(hexBytes("FFFF"))));  // corrupt
    checkRejected(DataGroup::DG19, permit(compressedText({})));                // empty stream
    checkRejected(DataGroup::DG19,  // truncated: LEN 3 but two bytes
                  permit(compressedText(hexBytes("01 0300 FCFF 4142"))));
    checkRejected(DataGroup::DG19,  // bytes after the final block
                  permit(compressedText(hexBytes("01 0200 FDFF 4142 00"))));
    checkRejected(DataGroup::DG19,  // inflates to malformed UTF-8
                  permit(compressedText(hexBytes("01 0200 FDFF C328"))));
    checkRejected(DataGroup::DG19, fixture("dg19-compressed-too-large.bin"));
}

TEST_CASE("A stored DEFLATE block made by hand inflates to its text") {
    EidData data;
    REQUIRE(decodeDataGroup(DataGroup::DG19,
                            dg(DataGroup::DG19, compressedText(hexBytes("01 0200 FDFF 4142"))),
                            data)
                .ok());
    CHECK(data.residencePermit1 == "AB");
}

TEST_CASE("Rejected: phone numbers that are not a tel URI with a global number") {
    for (const char* uri : {"+49301234567", "tel:0301234567", "tel:+", "tel:+--", "tel:+49 30 1234",
                            "tel:+49-ABC", "fax:+4930123", "tel+4930123"})
        checkRejected(DataGroup::DG21, dg(DataGroup::DG21, text(0x13, uri)));
    checkRejected(DataGroup::DG21, dg(DataGroup::DG21, text(0x13, "tel:+49;ext=1")));  // ';'
}

TEST_CASE("Rejected: e-mail addresses that are not local@domain in IA5") {
    for (const char* address : {"erika", "@mustermann.de", "erika@", "a@b@c", "erika @x.de", ""})
        checkRejected(DataGroup::DG22, dg(DataGroup::DG22, text(0x16, address)));
    checkRejected(DataGroup::DG22, dg(DataGroup::DG22, tlv(0x16, hexBytes("C3A4 40 782E6465"))));
    checkRejected(DataGroup::DG22, dg(DataGroup::DG22, tlv(0x16, hexBytes("61 0A 40 782E6465"))));
}

TEST_CASE("Rejected: the reserved DG16 is unsupported") {
    checkRejected(DataGroup::DG16, dg(DataGroup::DG16, text(0x0C, "X")), ErrorCode::Unsupported);
}

TEST_CASE("Rejection messages name the data group in words and number") {
    EidData data;
    auto result = decodeDataGroup(DataGroup::DG8, dg(DataGroup::DG8, text(0x12, "19640230")), data);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message ==
          "The card returned unreadable data for the date of birth (DG8)");
    CHECK(result.error().detail.find("DG8 DateOfBirth") == 0);
    CHECK(result.error().detail.find("day 30 does not exist") != std::string::npos);
}

TEST_CASE("Rejection details do not repeat the holder's data, since they go to the log") {
    EidData data;
    const std::vector<std::pair<DataGroup, Bytes>> cases{
        {DataGroup::DG8, dg(DataGroup::DG8, text(0x12, "19640230"))},
        {DataGroup::DG3, dg(DataGroup::DG3, text(0x12, "196408  "))},
        {DataGroup::DG21, dg(DataGroup::DG21, text(0x13, "tel:0301964"))},
        {DataGroup::DG22, dg(DataGroup::DG22, text(0x16, "1964-erika"))},
        {DataGroup::DG18, dg(DataGroup::DG18, tlv(0x04, hexBytes("1964F0")))},
        {DataGroup::DG10, dg(DataGroup::DG10, text(0x13, "XY"))},
    };
    for (const auto& [group, content] : cases) {
        auto result = decodeDataGroup(group, content, data);
        REQUIRE_FALSE(result.ok());
        INFO(result.error().detail);
        CHECK(result.error().detail.find("1964") == std::string::npos);
        CHECK(result.error().detail.find("XY") == std::string::npos);
    }
}

TEST_CASE("Compressed texts inflate up to 64 KiB and no further") {
    auto atCeiling = inflateRaw(fixture("deflate-64KiB.bin"));
    REQUIRE(atCeiling.ok());
    CHECK(atCeiling->size() == 65536);
    CHECK(atCeiling->back() == 'A');
    auto beyond = inflateRaw(fixture("deflate-64KiB-plus-1.bin"));
    REQUIRE_FALSE(beyond.ok());
    CHECK(beyond.error().detail.find("65536") != std::string::npos);
}
