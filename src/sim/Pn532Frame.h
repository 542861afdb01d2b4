#pragma once

#include <cstdint>
#include <optional>

#include "base/Bytes.h"

namespace oa::sim::pn532 {

// The PN532 host-interface frames (UM0701-02 §6.2): normal frames carry up to 254 bytes after the
// start code, extended frames up to 264; TFI D4 is host to chip, D5 chip to host.
constexpr std::uint8_t kHostToChip = 0xD4;
constexpr std::uint8_t kChipToHost = 0xD5;
constexpr std::size_t kExtendedFrameMax = 264;

// A frame for TFI + payload, extended when it does not fit a normal one.
Bytes encodeFrame(std::uint8_t tfi, ByteView payload);
Bytes ackFrame();
// The chip's answer to a command it cannot parse.
Bytes errorFrame();

struct IncomingFrame {
    enum class Kind { Information, Ack, Nack, Broken };
    Kind kind = Kind::Broken;
    Bytes body;  // TFI and payload of an information frame
};

// Cuts the byte stream from the host into frames, skipping wake-up bytes and anything before a
// start code; a frame with a bad length or data checksum comes out as Broken.
class FrameReader {
public:
    void feed(ByteView bytes);
    std::optional<IncomingFrame> next();

private:
    Bytes buffer_;
};

}  // namespace oa::sim::pn532
