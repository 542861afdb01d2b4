#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "base/Bytes.h"

namespace oa::test {

// A card whose answers the test writes, plugged into a vpcd reader over vpcd's wire protocol
// (2-byte big-endian length, then payload; 1-byte payloads are power/reset/ATR controls). It lets
// a test make the card say what the virtual eID card never says, such as 61xx and 6Cxx.
class ScriptedVpcdCard {
public:
    // The answer to a command APDU; an empty answer pulls the card instead (connection closed).
    using Script = std::function<Bytes(const Bytes& command)>;

    ScriptedVpcdCard(std::uint16_t port, Bytes atr, Script script);
    // Pulls the card: the connection closes and the reader reports it gone.
    ~ScriptedVpcdCard();
    ScriptedVpcdCard(const ScriptedVpcdCard&) = delete;
    ScriptedVpcdCard& operator=(const ScriptedVpcdCard&) = delete;

    // The command APDUs the card received, in order.
    std::vector<Bytes> commands() const;

private:
    void serve();
    bool readFrame(Bytes& payload);
    bool writeFrame(const Bytes& payload);

    int socket_ = -1;
    Bytes atr_;
    Script script_;
    mutable std::mutex mutex_;
    std::vector<Bytes> commands_;
    std::thread thread_;
};

}  // namespace oa::test
