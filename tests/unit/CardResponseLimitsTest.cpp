// Card side review (stop 15): how much a card may send back through the NFC link before the
// reader side stops asking for more.
#include <catch2/catch.hpp>

#include "card/nfc/IsoDepLink.h"

using namespace oa;
using oa::nfc::IsoDepLink;

namespace {

// A card that answers every block with a chained I-block of 250 bytes, `blocks` times, then with
// a last I-block carrying 9000; the block numbers follow the reader's R(ACK)s.
struct ChainingCard {
    int blocks;
    int answered = 0;

    IsoDepLink::BlockExchange exchange() {
        return [this](ByteView block) -> Result<Bytes> {
            const std::uint8_t number = block[0] & 0x01;
            ++answered;
            if (answered > blocks)
                return Bytes{static_cast<std::uint8_t>(0x02 | number), 0x90, 0x00};
            Bytes answer(251, 0x5A);
            answer[0] = static_cast<std::uint8_t>(0x12 | number);
            return answer;
        };
    }
};

}  // namespace

TEST_CASE("ISO-DEP: a chained answer longer than any response APDU is refused early",
          "[nfc][isodep][review]") {
    SECTION("just within an extended-length response: passed on whole") {
        ChainingCard card{262};  // 262 * 250 + 2 = 65502 bytes
        IsoDepLink link(card.exchange(), 256);
        auto response = link.transceive(hexBytes("00B00000000000"));
        REQUIRE(response);
        CHECK(response->size() == 262u * 250 + 2);
    }
    SECTION("a card that chains on and on: stopped after 64 KiB, not after 1024 blocks") {
        ChainingCard card{1000};
        IsoDepLink link(card.exchange(), 256);
        auto response = link.transceive(hexBytes("00B00000000000"));
        REQUIRE_FALSE(response);
        CHECK(response.error().code == ErrorCode::CardError);
        CHECK(card.answered <= 265);
    }
}
