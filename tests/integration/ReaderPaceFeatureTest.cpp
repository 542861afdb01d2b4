// Comfort reader detection: FEATURE_EXECUTE_PACE found in a reader's PC/SC part 10 feature list,
// and nothing found in a broken or PACE-less list. vpcd offers no pinpad, so the lists are made
// here; the virtual reader's own list must not claim reader-side PACE.
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
