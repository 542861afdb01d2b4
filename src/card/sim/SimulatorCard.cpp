#include "card/sim/SimulatorCard.h"

#include "sim/card/VirtualCard.h"

namespace oa {

SimulatorCard::SimulatorCard(std::shared_ptr<SimulatorBackend::Slot> slot, std::uint64_t insertion,
                             Bytes atr)
    : slot_(std::move(slot)), insertion_(insertion), atr_(std::move(atr)) {}

Result<ResponseApdu> SimulatorCard::transmit(const CommandApdu& command) {
    std::shared_ptr<VirtualCard> card;
    {
        std::lock_guard lock(slot_->mutex);
        if (slot_->insertion == insertion_) card = slot_->card;
    }
    if (!card) {
        return makeError(ErrorCode::CardRemoved, "The ID card was removed",
                         "simulator card removed or replaced");
    }
    auto response = ResponseApdu::parse(card->process(command.encode()));
    if (!response) {
        return makeError(ErrorCode::CardError, "The ID card sent an invalid answer",
                         response.error().detail);
    }
    return response;
}

}  // namespace oa
