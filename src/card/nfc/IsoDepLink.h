#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa::nfc {

// The ISO/IEC 14443-4 half-duplex block protocol on the reader's side: I-blocks with block
// chaining, R(ACK) to collect a chained answer, S(WTX) answered with the same multiplier. Doing it
// here (instead of in the PN53x's InDataExchange) lifts the 262-byte limit of one PN53x exchange:
// an extended-length APDU travels as several chained blocks.
class IsoDepLink {
public:
    // Sends one raw block (PCB + INF; the chip adds and checks the CRC) and returns the card's.
    using BlockExchange = std::function<Result<Bytes>(ByteView block)>;

    // `cardFrameSize`: FSC from the ATS (Type A) or ATQB (Type B), CRC included.
    // `blockNumber`: where the previous exchange with this card left off (0 after activation);
    // `cid`: the card identifier to put in every block, for cards that were given one.
    IsoDepLink(BlockExchange exchange, std::size_t cardFrameSize, std::uint8_t blockNumber = 0,
               std::optional<std::uint8_t> cid = std::nullopt);

    Result<Bytes> transceive(ByteView apdu);
    std::uint8_t blockNumber() const { return blockNumber_; }

    // FSCI (ATS T0 b4..b1, ATQB Max_Frame_Size) to FSC in bytes.
    static std::size_t frameSizeFromIndex(std::uint8_t index);

private:
    Result<Bytes> exchangeBlock(ByteView block);
    Result<Bytes> collectResponse(Bytes block);

    BlockExchange exchange_;
    std::size_t chunkSize_;
    std::uint8_t blockNumber_ = 0;
    std::optional<std::uint8_t> cid_;
};

}  // namespace oa::nfc
