#include "sim/Pn532Frame.h"

#include <algorithm>

namespace oa::sim::pn532 {
namespace {

std::uint8_t checksumOf(ByteView bytes) {
    std::uint8_t sum = 0;
    for (auto b : bytes)
        sum = static_cast<std::uint8_t>(sum + b);
    return static_cast<std::uint8_t>(0x100 - sum);
}

}  // namespace

Bytes encodeFrame(std::uint8_t tfi, ByteView payload) {
    Bytes body{tfi};
    append(body, payload);
    Bytes frame{0x00, 0x00, 0xFF};
    const auto length = body.size();
    if (length <= 0xFF - 1) {
        frame.push_back(static_cast<std::uint8_t>(length));
        frame.push_back(static_cast<std::uint8_t>(0x100 - length));
    } else {
        const std::uint8_t high = static_cast<std::uint8_t>(length >> 8);
        const std::uint8_t low = static_cast<std::uint8_t>(length);
        frame.insert(frame.end(), {0xFF, 0xFF, high, low, checksumOf(Bytes{high, low})});
    }
    append(frame, body);
    frame.push_back(checksumOf(body));
    frame.push_back(0x00);
    return frame;
}

Bytes ackFrame() {
    return {0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00};
}

Bytes errorFrame() {
    return {0x00, 0x00, 0xFF, 0x01, 0xFF, 0x7F, 0x81, 0x00};
}

void FrameReader::feed(ByteView bytes) {
    append(buffer_, bytes);
}

std::optional<IncomingFrame> FrameReader::next() {
    // Start code 00 FF; the preamble, postamble and wake-up bytes before it are dropped.
    static const std::uint8_t startCode[] = {0x00, 0xFF};
    const auto start =
        std::search(buffer_.begin(), buffer_.end(), std::begin(startCode), std::end(startCode));
    if (start == buffer_.end()) {
        // A trailing 00 may be the first half of a start code still on its way.
        const bool keepLast = !buffer_.empty() && buffer_.back() == 0x00;
        buffer_.erase(buffer_.begin(), buffer_.end() - (keepLast ? 1 : 0));
        return std::nullopt;
    }
    buffer_.erase(buffer_.begin(), start);
    if (buffer_.size() < 4) return std::nullopt;
    const std::uint8_t len = buffer_[2];
    const std::uint8_t lcs = buffer_[3];
    if (len == 0x00 && lcs == 0xFF) {
        buffer_.erase(buffer_.begin(), buffer_.begin() + 4);
        return IncomingFrame{IncomingFrame::Kind::Ack, {}};
    }
    if (len == 0xFF && lcs == 0x00) {
        buffer_.erase(buffer_.begin(), buffer_.begin() + 4);
        return IncomingFrame{IncomingFrame::Kind::Nack, {}};
    }
    std::size_t headerSize = 4;
    std::size_t length = len;
    if (len == 0xFF && lcs == 0xFF) {
        if (buffer_.size() < 7) return std::nullopt;
        length = (std::size_t{buffer_[4]} << 8) | buffer_[5];
        headerSize = 7;
        if (checksumOf(Bytes{buffer_[4], buffer_[5]}) != buffer_[6] || length == 0 ||
            length > kExtendedFrameMax) {
            buffer_.erase(buffer_.begin(), buffer_.begin() + 2);
            return IncomingFrame{};
        }
    } else if (static_cast<std::uint8_t>(len + lcs) != 0 || len == 0) {
        buffer_.erase(buffer_.begin(), buffer_.begin() + 2);
        return IncomingFrame{};
    }
    if (buffer_.size() < headerSize + length + 1) return std::nullopt;
    Bytes body(buffer_.begin() + headerSize, buffer_.begin() + headerSize + length);
    const std::uint8_t dcs = buffer_[headerSize + length];
    buffer_.erase(buffer_.begin(), buffer_.begin() + headerSize + length + 1);
    if (checksumOf(body) != dcs) return IncomingFrame{};
    return IncomingFrame{IncomingFrame::Kind::Information, std::move(body)};
}

}  // namespace oa::sim::pn532
