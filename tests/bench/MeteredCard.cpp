#include "MeteredCard.h"

#include <algorithm>

#include "CpuClock.h"

namespace oa::bench {

MeteredCard::MeteredCard(std::shared_ptr<VirtualCard> card) : card_(std::move(card)) {}

Bytes MeteredCard::process(ByteView command) {
    ++apdus_;
    headers_.push_back(toHex(command.first(std::min<std::size_t>(4, command.size()))));
    CpuStopwatch stopwatch(cardCpu_);
    return card_->process(command);
}

Result<ResponseApdu> MeteredCard::transmit(const CommandApdu& command) {
    return ResponseApdu::parse(process(command.encode()));
}

}  // namespace oa::bench
