#include <catch2/catch.hpp>

#include "ScriptedCard.h"
#include "eac/CardAccessReader.h"

using namespace oa;
using namespace oa::eac;

TEST_CASE("EF.CardAccess is read by short file identifier in one step", "[cardaccess]") {
    test::ScriptedCard card(
        {{hexBytes("00B09C0000"), hexBytes("31143012060A04007F0007020204020202010202010D9000")}});
    auto infos = readCardAccess(card);
    REQUIRE(infos);
    CHECK(infos->paceInfos().size() == 1);
    CHECK(card.finished());
}

TEST_CASE("A long EF.CardAccess is read on at offsets until the end", "[cardaccess]") {
    const Bytes content(300, 0x42);
    test::ScriptedCard card({
        {hexBytes("00B09C0000"), concat({ByteView(content).first(256), hexBytes("9000")})},
        {hexBytes("00B0010000"), concat({ByteView(content).subspan(256), hexBytes("6282")})},
    });
    auto read = readEfCardAccess(card);
    REQUIRE(read);
    CHECK(*read == content);
    CHECK(card.finished());
}

TEST_CASE("A card without EF.CardAccess is not a PACE card", "[cardaccess]") {
    test::ScriptedCard card({{hexBytes("00B09C0000"), hexBytes("6A82")}});
    auto read = readEfCardAccess(card);
    REQUIRE_FALSE(read);
    CHECK(read.error().code == ErrorCode::Unsupported);
}
