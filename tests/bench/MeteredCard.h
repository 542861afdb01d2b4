#pragma once

#include <memory>
#include <string>
#include <vector>

#include "card/Card.h"
#include "sim/card/VirtualCard.h"

namespace oa::bench {

// The in-process virtual card as a Card, metered: how many APDUs went through and how much CPU
// time the card itself spent answering them (to subtract from the client's).
class MeteredCard : public Card {
public:
    explicit MeteredCard(std::shared_ptr<VirtualCard> card);

    Result<ResponseApdu> transmit(const CommandApdu& command) override;
    const Bytes& atr() const override { return card_->atr(); }
    std::string readerName() const override { return "in-process virtual card"; }

    // The raw path, for OpenPACE's terminal (it builds its own APDUs).
    Bytes process(ByteView command);

    VirtualCard& card() { return *card_; }
    int apdus() const { return apdus_; }
    long long cardCpuNanoseconds() const { return cardCpu_; }
    // CLA INS P1 P2 of every command so far, in hex (the header stays readable under SM).
    const std::vector<std::string>& headers() const { return headers_; }

private:
    std::shared_ptr<VirtualCard> card_;
    int apdus_ = 0;
    long long cardCpu_ = 0;
    std::vector<std::string> headers_;
};

}  // namespace oa::bench
