#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa {
class VirtualCard;
}

namespace oa::sim {

// Attaches a VirtualCard to vsmartcard's vpcd reader driver: the card connects to vpcd's TCP port
// (the card counts as inserted while connected) and answers framed messages (2-byte big-endian
// length, then payload). One-byte messages are control: 00 power off, 01 power on, 02 reset,
// 04 get ATR; longer ones are command APDUs.
class VpcdClient {
public:
    using StopCheck = std::function<bool()>;

    VpcdClient(std::string host, std::uint16_t port, VirtualCard& card, StopCheck shouldStop);

    // Serves until shouldStop() returns true; reconnects whenever vpcd is away or drops us.
    void run();
    // One connection: connect, serve until it ends. Returns why it ended.
    Result<void> serveOnce();

    std::chrono::milliseconds reconnectDelay{500};

private:
    Result<int> connectSocket();
    Result<void> serve(int socket);
    // Answer to one message, or nothing for controls that have no answer.
    std::optional<Bytes> answer(ByteView message);

    std::string host_;
    std::uint16_t port_;
    VirtualCard& card_;
    StopCheck shouldStop_;
};

// Splits "HOST:PORT" (or "[v6]:PORT"); false on anything else.
bool parseHostPort(const std::string& text, std::string& host, std::uint16_t& port);

}  // namespace oa::sim
