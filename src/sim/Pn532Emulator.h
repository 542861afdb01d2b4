#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/Result.h"
#include "sim/Pn532Frame.h"

namespace oa {
class VirtualCard;
}

namespace oa::sim {

// A PN532 on a pseudo-terminal, as libnfc's pn532_uart driver sees one: wake-up, ACK, the set-up
// commands, InListPassiveTarget presenting the inserted card as an ISO 14443-4 target, and
// InDataExchange relayed to the in-process VirtualCard. Point libnfc at devicePath() through
// LIBNFC_DEVICE=pn532_uart:PATH. Its own thread blocks in poll() and costs nothing while idle.
class Pn532Emulator {
public:
    enum class TargetType { IsoA, IsoB };

    // Opens the pseudo-terminal and starts answering; with a card inserted or empty (nullptr).
    static Result<std::unique_ptr<Pn532Emulator>> start(std::shared_ptr<VirtualCard> card,
                                                        TargetType type = TargetType::IsoA);
    ~Pn532Emulator();
    Pn532Emulator(const Pn532Emulator&) = delete;
    Pn532Emulator& operator=(const Pn532Emulator&) = delete;

    // The terminal libnfc opens (/dev/pts/N).
    const std::string& devicePath() const { return devicePath_; }

    void insertCard(std::shared_ptr<VirtualCard> card);
    void removeCard();
    // The device disappears as an unplugged USB serial adapter would: the terminal closes.
    void unplug();

    // How often the host sent a command code (e.g. 0x4A InListPassiveTarget), for tests that
    // check what travelled and how often the host polls.
    int commandCount(std::uint8_t code) const;
    // The largest APDUs the card received and answered, and the largest raw block either way.
    std::size_t largestCommand() const;
    std::size_t largestResponse() const;
    std::size_t largestBlock() const;

private:
    Pn532Emulator(int master, int slave, std::string devicePath, std::shared_ptr<VirtualCard> card,
                  TargetType type);
    void run();
    void handle(const Bytes& body);
    Bytes answer(std::uint8_t command, ByteView parameters);
    Bytes listPassiveTarget(ByteView parameters);
    Bytes dataExchange(ByteView parameters);
    Bytes communicateThru(ByteView block);
    Bytes cardBlock(ByteView block);
    Bytes nextResponseBlock();
    Bytes readRegisters(ByteView parameters);
    Bytes writeRegisters(ByteView parameters);
    void send(const Bytes& frame);

    int master_;
    int slave_;  // held open so the terminal survives libnfc closing and reopening it
    int wakePipe_[2] = {-1, -1};
    std::string devicePath_;
    TargetType type_;
    pn532::FrameReader reader_;
    mutable std::mutex mutex_;
    std::shared_ptr<VirtualCard> card_;
    bool targetActive_ = false;
    std::map<std::uint16_t, std::uint8_t> registers_;
    std::map<std::uint8_t, int> commandCounts_;
    std::size_t largestCommand_ = 0;
    std::size_t largestResponse_ = 0;
    std::size_t largestBlock_ = 0;
    // The card's side of ISO 14443-4 for raw blocks (InCommunicateThru).
    std::uint8_t cardBlockNumber_ = 1;
    bool cidInUse_ = false;
    Bytes chainedCommand_;
    Bytes pendingResponse_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

}  // namespace oa::sim
