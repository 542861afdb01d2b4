// APDU round trip through the real chain: PcscBackend -> libpcsclite -> pcscd -> vpcd ->
// openausweis-sim card. Run inside tests/bench/vpcd-roundtrip.sh (private pcscd, card started
// there); prints median and p90 of N READ BINARY (EF.CardAccess) round trips in milliseconds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "card/pcsc/PcscBackend.h"

using namespace oa;

namespace {

constexpr const char* kReader = "Virtual PCD 00 00";

std::unique_ptr<Card> waitForCard(PcscBackend& backend) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        if (auto readers = backend.readers()) {
            for (const auto& reader : *readers) {
                if (reader.name.rfind(kReader, 0) == 0 && reader.cardPresent) {
                    if (auto card = backend.connect(reader.name)) return std::move(*card);
                }
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 50;
    if (rounds <= 0) {
        std::fprintf(stderr, "usage: apdu_roundtrip [ROUNDS]\n");
        return 2;
    }
    PcscBackend backend;
    auto card = waitForCard(backend);
    if (!card) {
        std::fprintf(stderr, "apdu_roundtrip: no card in %s\n", kReader);
        return 1;
    }
    // READ BINARY of EF.CardAccess: the answer proves the card itself was reached.
    const CommandApdu readCardAccess(0x00, 0xB0, 0x9C, 0x00, {}, CommandApdu::kShortMaxLe);
    std::vector<double> milliseconds;
    std::size_t answerSize = 0;
    for (int i = 0; i < rounds; ++i) {
        const auto start = std::chrono::steady_clock::now();
        auto response = card->transmit(readCardAccess);
        const auto end = std::chrono::steady_clock::now();
        if (!response || response->data().empty()) {
            std::fprintf(stderr, "apdu_roundtrip: READ BINARY failed\n");
            return 1;
        }
        answerSize = response->data().size();
        milliseconds.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(milliseconds.begin(), milliseconds.end());
    const auto at = [&](double q) {
        return milliseconds[std::min(milliseconds.size() - 1,
                                     static_cast<std::size_t>(q * milliseconds.size()))];
    };
    std::printf(
        "APDU round trip over pcscd+vpcd, %d rounds of %zu answer bytes: median %.3f ms, "
        "p90 %.3f ms, min %.3f ms\n",
        rounds, answerSize, at(0.5), at(0.9), milliseconds.front());
    return 0;
}
