#include <catch2/catch.hpp>

#include "eid/DataGroup.h"

using namespace oa::eid;

TEST_CASE("Data groups have file identifier 01nn and short file identifier nn") {
    CHECK(fileId(DataGroup::DG1) == 0x0101);
    CHECK(shortFileId(DataGroup::DG1) == 0x01);
    CHECK(fileId(DataGroup::DG17) == 0x0111);
    CHECK(shortFileId(DataGroup::DG17) == 0x11);
    CHECK(fileId(DataGroup::DG22) == 0x0116);
    CHECK(shortFileId(DataGroup::DG22) == 0x16);
}

TEST_CASE("Data groups carry the ASN.1 type name and an English label") {
    CHECK(std::string(domainName(DataGroup::DG1)) == "DocumentType");
    CHECK(std::string(domainName(DataGroup::DG6)) == "NomDePlume");
    CHECK(std::string(domainName(DataGroup::DG17)) == "PlaceOfResidence");
    CHECK(std::string(domainName(DataGroup::DG18)) == "MunicipalityID");
    CHECK(std::string(label(DataGroup::DG8)) == "Date of birth");
    CHECK(toString(DataGroup::DG9) == "DG9");
    for (const auto group : allDataGroups()) {
        CHECK(std::string(domainName(group)).size() > 2);
        CHECK(std::string(label(group)).size() > 2);
    }
}

TEST_CASE("All data groups are listed in order, DG1 to DG22") {
    const auto groups = allDataGroups();
    REQUIRE(groups.size() == 22);
    for (std::size_t i = 0; i < groups.size(); ++i)
        CHECK(number(groups[i]) == static_cast<int>(i) + 1);
}

TEST_CASE("Data group names parse from DGn, dgn and n") {
    CHECK(parseDataGroup("DG4") == DataGroup::DG4);
    CHECK(parseDataGroup("dg17") == DataGroup::DG17);
    CHECK(parseDataGroup("22") == DataGroup::DG22);
    CHECK(dataGroupFromNumber(1) == DataGroup::DG1);
}

TEST_CASE("Data group names outside DG1..DG22 or malformed are refused") {
    for (const char* text : {"", "DG", "DG0", "DG23", "DG04", "0", "23", "DG4x", "DGG4", "D4", "-1",
                             "+4", "DG 4", "100"}) {
        INFO(text);
        CHECK_FALSE(parseDataGroup(text).has_value());
    }
    CHECK_FALSE(dataGroupFromNumber(0).has_value());
    CHECK_FALSE(dataGroupFromNumber(23).has_value());
}
