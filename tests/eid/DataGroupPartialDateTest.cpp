#include <catch2/catch.hpp>

#include "eid/PartialDate.h"

using namespace oa::eid;

TEST_CASE("Partial date: a complete YYYYMMDD date keeps year, month and day") {
    auto date = PartialDate::parse("19640812");
    REQUIRE(date.ok());
    CHECK(date->year() == 1964);
    CHECK(date->month() == 8);
    CHECK(date->day() == 12);
    CHECK(date->isComplete());
    CHECK(date->toIso() == "1964-08-12");
    CHECK(date->toDisplay() == "1964-08-12");
}

TEST_CASE("Partial date: an unknown day given as spaces or zeros stays unknown") {
    for (const char* text : {"196408  ", "19640800"}) {
        INFO(text);
        auto date = PartialDate::parse(text);
        REQUIRE(date.ok());
        CHECK(date->year() == 1964);
        CHECK(date->month() == 8);
        CHECK_FALSE(date->day().has_value());
        CHECK_FALSE(date->isComplete());
        CHECK(date->toIso() == "1964-08");
        CHECK(date->toDisplay() == "1964-08 (day unknown)");
    }
}

TEST_CASE("Partial date: only the year known, with spaces, zeros or a mix of both parts") {
    for (const char* text : {"1964    ", "19640000", "196400  ", "1964  00"}) {
        INFO(text);
        auto date = PartialDate::parse(text);
        REQUIRE(date.ok());
        CHECK(date->year() == 1964);
        CHECK_FALSE(date->month().has_value());
        CHECK_FALSE(date->day().has_value());
        CHECK(date->toIso() == "1964");
        CHECK(date->toDisplay() == "1964 (month and day unknown)");
    }
}

TEST_CASE("Partial date: a date with nothing known is kept as unknown") {
    for (const char* text : {"        ", "00000000"}) {
        auto date = PartialDate::parse(text);
        REQUIRE(date.ok());
        CHECK(date->isUnknown());
        CHECK(date->toIso() == "unknown");
    }
}

TEST_CASE("Partial date: 29 February only in leap years") {
    CHECK(PartialDate::parse("20000229").ok());
    CHECK(PartialDate::parse("20240229").ok());
    CHECK_FALSE(PartialDate::parse("19000229").ok());
    CHECK_FALSE(PartialDate::parse("20230229").ok());
    CHECK(daysInMonth(2023, 4) == 30);
    CHECK(daysInMonth(2023, 12) == 31);
}

TEST_CASE("Partial date: impossible or malformed dates are refused with a reason") {
    for (const char* text :
         {"19641301", "19640832", "19640431", "19640230", "1964081", "196408123", "", "1964-8-1",
          "19640A12", "1964 812", "19640 12", "196408 1", "0000 812", "00000812", "    0812",
          "000008  ", "19640012", "1964  12"}) {
        INFO(text);
        auto date = PartialDate::parse(text);
        REQUIRE_FALSE(date.ok());
        CHECK(date.error().code == oa::ErrorCode::InvalidInput);
        CHECK_FALSE(date.error().detail.empty());
    }
}

TEST_CASE("Partial date from parts refuses a known part after an unknown one") {
    CHECK(PartialDate::fromParts(2001, 2, 28).ok());
    CHECK_FALSE(PartialDate::fromParts(std::nullopt, 2, std::nullopt).ok());
    CHECK_FALSE(PartialDate::fromParts(2001, std::nullopt, 3).ok());
    CHECK_FALSE(PartialDate::fromParts(0, std::nullopt, std::nullopt).ok());
}
