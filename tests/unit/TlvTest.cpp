#include <catch2/catch.hpp>

#include "asn1/Tlv.h"

using namespace oa;
using namespace oa::asn1;

TEST_CASE("TLV reads a primitive element with a one-byte tag") {
    const Bytes data = hexBytes("80 02 AB CD");
    auto tlv = readOne(data);
    REQUIRE(tlv.ok());
    CHECK(tlv->tag == 0x80);
    CHECK_FALSE(tlv->constructed);
    CHECK(Bytes(tlv->value.begin(), tlv->value.end()) == hexBytes("ABCD"));
    CHECK(tlv->encoded.size() == 4);
}

TEST_CASE("TLV reads multi-byte tags such as 7F49 and 5F20") {
    const Bytes data = hexBytes("7F49 03 860101 5F20 01 41");
    auto all = readAll(data);
    REQUIRE(all.ok());
    REQUIRE(all->size() == 2);
    CHECK((*all)[0].tag == 0x7F49);
    CHECK((*all)[0].constructed);
    CHECK((*all)[1].tag == 0x5F20);
    CHECK_FALSE((*all)[1].constructed);
    auto children = (*all)[0].children();
    REQUIRE(children.ok());
    REQUIRE(children->size() == 1);
    CHECK((*children)[0].tag == 0x86);
}

TEST_CASE("TLV reads long-form lengths in shortest form") {
    Bytes data = hexBytes("04 81 80");
    data.resize(3 + 0x80, 0x11);
    auto tlv = readOne(data);
    REQUIRE(tlv.ok());
    CHECK(tlv->value.size() == 0x80);

    Bytes big = hexBytes("04 82 01 00");
    big.resize(4 + 256, 0x22);
    REQUIRE(readOne(big).ok());
}

TEST_CASE("TLV rejects a value that runs past the buffer") {
    CHECK_FALSE(readOne(hexBytes("04 03 0102")).ok());
    CHECK_FALSE(readOne(hexBytes("04 82 0100 00")).ok());
}

TEST_CASE("TLV rejects an indefinite length") {
    auto r = readOne(hexBytes("30 80 0400 0000"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::InvalidInput);
}

TEST_CASE("TLV rejects overlong length encodings") {
    CHECK_FALSE(readOne(hexBytes("04 81 05 0102030405")).ok());    // 81 for a length < 128
    CHECK_FALSE(readOne(hexBytes("04 82 0005 0102030405")).ok());  // leading zero byte
    CHECK_FALSE(readOne(hexBytes("04 85 0000000001 00")).ok());    // five length bytes
}

TEST_CASE("TLV rejects trailing garbage after a single element") {
    CHECK_FALSE(readOne(hexBytes("04 01 00 FF")).ok());
}

TEST_CASE("TLV rejects truncated tags and lengths") {
    CHECK_FALSE(readOne(hexBytes("7F")).ok());
    CHECK_FALSE(readOne(hexBytes("7F 49")).ok());
    CHECK_FALSE(readOne(hexBytes("04 82 01")).ok());
    CHECK_FALSE(readOne(Bytes{}).ok());
}

TEST_CASE("TLV rejects tags longer than four bytes and non-minimal tags") {
    CHECK_FALSE(readOne(hexBytes("1F 81 81 81 01 00")).ok());
    CHECK(readOne(hexBytes("1F 81 81 01 00")).ok());
    CHECK_FALSE(readOne(hexBytes("1F 80 01 00")).ok());
}

TEST_CASE("TLV readAll on an empty buffer gives no elements") {
    auto all = readAll(Bytes{});
    REQUIRE(all.ok());
    CHECK(all->empty());
}

TEST_CASE("TLV children of a primitive element are refused") {
    auto tlv = readOne(hexBytes("04 02 0400"));
    REQUIRE(tlv.ok());
    CHECK_FALSE(tlv->children().ok());
}

TEST_CASE("TLV encoding round-trips tags and lengths") {
    CHECK(encode(0x80, hexBytes("01")) == hexBytes("800101"));
    CHECK(encode(0x7F4C, hexBytes("")) == hexBytes("7F4C00"));
    CHECK(encodeLength(0x7F) == hexBytes("7F"));
    CHECK(encodeLength(0x80) == hexBytes("8180"));
    CHECK(encodeLength(0x100) == hexBytes("820100"));
    CHECK(encodeLength(0x10000) == hexBytes("83010000"));
    Bytes value(300, 0xAA);
    const Bytes encoded = encode(0x5F20, value);
    auto back = readOne(encoded);
    REQUIRE(back.ok());
    CHECK(back->tag == 0x5F20);
    CHECK(back->value.size() == 300);
    CHECK(encode(0x7C, {hexBytes("8001AA"), hexBytes("8101BB")}) == hexBytes("7C068001AA8101BB"));
}

TEST_CASE("TLV find returns the first element with a tag") {
    const Bytes data = hexBytes("800101 830103 800102");
    auto all = readAll(data);
    REQUIRE(all.ok());
    auto found = find(*all, 0x80);
    REQUIRE(found);
    CHECK(found->value[0] == 0x01);
    CHECK_FALSE(find(*all, 0x84));
}
