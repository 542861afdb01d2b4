#include "Harness.h"

#include <signal.h>

#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "card/pcsc/PcscBackend.h"

namespace oa::test {
namespace {

// Short enough to measure vpcd's ~0.4 s polling well, long enough to stay off the CPU.
constexpr auto kPollInterval = 20ms;

std::string requireEnvironment(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value) {
        throw std::runtime_error(std::string(name) +
                                 " is not set: run the integration tests through with-pcscd.sh");
    }
    return value;
}

}  // namespace

pid_t pcscdPid() {
    return static_cast<pid_t>(std::stol(requireEnvironment("OA_PCSCD_PID")));
}

pid_t restartPcscd() {
    const auto result = runCommand(requireEnvironment("OA_PCSCD_RESTART"));
    if (result.exitCode != 0) throw std::runtime_error("pcscd restart failed: " + result.output);
    return static_cast<pid_t>(std::stol(result.output));
}

std::optional<std::chrono::milliseconds> waitUntil(std::chrono::milliseconds timeout,
                                                   const std::function<bool()>& done) {
    const auto start = Clock::now();
    while (true) {
        if (done())
            return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
        if (Clock::now() - start > timeout) return std::nullopt;
        std::this_thread::sleep_for(kPollInterval);
    }
}

SimCard::SimCard() : process_({OA_SIM_PATH, "card", "--vpcd", kFirstReaderAddress}) {}

SimCard::~SimCard() {
    remove();
    PcscBackend backend;
    waitUntil(5s, [&] { return !cardPresent(backend, kFirstReader); });
}

void SimCard::remove() {
    process_.stop(SIGKILL);
}

bool cardPresent(ReaderBackend& backend, const std::string& reader) {
    auto readers = backend.readers();
    if (!readers) return false;
    for (const auto& info : *readers) {
        if (info.name == reader) return info.cardPresent;
    }
    return false;
}

}  // namespace oa::test
