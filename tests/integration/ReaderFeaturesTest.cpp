#include <catch2/catch.hpp>

#include "card/pcsc/ReaderFeatures.h"

using namespace oa;

TEST_CASE("A PC/SC part 10 feature list maps tags to big-endian control codes", "[features]") {
    // VERIFY_PIN_DIRECT (06) and GET_TLV_PROPERTIES (12), as a CCID pinpad reader answers.
    auto features = pcsc::parseFeatureList(hexBytes("06 04 42 33 00 06 12 04 42 33 00 12"));
    REQUIRE(features.ok());
    CHECK(*features ==
          std::map<std::uint8_t, std::uint32_t>{{0x06, 0x42330006}, {0x12, 0x42330012}});
    CHECK(pcsc::parseFeatureList({})->empty());
}

TEST_CASE("A malformed feature list is rejected", "[features]") {
    CHECK_FALSE(pcsc::parseFeatureList(hexBytes("06 04 42 33 00")).ok());     // cut off
    CHECK_FALSE(pcsc::parseFeatureList(hexBytes("06 02 42 33 00 06")).ok());  // wrong length
}

TEST_CASE("TLV properties are read little-endian in 1, 2 or 4 bytes", "[features]") {
    // wLcdLayout (01, 2 bytes), bEntryValidationCondition (02, 1 byte), dwMaxAPDUDataSize (0A).
    auto properties = pcsc::parseTlvProperties(hexBytes("01 02 00 00 02 01 07 0A 04 00 00 01 00"));
    REQUIRE(properties.ok());
    CHECK(properties->at(0x01) == 0);
    CHECK(properties->at(0x02) == 7);
    CHECK(properties->at(0x0A) == 0x10000);
}

TEST_CASE("Malformed TLV properties are rejected", "[features]") {
    CHECK_FALSE(pcsc::parseTlvProperties(hexBytes("0A")).ok());              // header cut off
    CHECK_FALSE(pcsc::parseTlvProperties(hexBytes("0A 04 00 00 01")).ok());  // value cut off
    CHECK_FALSE(pcsc::parseTlvProperties(hexBytes("0A 03 00 00 01")).ok());  // odd size
}
