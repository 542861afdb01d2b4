#pragma once
// Fault injection for the fault matrix: a reader backend around the in-process Simulator whose
// connections misbehave at one chosen APDU, the way real readers and cards do.
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "card/ReaderBackend.h"
#include "card/sim/SimulatorBackend.h"
#include "sim/card/VirtualCard.h"

namespace oa::test {

enum class Fault {
    CardRemoved,      // the card leaves the reader before the APDU
    ReaderUnplugged,  // the reader leaves the system before the APDU
    CardSilent,       // the card stops answering: the reader gives up with a timeout
    SlowCard,         // the card takes long for this APDU (seconds; the answer is right)
    RandomBytes,      // the card's answer is replaced by random bytes
    WrongStatusWord,  // the card answers 6F00 without data
    Truncated,        // the answer loses its second half
    Oversize,         // the answer carries 300 bytes too many
    ShortApdusOnly,   // the reader refuses extended APDUs (from the first APDU)
};

inline const char* toString(Fault fault) {
    switch (fault) {
        case Fault::CardRemoved:
            return "card removed";
        case Fault::ReaderUnplugged:
            return "reader unplugged";
        case Fault::CardSilent:
            return "card stops answering";
        case Fault::SlowCard:
            return "slow card";
        case Fault::RandomBytes:
            return "random bytes";
        case Fault::WrongStatusWord:
            return "wrong status word";
        case Fault::Truncated:
            return "truncated answer";
        case Fault::Oversize:
            return "oversize answer";
        case Fault::ShortApdusOnly:
            return "short APDUs only";
    }
    return "?";
}

// Which fault, at which APDU (1-based, counted over every connection), and what happened.
struct FaultPlan {
    Fault fault = Fault::CardRemoved;
    int atApdu = 0;  // 0: no fault
    std::chrono::milliseconds slowDelay{0};
    std::string currentStep;  // set by the test from the workflow's progress

    std::mutex mutex;
    int sent = 0;
    bool fired = false;
    std::string firedStep;
    std::string firedCommand;
    bool unplugged = false;
    int extendedRefused = 0;
};

class FaultyCard : public Card {
public:
    FaultyCard(std::unique_ptr<Card> inner, SimulatorBackend& backend,
               std::shared_ptr<FaultPlan> plan)
        : inner_(std::move(inner)), backend_(backend), plan_(std::move(plan)) {}

    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        int index = 0;
        bool fire = false;
        {
            std::lock_guard lock(plan_->mutex);
            if (plan_->unplugged) return unpluggedError();
            index = ++plan_->sent;
            fire = plan_->atApdu != 0 && index == plan_->atApdu;
            if (fire) {
                plan_->fired = true;
                plan_->firedStep = plan_->currentStep;
                plan_->firedCommand = toHex(command.header());
            }
        }
        if (plan_->fault == Fault::ShortApdusOnly && plan_->atApdu != 0 &&
            (command.isExtended() || command.encode().size() > 261)) {
            std::lock_guard lock(plan_->mutex);
            ++plan_->extendedRefused;
            return makeError(ErrorCode::CardError, "The card reader cannot send this command",
                             "extended APDU on a short-only reader: " + toHex(command.header()));
        }
        if (fire && plan_->fault == Fault::SlowCard) std::this_thread::sleep_for(plan_->slowDelay);
        if (!fire) return inner_->transmit(command);
        switch (plan_->fault) {
            case Fault::CardRemoved:
                backend_.removeCard();
                return inner_->transmit(command);
            case Fault::ReaderUnplugged: {
                std::lock_guard lock(plan_->mutex);
                plan_->unplugged = true;
                return unpluggedError();
            }
            case Fault::CardSilent:
                // The command reached the card, whose answer never comes back.
                (void)inner_->transmit(command);
                return makeError(ErrorCode::Timeout, "The ID card does not answer",
                                 "reader timeout waiting for the card");
            case Fault::SlowCard:
            case Fault::ShortApdusOnly:
                return inner_->transmit(command);
            default:
                break;
        }
        auto response = inner_->transmit(command);
        if (!response) return response;
        return corrupt(*response, index);
    }
    const Bytes& atr() const override { return inner_->atr(); }
    std::string readerName() const override { return inner_->readerName(); }
    bool supportsExtendedLength() const override {
        return !(plan_->fault == Fault::ShortApdusOnly && plan_->atApdu != 0);
    }

private:
    static Error unpluggedError() {
        return makeError(ErrorCode::NoReader, "The card reader was disconnected",
                         "reader unplugged (fault injection)");
    }

