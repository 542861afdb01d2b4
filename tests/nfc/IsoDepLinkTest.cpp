// The reader side of ISO 14443-4 against a scripted card: chaining both ways, S(WTX), CID, and
// the refusal of blocks out of step.
#include <catch2/catch.hpp>

#include <deque>

#include "card/nfc/IsoDepLink.h"

using namespace oa;
using oa::nfc::IsoDepLink;

namespace {

// Answers each block with the next scripted answer and remembers what was sent.
struct ScriptedCard {
    std::deque<Bytes> answers;
    std::vector<Bytes> sent;

    IsoDepLink::BlockExchange exchange() {
        return [this](ByteView block) -> Result<Bytes> {
            sent.emplace_back(block.begin(), block.end());
            if (answers.empty()) return makeError(ErrorCode::Timeout, "no answer");
            Bytes answer = std::move(answers.front());
            answers.pop_front();
            return answer;
        };
    }
};

Bytes withPcb(std::uint8_t pcb, Bytes inf = {}) {
    inf.insert(inf.begin(), pcb);
    return inf;
}

}  // namespace

TEST_CASE("ISO-DEP: a short APDU is one I-block and the answer one I-block", "[nfc][isodep]") {
    ScriptedCard card;
    card.answers = {withPcb(0x02, hexBytes("9000"))};
    IsoDepLink link(card.exchange(), 256);
    auto response = link.transceive(hexBytes("00A4000C023F00"));
    REQUIRE(response);
    CHECK(toHex(*response) == toHex(hexBytes("9000")));
    REQUIRE(card.sent.size() == 1);
    CHECK(toHex(card.sent[0]) == toHex(hexBytes("0200A4000C023F00")));
    CHECK(link.blockNumber() == 1);
}

TEST_CASE("ISO-DEP: a long APDU is chained within the card's frame size", "[nfc][isodep]") {
    ScriptedCard card;
    card.answers = {withPcb(0xA2), withPcb(0xA3), withPcb(0x02, hexBytes("9000"))};
    IsoDepLink link(card.exchange(), 32);  // FSC 32: 29 INF bytes per block
    const Bytes apdu(70, 0x11);
    auto response = link.transceive(apdu);
    REQUIRE(response);
    REQUIRE(card.sent.size() == 3);
    CHECK(card.sent[0][0] == 0x12);
    CHECK(card.sent[1][0] == 0x13);
    CHECK(card.sent[2][0] == 0x02);
    CHECK(card.sent[0].size() == 30);
    CHECK(card.sent[2].size() == 1 + 70 - 2 * 29);
}

TEST_CASE("ISO-DEP: a chained answer is collected with R(ACK)", "[nfc][isodep]") {
    ScriptedCard card;
    card.answers = {withPcb(0x12, Bytes(10, 0xAA)), withPcb(0x03, hexBytes("BB9000"))};
    IsoDepLink link(card.exchange(), 256);
    auto response = link.transceive(hexBytes("00B0000000"));
    REQUIRE(response);
    CHECK(response->size() == 13);
    REQUIRE(card.sent.size() == 2);
    CHECK(toHex(card.sent[1]) == toHex(hexBytes("A3")));
}

TEST_CASE("ISO-DEP: S(WTX) is answered with the same multiplier", "[nfc][isodep]") {
    ScriptedCard card;
    card.answers = {hexBytes("F205"), hexBytes("F205"), withPcb(0x02, hexBytes("9000"))};
    IsoDepLink link(card.exchange(), 256);
    auto response = link.transceive(hexBytes("0084000008"));
    REQUIRE(response);
    REQUIRE(card.sent.size() == 3);
    CHECK(toHex(card.sent[1]) == toHex(hexBytes("F205")));
}

TEST_CASE("ISO-DEP: a CID goes into every block and is removed from answers", "[nfc][isodep]") {
    ScriptedCard card;
    card.answers = {hexBytes("0A019000")};
    IsoDepLink link(card.exchange(), 256, 0, std::uint8_t{1});
    auto response = link.transceive(hexBytes("00A4000C023F00"));
    REQUIRE(response);
    CHECK(toHex(*response) == toHex(hexBytes("9000")));
    CHECK(toHex(card.sent[0]) == toHex(hexBytes("0A0100A4000C023F00")));
}

TEST_CASE("ISO-DEP: answers out of step are a card error, not data", "[nfc][isodep]") {
    ScriptedCard card;
    SECTION("wrong block number") {
        card.answers = {withPcb(0x03, hexBytes("9000"))};
    }
    SECTION("R(ACK) where an I-block belongs") {
        card.answers = {withPcb(0xA2)};
    }
    SECTION("empty block") {
        card.answers = {Bytes{}};
    }
    SECTION("malformed S(WTX)") {
        card.answers = {hexBytes("F2")};
    }
    IsoDepLink link(card.exchange(), 256);
    auto response = link.transceive(hexBytes("00A4000C023F00"));
    REQUIRE_FALSE(response);
    CHECK(response.error().code == ErrorCode::CardError);
}

TEST_CASE("ISO-DEP: the frame size index follows ISO 14443-4", "[nfc][isodep]") {
    CHECK(IsoDepLink::frameSizeFromIndex(0) == 16);
    CHECK(IsoDepLink::frameSizeFromIndex(5) == 64);
    CHECK(IsoDepLink::frameSizeFromIndex(8) == 256);
    CHECK(IsoDepLink::frameSizeFromIndex(12) == 256);  // RFU values: the largest defined
}
