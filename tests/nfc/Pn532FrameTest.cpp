// The PN532 frame reader of the simulated chip: wake-up bytes, ACK, normal and extended frames,
// broken checksums.
#include <catch2/catch.hpp>

#include "sim/Pn532Frame.h"

using namespace oa;
using namespace oa::sim::pn532;

TEST_CASE("PN532 frames: a command after the wake-up preamble is found", "[nfc][pn532]") {
    FrameReader reader;
    reader.feed(hexBytes("5555000000000000000000000000000000"));
    reader.feed(hexBytes("0000FF05FBD4140114010200"));
    auto frame = reader.next();
    REQUIRE(frame);
    CHECK(frame->kind == IncomingFrame::Kind::Information);
    CHECK(toHex(frame->body) == toHex(hexBytes("D414011401")));
    CHECK_FALSE(reader.next());
}

TEST_CASE("PN532 frames: encoded frames read back, normal and extended", "[nfc][pn532]") {
    for (std::size_t size : {1u, 200u, 253u, 254u, 263u}) {
        INFO("payload " << size);
        const Bytes payload(size, 0x42);
        FrameReader reader;
        const Bytes frame = encodeFrame(kHostToChip, payload);
        CHECK((frame[3] == 0xFF) == (size + 1 > 254));
        // Byte by byte, as a serial line may deliver it.
        for (auto byte : frame)
            reader.feed(Bytes{byte});
        auto read = reader.next();
        REQUIRE(read);
        REQUIRE(read->kind == IncomingFrame::Kind::Information);
        CHECK(read->body.size() == size + 1);
    }
}

TEST_CASE("PN532 frames: longer than the chip's 264-byte frame is broken", "[nfc][pn532]") {
    FrameReader reader;
    reader.feed(encodeFrame(kHostToChip, Bytes(300, 0x42)));
    auto read = reader.next();
    REQUIRE(read);
    CHECK(read->kind == IncomingFrame::Kind::Broken);
}

TEST_CASE("PN532 frames: ACK and NACK are told apart from commands", "[nfc][pn532]") {
    FrameReader reader;
    reader.feed(ackFrame());
    reader.feed(hexBytes("0000FFFF0000"));
    auto ack = reader.next();
    auto nack = reader.next();
    REQUIRE(ack);
    REQUIRE(nack);
    CHECK(ack->kind == IncomingFrame::Kind::Ack);
    CHECK(nack->kind == IncomingFrame::Kind::Nack);
}

TEST_CASE("PN532 frames: a wrong checksum gives a broken frame, then reading goes on",
          "[nfc][pn532]") {
    FrameReader reader;
    reader.feed(hexBytes("0000FF05FBD4140114FF00"));  // data checksum wrong
    reader.feed(hexBytes("0000FF05FAD41401140100"));  // length checksum wrong
    reader.feed(encodeFrame(kHostToChip, hexBytes("02")));
    auto first = reader.next();
    REQUIRE(first);
    CHECK(first->kind == IncomingFrame::Kind::Broken);
    std::optional<IncomingFrame> good;
    for (int i = 0; i < 5 && !good; ++i) {
        auto next = reader.next();
        REQUIRE(next);
        if (next->kind == IncomingFrame::Kind::Information) good = next;
    }
    REQUIRE(good);
    CHECK(toHex(good->body) == toHex(hexBytes("D402")));
}
