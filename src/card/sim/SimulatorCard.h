#pragma once

#include <memory>

#include "card/Card.h"
#include "card/sim/SimulatorBackend.h"

namespace oa {

// A connection to the card in the simulator's reader. Once that card is removed (or replaced),
// every transmit fails with CardRemoved, as with a real reader.
class SimulatorCard : public Card {
public:
    SimulatorCard(std::shared_ptr<SimulatorBackend::Slot> slot, std::uint64_t insertion, Bytes atr);

    Result<ResponseApdu> transmit(const CommandApdu& command) override;
    const Bytes& atr() const override { return atr_; }
    std::string readerName() const override { return SimulatorBackend::kReaderName; }

private:
    std::shared_ptr<SimulatorBackend::Slot> slot_;
    std::uint64_t insertion_;
    Bytes atr_;
};

}  // namespace oa
