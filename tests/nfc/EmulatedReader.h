#pragma once
// The simulated PN532 with a virtual eID card, and an NfcBackend whose libnfc sees only it.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <memory>

#include "card/nfc/NfcBackend.h"
#include "sim/Pn532Emulator.h"
#include "sim/card/CardProfile.h"
#include "sim/card/VirtualCard.h"

namespace oa::test {

inline std::unique_ptr<sim::Pn532Emulator> startPn532(
    std::shared_ptr<VirtualCard> card,
    sim::Pn532Emulator::TargetType type = sim::Pn532Emulator::TargetType::IsoA) {
    auto started = sim::Pn532Emulator::start(std::move(card), type);
    REQUIRE(started);
    // Read by nfc_init(): the one device, and no probing of USB or other ports.
    const std::string device = "pn532_uart:" + (*started)->devicePath();
    setenv("LIBNFC_DEVICE", device.c_str(), 1);
    setenv("LIBNFC_AUTO_SCAN", "false", 1);
    setenv("LIBNFC_INTRUSIVE_SCAN", "false", 1);
    return std::move(*started);
}

struct EmulatedReader {
    explicit EmulatedReader(
        std::shared_ptr<VirtualCard> inserted = std::make_shared<VirtualCard>(),
        sim::Pn532Emulator::TargetType type = sim::Pn532Emulator::TargetType::IsoA,
        std::chrono::milliseconds pollInterval = std::chrono::milliseconds(100))
        : card(std::move(inserted)),
          emulator(startPn532(card, type)),
          backend(std::make_unique<NfcBackend>(pollInterval)) {}

    ReaderInfo onlyReader() {
        auto listed = backend->readers();
        REQUIRE(listed);
        REQUIRE(listed->size() == 1);
        return listed->front();
    }

    std::unique_ptr<Card> connect() {
        auto connected = backend->connect(onlyReader().name);
        INFO((connected ? std::string() : connected.error().detail));
        REQUIRE(connected);
        return std::move(*connected);
    }

    // Waits (bounded) until the reader shows `present`.
    bool waitForPresence(bool present) {
        for (int round = 0; round < 50; ++round) {
            if (onlyReader().cardPresent == present) return true;
            REQUIRE(backend->waitForChange(std::chrono::milliseconds(200)));
        }
        return onlyReader().cardPresent == present;
    }

    std::shared_ptr<VirtualCard> card;
    std::unique_ptr<sim::Pn532Emulator> emulator;
    std::unique_ptr<NfcBackend> backend;
};

}  // namespace oa::test
