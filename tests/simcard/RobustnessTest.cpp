// The card must answer every byte string with a status word and never fall over: mutated real
// commands from every protocol phase, with a fixed seed so a failure reproduces.
#include <catch2/catch.hpp>
#include <random>

#include "TerminalChannel.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace oa::test;

namespace {

const char* kSeeds[] = {
    "00A4040C09E80704007F00070302",
    "00B09C0000",
    "00B00000000000",
    "0022C1A412800A04007F0007020204020283010384010D",
    "10860000027C0000",
    "10860000457C438141043DD29BBE5907FD21A152ADA4895FAAE7ACC55F5E50EFBFDE5AB0C6EB54F198D6159136"
    "35F0FDF5BEB383E00355F82D3C41ED0DF2E28363433DFB73856A15DC9F00",
    "008600000C7C0A8508A27AE7B36573C1D900",
    "0C2281B61D871101BE90237EEB4BA0FF253EA246AE31C8B88E0892D21C73A1DFE99900",
    "002C020306363534333231",
    "80208000090604007F000703010401",
    "002A00BE087F4E035F29005F3700",
    "0022818A0A800A04007F00070202020203",
};

Bytes mutate(Bytes input, std::mt19937& random) {
    std::uniform_int_distribution<int> action(0, 3);
    std::uniform_int_distribution<int> byte(0, 255);
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int i = 0; i < edits; ++i) {
        const std::size_t position = input.empty() ? 0 : random() % input.size();
        switch (action(random)) {
            case 0:
                if (!input.empty()) input[position] = static_cast<std::uint8_t>(byte(random));
                break;
            case 1:
                input.insert(input.begin() + static_cast<std::ptrdiff_t>(position),
                             static_cast<std::uint8_t>(byte(random)));
                break;
            case 2:
                if (!input.empty())
                    input.erase(input.begin() + static_cast<std::ptrdiff_t>(position));
                break;
            default:
                input.resize(position);
                break;
        }
    }
    return input;
}

}  // namespace

TEST_CASE("Robustness: mutated commands with valid secure messaging always get a status word") {
    std::mt19937 random(271120261);
    for (int round = 0; round < 20; ++round) {
        VirtualCard card;
        workedExamplePace(card);
        TerminalChannel channel = paceChannel();
        for (int i = 0; i < 100 && card.secureMessagingActive(); ++i) {
            const Bytes seed = hexBytes(kSeeds[random() % std::size(kSeeds)]);
            const auto command = CommandApdu::parse(mutate(seed, random));
            if (!command.ok()) continue;
            const Bytes response = card.process(channel.protect(*command));
            REQUIRE(response.size() >= 2);
            if (card.secureMessagingActive()) (void)channel.unprotect(response);
        }
    }
}

TEST_CASE("Robustness: mutated commands in every phase always get a status word") {
    std::mt19937 random(20261127);
    for (int round = 0; round < 40; ++round) {
        VirtualCard card;
        if (round % 2 == 1) workedExamplePace(card);  // half the rounds inside a secure channel
        for (int i = 0; i < 100; ++i) {
            const Bytes seed = hexBytes(kSeeds[random() % std::size(kSeeds)]);
            const Bytes response = card.process(mutate(seed, random));
            REQUIRE(response.size() >= 2);
        }
    }
}
