#include "card/nfc/IsoDepLink.h"

#include <algorithm>

namespace oa::nfc {
namespace {

constexpr std::uint8_t kIBlock = 0x02;
constexpr std::uint8_t kChaining = 0x10;
constexpr std::uint8_t kRAck = 0xA2;
constexpr std::uint8_t kSWtx = 0xF2;
constexpr std::uint8_t kCidFollowing = 0x08;
constexpr std::size_t kPcbAndCrc = 3;
// The PN53x carries 262 bytes per InCommunicateThru; blocks stay below whichever is smaller.
constexpr std::size_t kChipFrameMax = 262;
constexpr int kMaxBlocks = 1024;
// The longest response APDU: 65536 data bytes and the status word (ISO/IEC 7816-4 extended Le).
constexpr std::size_t kMaxResponse = 65536 + 2;

bool isIBlock(std::uint8_t pcb) {
    return (pcb & 0xE2) == 0x02;
}
bool isRAck(std::uint8_t pcb) {
    return (pcb & 0xF6) == 0xA2;
}
bool isWtx(std::uint8_t pcb) {
    return (pcb & 0xF7) == 0xF2;
}

Error protocolError(const std::string& detail) {
    return makeError(ErrorCode::CardError, "The ID card sent an invalid answer",
                     "ISO 14443-4: " + detail);
}

}  // namespace

std::size_t IsoDepLink::frameSizeFromIndex(std::uint8_t index) {
    static constexpr std::size_t sizes[] = {16, 24, 32, 40, 48, 64, 96, 128, 256};
    return index < 9 ? sizes[index] : 256;
}

IsoDepLink::IsoDepLink(BlockExchange exchange, std::size_t cardFrameSize, std::uint8_t blockNumber,
                       std::optional<std::uint8_t> cid)
    : exchange_(std::move(exchange)),
      chunkSize_(std::min(cardFrameSize, kChipFrameMax) - kPcbAndCrc - (cid ? 1 : 0)),
      blockNumber_(blockNumber & 0x01),
      cid_(cid) {}

// Blocks are handled here without CID: it is added on the way out and removed on the way in. A
// card asking for more time (S(WTX)) gets the same S(WTX) back; its answer follows.
Result<Bytes> IsoDepLink::exchangeBlock(ByteView block) {
    auto send = [this](ByteView plain) -> Result<Bytes> {
        Bytes wire(plain.begin(), plain.end());
        if (cid_) {
            wire[0] |= kCidFollowing;
            wire.insert(wire.begin() + 1, *cid_);
        }
        auto answer = exchange_(wire);
        if (answer && answer->size() >= 2 && ((*answer)[0] & kCidFollowing)) {
            (*answer)[0] &= static_cast<std::uint8_t>(~kCidFollowing);
            answer->erase(answer->begin() + 1);
        }
        return answer;
    };
    auto answer = send(block);
    for (int round = 0; answer && !answer->empty() && isWtx((*answer)[0]); ++round) {
        if (round == kMaxBlocks || answer->size() != 2) return protocolError("bad S(WTX)");
        answer = send(Bytes{kSWtx, static_cast<std::uint8_t>((*answer)[1] & 0x3F)});
    }
    if (answer && answer->empty()) return protocolError("empty block");
    return answer;
}

Result<Bytes> IsoDepLink::transceive(ByteView apdu) {
    std::size_t offset = 0;
    for (;;) {
        const std::size_t size = std::min(chunkSize_, apdu.size() - offset);
        const bool last = offset + size == apdu.size();
        Bytes block{static_cast<std::uint8_t>(kIBlock | blockNumber_ | (last ? 0 : kChaining))};
        block.insert(block.end(), apdu.begin() + offset, apdu.begin() + offset + size);
        auto answer = exchangeBlock(block);
        if (!answer) return answer;
        offset += size;
        if (last) return collectResponse(std::move(*answer));
        if (!isRAck((*answer)[0]) || ((*answer)[0] & 0x01) != blockNumber_)
            return protocolError("chained block not acknowledged");
        blockNumber_ ^= 1;
    }
}

Result<Bytes> IsoDepLink::collectResponse(Bytes block) {
    Bytes response;
    for (int round = 0;; ++round) {
        if (round == kMaxBlocks) return protocolError("endless chained answer");
        const std::uint8_t pcb = block[0];
        if (!isIBlock(pcb) || (pcb & 0x01) != blockNumber_)
            return protocolError("expected an I-block, got PCB " + toHex(Bytes{pcb}));
        // NAD is never announced by this reader and the CID is gone, so INF starts at byte 1.
        response.insert(response.end(), block.begin() + 1, block.end());
        if (response.size() > kMaxResponse)
            return protocolError("chained answer longer than any response APDU");
        blockNumber_ ^= 1;
        if ((pcb & kChaining) == 0) return response;
        auto next = exchangeBlock(Bytes{static_cast<std::uint8_t>(kRAck | blockNumber_)});
        if (!next) return next;
        block = std::move(*next);
    }
}

}  // namespace oa::nfc
