#include <catch2/catch.hpp>

#include "card/ReaderInfo.h"

using namespace oa;
using Kind = ReaderEvent::Kind;

TEST_CASE("A new reader with a card yields reader added then card inserted") {
    const std::vector<ReaderInfo> after{{"R1", "pcsc", true, hexBytes("3B80")}};
    const auto events = diffReaders({}, after);
    REQUIRE(events.size() == 2);
    CHECK(events[0] == ReaderEvent{Kind::ReaderAdded, "R1", {}});
    CHECK(events[1] == ReaderEvent{Kind::CardInserted, "R1", hexBytes("3B80")});
}

TEST_CASE("Unplugging a reader with a card yields card removed then reader removed") {
    const std::vector<ReaderInfo> before{{"R1", "pcsc", true, hexBytes("3B80")}};
    const auto events = diffReaders(before, {});
    REQUIRE(events.size() == 2);
    CHECK(events[0].kind == Kind::CardRemoved);
    CHECK(events[1].kind == Kind::ReaderRemoved);
}

TEST_CASE("A card swapped between two snapshots is seen as removed and inserted") {
    const std::vector<ReaderInfo> before{{"R1", "pcsc", true, hexBytes("3B80")}};
    const std::vector<ReaderInfo> after{{"R1", "pcsc", true, hexBytes("3B81")}};
    const auto events = diffReaders(before, after);
    REQUIRE(events.size() == 2);
    CHECK(events[0].kind == Kind::CardRemoved);
    CHECK(events[1] == ReaderEvent{Kind::CardInserted, "R1", hexBytes("3B81")});
}

TEST_CASE("Identical snapshots yield no events") {
    const std::vector<ReaderInfo> same{{"R1", "pcsc", false, {}},
                                       {"R2", "pcsc", true, hexBytes("3B")}};
    CHECK(diffReaders(same, same).empty());
}
