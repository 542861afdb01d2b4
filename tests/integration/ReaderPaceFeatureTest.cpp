// Comfort reader detection: FEATURE_EXECUTE_PACE and FEATURE_MODIFY_PIN_DIRECT found in a
// reader's PC/SC part 10 feature list, and nothing found in a broken or PACE-less list. vpcd
// offers no pinpad, so the lists are made here; the virtual reader's own list must not claim
// reader-side PACE, neither when connected nor in the reader list.
#include <catch2/catch.hpp>

#include <reader.h>

#include "Harness.h"
#include "card/pcsc/PcscBackend.h"
#include "card/pcsc/ReaderFeatures.h"

using namespace oa;
using namespace oa::test;

TEST_CASE("FEATURE_EXECUTE_PACE is taken from the feature list", "[features]") {
    // VERIFY_PIN_DIRECT, EXECUTE_PACE, GET_TLV_PROPERTIES, as a CCID comfort reader lists them.
    const Bytes list = hexBytes(
        "060442342020"
        "200442342010"
        "120442342012");
    CHECK(pcsc::featureControlCode(list, FEATURE_EXECUTE_PACE) == 0x42342010u);
    CHECK(pcsc::featureControlCode(list, FEATURE_VERIFY_PIN_DIRECT) == 0x42342020u);
    CHECK_FALSE(pcsc::featureControlCode(list, FEATURE_MODIFY_PIN_DIRECT));
    CHECK_FALSE(pcsc::featureControlCode(hexBytes("200442342010"
                                                  "12"),
                                         FEATURE_EXECUTE_PACE));
    CHECK_FALSE(pcsc::featureControlCode(hexBytes("200542342010"), FEATURE_EXECUTE_PACE));
}

TEST_CASE("The virtual reader is no comfort reader", "[features]") {
    SimCard sim;
    PcscBackend backend;
    REQUIRE(waitUntil(10s, [&] { return cardPresent(backend, kFirstReader); }));
    auto card = backend.connect(kFirstReader);
    REQUIRE(card);
    CHECK_FALSE((*card)->hasReaderPace());
    auto refused = (*card)->controlReaderPace(hexBytes("010000"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Unsupported);
}

TEST_CASE("A comfort reader's feature list names PACE and the PIN change on the pinpad",
          "[features]") {
    // VERIFY_PIN_DIRECT, MODIFY_PIN_DIRECT, EXECUTE_PACE.
    const auto comfort =
        pcsc::comfortFeatures(hexBytes("060442330006"
                                       "070442330007"
                                       "200442330020"));
    CHECK(comfort.isComfortReader());
    CHECK(comfort.executePace == 0x42330020u);
    CHECK(comfort.modifyPinDirect == 0x42330007u);

    // A class 2 reader: a pinpad, but no PACE of its own, so no comfort reader.
    const auto class2 =
        pcsc::comfortFeatures(hexBytes("060442330006"
                                       "070442330007"));
    CHECK_FALSE(class2.isComfortReader());
    CHECK(class2.modifyPinDirect == 0x42330007u);

    const auto broken = pcsc::comfortFeatures(hexBytes("2004423300"));
    CHECK_FALSE(broken.isComfortReader());
    CHECK_FALSE(broken.modifyPinDirect);
}

TEST_CASE("The virtual reader is listed without a pinpad, with and without a card", "[features]") {
    PcscBackend backend;
    auto empty = backend.readers();
    REQUIRE(empty);
    for (const auto& reader : *empty)
        CHECK_FALSE(reader.pinpad);
    SimCard sim;
    REQUIRE(waitUntil(10s, [&] { return cardPresent(backend, kFirstReader); }));
    auto card = backend.connect(kFirstReader);
    REQUIRE(card);
    CHECK_FALSE((*card)->hasPinpadModify());
    auto listed = backend.readers();
    REQUIRE(listed);
    REQUIRE_FALSE(listed->empty());
    for (const auto& reader : *listed)
        CHECK_FALSE(reader.pinpad);
}
