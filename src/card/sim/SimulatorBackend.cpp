#include "card/sim/SimulatorBackend.h"

#include "card/sim/SimulatorCard.h"
#include "sim/card/VirtualCard.h"

namespace oa {

SimulatorBackend::SimulatorBackend() : SimulatorBackend(std::make_shared<VirtualCard>()) {}

SimulatorBackend::SimulatorBackend(std::shared_ptr<VirtualCard> card)
    : slot_(std::make_shared<Slot>()) {
    slot_->card = std::move(card);
    if (slot_->card) slot_->insertion = 1;
}

SimulatorBackend::~SimulatorBackend() {
    removeCard();
}

void SimulatorBackend::insertCard(std::shared_ptr<VirtualCard> card) {
    {
        std::lock_guard lock(slot_->mutex);
        slot_->card = std::move(card);
        ++slot_->insertion;
    }
    if (auto current = this->card()) current->reset();
    {
        std::lock_guard lock(waitMutex_);
        ++changes_;
    }
    changed_.notify_all();
}

void SimulatorBackend::removeCard() {
    {
        std::lock_guard lock(slot_->mutex);
        if (!slot_->card) return;
        slot_->card.reset();
        ++slot_->insertion;
    }
    {
        std::lock_guard lock(waitMutex_);
        ++changes_;
    }
    changed_.notify_all();
}

std::shared_ptr<VirtualCard> SimulatorBackend::card() const {
    std::lock_guard lock(slot_->mutex);
    return slot_->card;
}

Result<std::vector<ReaderInfo>> SimulatorBackend::readers() {
    // Remember which change this picture includes, so waitForChange() does not miss a later one.
    {
        std::lock_guard lock(waitMutex_);
        changesReported_ = changes_;
    }
    ReaderInfo reader{kReaderName, kBackendName, false, {}};
    if (const auto current = card()) {
        reader.cardPresent = true;
        reader.atr = current->atr();
    }
    return std::vector<ReaderInfo>{reader};
}

Result<std::unique_ptr<Card>> SimulatorBackend::connect(const std::string& reader) {
    if (reader != kReaderName) {
        return makeError(ErrorCode::NoReader, "The card reader is not available",
                         "simulator has no reader '" + reader + "'");
    }
    std::lock_guard lock(slot_->mutex);
    if (!slot_->card) {
        return makeError(ErrorCode::NoCard, "There is no ID card on the reader",
                         "simulator reader is empty");
    }
    return std::unique_ptr<Card>(
        std::make_unique<SimulatorCard>(slot_, slot_->insertion, slot_->card->atr()));
}

Result<void> SimulatorBackend::waitForChange(std::chrono::milliseconds timeout) {
    std::unique_lock lock(waitMutex_);
    changed_.wait_for(lock, timeout, [this] { return cancelled_ || changes_ != changesReported_; });
    cancelled_ = false;
    return {};
}

void SimulatorBackend::cancelWait() {
    {
        std::lock_guard lock(waitMutex_);
        cancelled_ = true;
    }
    changed_.notify_all();
}

}  // namespace oa
