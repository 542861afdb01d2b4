#include "card/CommandApdu.h"

#include <algorithm>
#include <array>

namespace oa {
namespace {

Error malformed(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "Malformed card command", std::move(detail));
}

std::size_t shortLe(std::uint8_t byte) {
    return byte == 0 ? 256 : byte;
}
std::size_t extendedLe(std::uint8_t high, std::uint8_t low) {
    const std::size_t le = std::size_t{high} << 8 | low;
    return le == 0 ? 65536 : le;
}

// An Lc or Le field: at most three bytes (extended form).
struct LengthField {
    std::array<std::uint8_t, 3> bytes{};
    std::size_t size = 0;
    LengthField& push(std::uint8_t byte) {
        bytes.at(size++) = byte;
        return *this;
    }
};

}  // namespace

CommandApdu::CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
                         Bytes data, std::size_t le)
    : cla_(cla), ins_(ins), p1_(p1), p2_(p2), data_(std::move(data)), le_(le) {}

int CommandApdu::isoCase() const {
    if (data_.empty()) return le_ == kNoLe ? 1 : 2;
    return le_ == kNoLe ? 3 : 4;
}

CommandApdu& CommandApdu::forceExtended(bool on) {
    extended_ = on;
    return *this;
}

std::vector<CommandApdu> CommandApdu::chainedParts(std::size_t maxPartSize) const {
    if (maxPartSize == 0 || data_.size() <= maxPartSize) return {*this};
    std::vector<CommandApdu> parts;
    for (std::size_t offset = 0; offset < data_.size(); offset += maxPartSize) {
        const std::size_t size = std::min(maxPartSize, data_.size() - offset);
        Bytes part(data_.begin() + static_cast<std::ptrdiff_t>(offset),
                   data_.begin() + static_cast<std::ptrdiff_t>(offset + size));
        if (offset + size < data_.size()) {
            parts.emplace_back(static_cast<std::uint8_t>(cla_ | kChainingBit), ins_, p1_, p2_,
                               std::move(part));
        } else {
            parts.emplace_back(cla_, ins_, p1_, p2_, std::move(part), le_);
        }
    }
    return parts;
}

Bytes CommandApdu::encode() const {
    const bool extended = isExtended();
    LengthField lc;
    if (!data_.empty()) {
        if (extended) lc.push(0x00).push(static_cast<std::uint8_t>(data_.size() >> 8));
        lc.push(static_cast<std::uint8_t>(data_.size()));
    }
    LengthField le;
    if (le_ != kNoLe) {
        const std::size_t wire = le_ == (extended ? kExtendedMaxLe : kShortMaxLe) ? 0 : le_;
        if (extended) {
            // Case 2E carries its own leading zero; in case 4E the Lc field already did.
            if (data_.empty()) le.push(0x00);
            le.push(static_cast<std::uint8_t>(wire >> 8));
        }
        le.push(static_cast<std::uint8_t>(wire));
    }
    // Sized once and filled by copies: no growth path for GCC 12's -Warray-bounds to misjudge.
    const std::array<std::uint8_t, 4> head{cla_, ins_, p1_, p2_};
    Bytes out(head.size() + lc.size + data_.size() + le.size);
    auto at = std::copy(head.begin(), head.end(), out.begin());
    at = std::copy_n(lc.bytes.begin(), lc.size, at);
    at = std::copy(data_.begin(), data_.end(), at);
    std::copy_n(le.bytes.begin(), le.size, at);
    return out;
}

Result<CommandApdu> CommandApdu::parse(ByteView in) {
    if (in.size() < 4) return malformed("APDU shorter than its header");
    CommandApdu apdu(in[0], in[1], in[2], in[3]);
    const ByteView body = in.subspan(4);
    if (body.empty()) return apdu;  // case 1
    if (body.size() == 1) {         // case 2S
        apdu.le_ = shortLe(body[0]);
        return apdu;
    }
    if (body[0] != 0x00) {  // short Lc
        const std::size_t lc = body[0];
        if (body.size() == 1 + lc) {  // case 3S
            apdu.data_.assign(body.begin() + 1, body.end());
            return apdu;
        }
        if (body.size() == 2 + lc) {  // case 4S
            apdu.data_.assign(body.begin() + 1, body.end() - 1);
            apdu.le_ = shortLe(body.back());
            return apdu;
        }
        return malformed("APDU length fields do not match its size");
    }
    // body[0] == 0 and more than one byte: extended form.
    apdu.extended_ = true;
    if (body.size() == 3) {  // case 2E
        apdu.le_ = extendedLe(body[1], body[2]);
        return apdu;
    }
    if (body.size() < 3) return malformed("APDU extended length truncated");
    const std::size_t lc = std::size_t{body[1]} << 8 | body[2];
    if (lc == 0) return malformed("APDU extended Lc of zero");
    if (body.size() == 3 + lc) {  // case 3E
        apdu.data_.assign(body.begin() + 3, body.end());
        return apdu;
    }
    if (body.size() == 5 + lc) {  // case 4E
        apdu.data_.assign(body.begin() + 3, body.end() - 2);
        apdu.le_ = extendedLe(body[body.size() - 2], body.back());
        return apdu;
    }
    return malformed("APDU extended length fields do not match its size");
}

}  // namespace oa
