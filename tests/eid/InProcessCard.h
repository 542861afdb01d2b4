#pragma once
// A virtual eID card in the in-process "Simulator" reader, connected, for the eID tests.
#include <catch2/catch.hpp>

#include <memory>

#include "card/sim/SimulatorBackend.h"
#include "sim/card/CardProfile.h"
#include "sim/card/VirtualCard.h"

namespace oa::test {

struct InProcessCard {
    explicit InProcessCard(sim::CardProfile profile = sim::defaultProfile())
        : virtualCard(std::make_shared<VirtualCard>(std::move(profile))), backend(virtualCard) {
        auto connected = backend.connect(SimulatorBackend::kReaderName);
        REQUIRE(connected);
        card = std::move(*connected);
    }

    static sim::CardProfile profile(const std::string& name) {
        auto found = sim::builtInProfile(name);
        REQUIRE(found);
        return std::move(*found);
    }

    std::shared_ptr<VirtualCard> virtualCard;
    SimulatorBackend backend;
    std::unique_ptr<Card> card;
};

// Passes APDUs on, and pulls the card out of the reader before the `removeBefore`-th one.
class RemovingCard : public Card {
public:
    RemovingCard(Card& inner, SimulatorBackend& backend, int removeBefore)
        : inner_(inner), backend_(backend), left_(removeBefore) {}
    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        if (--left_ == 0) backend_.removeCard();
        ++sent_;
        return inner_.transmit(command);
    }
    const Bytes& atr() const override { return inner_.atr(); }
    std::string readerName() const override { return inner_.readerName(); }
    int sent() const { return sent_; }

private:
    Card& inner_;
    SimulatorBackend& backend_;
    int left_;
    int sent_ = 0;
};

inline SecureBytes secret(const char* digits) {
    return SecureBytes::fromAscii(digits);
}

}  // namespace oa::test
