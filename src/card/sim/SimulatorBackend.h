#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>

#include "card/ReaderBackend.h"

namespace oa {

class VirtualCard;

// An in-process reader named "Simulator" holding a VirtualCard that tests and the demo mode insert
// and remove by API. Thread-safe; waitForChange() wakes on insertCard()/removeCard().
class SimulatorBackend : public ReaderBackend {
public:
    static constexpr const char* kReaderName = "Simulator";
    static constexpr const char* kBackendName = "simulator";

    // Starts with the default test card inserted.
    SimulatorBackend();
    // Starts with this card, or with an empty reader for nullptr.
    explicit SimulatorBackend(std::shared_ptr<VirtualCard> card);
    ~SimulatorBackend() override;

    void insertCard(std::shared_ptr<VirtualCard> card);
    void removeCard();
    std::shared_ptr<VirtualCard> card() const;

    std::string name() const override { return kBackendName; }
    Result<std::vector<ReaderInfo>> readers() override;
    Result<std::unique_ptr<Card>> connect(const std::string& reader) override;
    Result<void> waitForChange(std::chrono::milliseconds timeout) override;
    void cancelWait() override;

    // Shared with the connected cards, which must notice a removal even after the backend is gone.
    struct Slot {
        std::mutex mutex;
        std::shared_ptr<VirtualCard> card;
        std::uint64_t insertion = 0;  // counts insertions, so a card knows it is still the same
    };

private:
    std::shared_ptr<Slot> slot_;
    std::mutex waitMutex_;
    std::condition_variable changed_;
    std::uint64_t changes_ = 0;
    std::uint64_t changesReported_ = 0;
    bool cancelled_ = false;
};

}  // namespace oa
