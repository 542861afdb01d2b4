#pragma once

#include <cstdint>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa {

// An ISO/IEC 7816-4 command APDU. Short or extended form is chosen on encoding from the
// sizes of data and Le, unless extended form is forced.
class CommandApdu {
public:
    static constexpr std::size_t kNoLe = 0;
    static constexpr std::size_t kShortMaxLe = 256;
    static constexpr std::size_t kExtendedMaxLe = 65536;
    static constexpr std::uint8_t kChainingBit = 0x10;

    CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
                Bytes data = {}, std::size_t le = kNoLe);

    // Parses any of the seven ISO encodings (cases 1, 2S, 2E, 3S, 3E, 4S, 4E); rejects everything
    // else.
    static Result<CommandApdu> parse(ByteView encoded);

    std::uint8_t cla() const { return cla_; }
    std::uint8_t ins() const { return ins_; }
    std::uint8_t p1() const { return p1_; }
    std::uint8_t p2() const { return p2_; }
    const Bytes& data() const { return data_; }
    // Expected response length; 0 means no response data expected (case 1/3).
    std::size_t le() const { return le_; }
    int isoCase() const;
    bool isExtended() const { return extended_ || needsExtended(); }
    bool isChained() const { return (cla_ & kChainingBit) != 0; }

    // ISO/IEC 7816-4 command chaining: the data in parts of at most `maxPartSize` bytes (at least
    // one), every part but the last with the chaining bit and without Le, the last with Le. A
    // command whose data fits comes back as its only part.
    std::vector<CommandApdu> chainedParts(std::size_t maxPartSize) const;

    CommandApdu& forceExtended(bool on = true);
    Bytes encode() const;
    Bytes header() const { return {cla_, ins_, p1_, p2_}; }

private:
    bool needsExtended() const { return data_.size() > 255 || le_ > kShortMaxLe; }

    std::uint8_t cla_, ins_, p1_, p2_;
    Bytes data_;
    std::size_t le_;
    bool extended_ = false;
};

}  // namespace oa
