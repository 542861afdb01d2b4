#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "ChildProcess.h"
#include "card/ReaderBackend.h"

namespace oa::test {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

inline constexpr const char* kFirstReader = "Virtual PCD 00 00";
inline constexpr const char* kSecondReader = "Virtual PCD 00 01";
inline constexpr const char* kFirstReaderAddress = "127.0.0.1:35963";

// The pcscd that with-pcscd.sh started; fails the test when run outside the harness.
pid_t pcscdPid();
// Starts a fresh pcscd through the harness and returns its pid.
pid_t restartPcscd();

// Polls `done` until it holds or `timeout` passes; returns how long it took, or nothing.
std::optional<std::chrono::milliseconds> waitUntil(std::chrono::milliseconds timeout,
                                                   const std::function<bool()>& done);

// `openausweis-sim card` plugged into the first vpcd reader for as long as this lives. Going
// away, it pulls the card and waits until pcscd shows the reader empty, so the next test never
// mistakes this card for its own.
class SimCard {
public:
    SimCard();
    ~SimCard();
    SimCard(const SimCard&) = delete;
    SimCard& operator=(const SimCard&) = delete;

    // Pulls the card out at once (the card process dies without a goodbye).
    void remove();

private:
    ChildProcess process_;
};

// Whether the backend currently shows a card in `reader`.
bool cardPresent(ReaderBackend& backend, const std::string& reader);

}  // namespace oa::test