    // What a backend makes of the bytes a misbehaving card sends: parsed strictly as a response.
    Result<ResponseApdu> corrupt(const ResponseApdu& response, int index) {
        Bytes raw = response.encode();
        std::mt19937 random(static_cast<unsigned>(index));
        switch (plan_->fault) {
            case Fault::RandomBytes: {
                raw.resize(1 + random() % 40);
                for (auto& byte : raw)
                    byte = static_cast<std::uint8_t>(random());
                break;
            }
            case Fault::WrongStatusWord:
                raw = {0x6F, 0x00};
                break;
            case Fault::Truncated:
                raw.resize(raw.size() / 2);
                break;
            case Fault::Oversize: {
                Bytes extra(300);
                for (auto& byte : extra)
                    byte = static_cast<std::uint8_t>(random());
                raw.insert(raw.end() - 2, extra.begin(), extra.end());
                break;
            }
            default:
                break;
        }
        auto parsed = ResponseApdu::parse(raw);
        if (!parsed)
            return makeError(ErrorCode::CardError, "The ID card sent an invalid answer",
                             parsed.error().detail);
        return parsed;
    }

    std::unique_ptr<Card> inner_;
    SimulatorBackend& backend_;
    std::shared_ptr<FaultPlan> plan_;
};

// The Simulator reader, with every connection wrapped in a FaultyCard sharing one plan.
class FaultyBackend : public ReaderBackend {
public:
    FaultyBackend() : card_(std::make_shared<VirtualCard>()), inner_(card_) {}

    std::shared_ptr<FaultPlan> arm(Fault fault, int atApdu,
                                   std::chrono::milliseconds slowDelay = {}) {
        plan_ = std::make_shared<FaultPlan>();
        plan_->fault = fault;
        plan_->atApdu = atApdu;
        plan_->slowDelay = slowDelay;
        return plan_;
    }
    // The user puts the card back and plugs the reader in again; no fault from now on.
    std::shared_ptr<FaultPlan> repair() {
        if (!inner_.card()) inner_.insertCard(card_);
        return arm(Fault::CardRemoved, 0);
    }
    const std::shared_ptr<FaultPlan>& plan() const { return plan_; }
    VirtualCard& virtualCard() { return *card_; }
    SimulatorBackend& simulator() { return inner_; }

    std::string name() const override { return inner_.name(); }
    Result<std::vector<ReaderInfo>> readers() override {
        {
            std::lock_guard lock(plan_->mutex);
            if (plan_->unplugged) return std::vector<ReaderInfo>{};
        }
        return inner_.readers();
    }
    Result<std::unique_ptr<Card>> connect(const std::string& reader) override {
        auto connected = inner_.connect(reader);
        if (!connected) return connected.error();
        return std::unique_ptr<Card>(
            std::make_unique<FaultyCard>(std::move(*connected), inner_, plan_));
    }
    Result<void> waitForChange(std::chrono::milliseconds timeout) override {
        return inner_.waitForChange(timeout);
    }
    void cancelWait() override { inner_.cancelWait(); }

private:
    std::shared_ptr<VirtualCard> card_;
    SimulatorBackend inner_;
    std::shared_ptr<FaultPlan> plan_ = std::make_shared<FaultPlan>();
};

}  // namespace oa::test
