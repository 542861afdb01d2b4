#include <catch2/catch.hpp>

#include "Harness.h"
#include "ScriptedVpcdCard.h"
#include "card/pcsc/PcscBackend.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace oa::test;

namespace {

constexpr std::uint16_t kSecondReaderPort = 35964;

Bytes pattern(std::size_t size, std::uint8_t first) {
    Bytes bytes(size);
    for (std::size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<std::uint8_t>(first + i);
    return bytes;
}

Bytes withSw(Bytes data, std::uint16_t sw) {
    data.push_back(static_cast<std::uint8_t>(sw >> 8));
    data.push_back(static_cast<std::uint8_t>(sw));
    return data;
}

// Plugs the scripted card into the second reader and connects to it through pcscd.
struct ScriptedConnection {
    explicit ScriptedConnection(ScriptedVpcdCard::Script script)
        : card(std::make_unique<ScriptedVpcdCard>(kSecondReaderPort, VirtualCard::defaultAtr(),
                                                  std::move(script))) {
        REQUIRE(waitUntil(5s, [&] { return cardPresent(backend, kSecondReader); }));
        auto connected = backend.connect(kSecondReader);
        REQUIRE(connected.ok());
        connection = std::move(*connected);
    }
    ~ScriptedConnection() {
        connection.reset();
        card.reset();
        // Leave the reader empty for the next test.
        waitUntil(5s, [&] { return !cardPresent(backend, kSecondReader); });
    }

    PcscBackend backend;
    std::unique_ptr<ScriptedVpcdCard> card;
    std::unique_ptr<Card> connection;
};

}  // namespace

TEST_CASE("61xx answers are collected with GET RESPONSE into one response", "[transmit]") {
    const Bytes first = pattern(200, 0x00);
    const Bytes second = pattern(256, 0x40);
    const Bytes third = pattern(16, 0xA0);
    ScriptedConnection scripted([&](const Bytes& command) {
        if (command == hexBytes("00B0000000")) return withSw(first, 0x6100);
        if (command == hexBytes("00C0000000")) return withSw(second, 0x6110);
        if (command == hexBytes("00C0000010")) return withSw(third, 0x9000);
        return withSw({}, 0x6D00);
    });

    auto response = scripted.connection->transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, {}, 256));
    REQUIRE(response.ok());
    CHECK(response->isSuccess());
    CHECK(response->data() == concat({first, second, third}));
    CHECK(scripted.card->commands() == std::vector<Bytes>{hexBytes("00B0000000"),
                                                          hexBytes("00C0000000"),
                                                          hexBytes("00C0000010")});
}

TEST_CASE("6Cxx makes the backend resend the command once with the Le the card asked for",
          "[transmit]") {
    const Bytes data = pattern(8, 0x11);
    ScriptedConnection scripted([&](const Bytes& command) {
        if (command == hexBytes("00CA010100")) return withSw({}, 0x6C08);
        if (command == hexBytes("00CA010108")) return withSw(data, 0x9000);
        return withSw({}, 0x6D00);
    });

    auto response = scripted.connection->transmit(CommandApdu(0x00, 0xCA, 0x01, 0x01, {}, 256));
    REQUIRE(response.ok());
    CHECK(response->isSuccess());
    CHECK(response->data() == data);
    CHECK(scripted.card->commands() ==
          std::vector<Bytes>{hexBytes("00CA010100"), hexBytes("00CA010108")});
}

TEST_CASE("A card that keeps asking for another Le is not asked forever", "[transmit]") {
    ScriptedConnection scripted([](const Bytes&) { return withSw({}, 0x6C08); });

    auto response = scripted.connection->transmit(CommandApdu(0x00, 0xCA, 0x01, 0x01, {}, 256));
    REQUIRE(response.ok());
    CHECK(response->sw() == 0x6C08);
    CHECK(scripted.card->commands().size() == 2);
}

TEST_CASE("A card answering 61xx without end gives a CardError", "[transmit]") {
    ScriptedConnection scripted([](const Bytes&) { return withSw(Bytes{0x01}, 0x6101); });

    auto response = scripted.connection->transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, {}, 256));
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().code == ErrorCode::CardError);
}

TEST_CASE("A card piling up more than 64 KiB through 61xx gives a CardError early", "[transmit]") {
    ScriptedConnection scripted([](const Bytes&) { return withSw(pattern(4000, 0x07), 0x6100); });

    auto response = scripted.connection->transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, {}, 256));
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().code == ErrorCode::CardError);
    // 17 answers of 4000 bytes pass 65536: the command and 16 GET RESPONSEs, not 300 rounds.
    CHECK(scripted.card->commands().size() == 17);
}

TEST_CASE("Extended-length commands and answers pass through pcscd and vpcd whole", "[transmit]") {
    const Bytes body = pattern(1000, 0x05);
    const Bytes answer = pattern(3000, 0x09);
    ScriptedConnection scripted([&](const Bytes& command) {
        return command.size() == 4 + 3 + body.size() + 2 ? withSw(answer, 0x9000)
                                                         : withSw({}, 0x6700);
    });
    REQUIRE(scripted.connection->supportsExtendedLength());

    const CommandApdu command(0x00, 0x2A, 0x00, 0xBE, body, CommandApdu::kExtendedMaxLe);
    auto response = scripted.connection->transmit(command);
    REQUIRE(response.ok());
    CHECK(response->isSuccess());
    CHECK(response->data() == answer);
    REQUIRE(scripted.card->commands().size() == 1);
    CHECK(scripted.card->commands()[0] == command.encode());
}

TEST_CASE("A card pulled in the middle of a command gives CardRemoved", "[transmit]") {
    ScriptedConnection scripted([](const Bytes& command) {
        return command == hexBytes("00A4000C023F00") ? withSw({}, 0x9000) : Bytes{};
    });
    auto selected =
        scripted.connection->transmit(CommandApdu(0x00, 0xA4, 0x00, 0x0C, hexBytes("3F00")));
    REQUIRE(selected.ok());

    auto response = scripted.connection->transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, {}, 256));
    REQUIRE_FALSE(response.ok());
    INFO(response.error().detail);
    CHECK(response.error().code == ErrorCode::CardRemoved);
    CHECK(response.error().message == "The card was removed.");
}
