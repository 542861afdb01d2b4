// NfcBackend through the real libnfc pn532_uart driver against the simulated PN532.
#include <catch2/catch.hpp>

#include "EmulatedReader.h"

using namespace oa;
using oa::test::EmulatedReader;
using namespace std::chrono_literals;

namespace {

constexpr std::uint8_t kInListPassiveTarget = 0x4A;
constexpr std::uint8_t kInCommunicateThru = 0x42;
constexpr std::uint8_t kDiagnose = 0x00;

const CommandApdu kSelectCardAccess(0x00, 0xA4, 0x02, 0x0C, hexBytes("011C"));
const CommandApdu kReadBinary(0x00, 0xB0, 0x00, 0x00, {}, 256);

}  // namespace

TEST_CASE("The emulated PN532 is an NFC reader holding the card, with the card's ATR", "[nfc]") {
    EmulatedReader reader;
    const ReaderInfo info = reader.onlyReader();
    CHECK(info.backend == "nfc");
    CHECK(info.name.find("pn532_uart:" + reader.emulator->devicePath()) != std::string::npos);
    CHECK(info.cardPresent);
    // PC/SC part 3 ATR built from the ATS historical bytes: the same as the contact ATR.
    CHECK(toHex(info.atr) == toHex(VirtualCard::defaultAtr()));
    CHECK(reader.emulator->commandCount(kInListPassiveTarget) >= 1);
}

TEST_CASE("SELECT and READ BINARY travel as ISO 14443-4 blocks to the card", "[nfc]") {
    EmulatedReader reader;
    auto card = reader.connect();
    CHECK(card->supportsExtendedLength());
    CHECK(card->atr() == VirtualCard::defaultAtr());
    auto selected = card->transmit(kSelectCardAccess);
    REQUIRE(selected);
    CHECK(selected->isSuccess());
    auto read = card->transmit(kReadBinary);
    REQUIRE(read);
    // The file is shorter than 256 bytes: end of file reached.
    CHECK(read->is(StatusWord::EndOfFileReached));
    REQUIRE_FALSE(read->data().empty());
    CHECK(read->data()[0] == 0x31);  // EF.CardAccess is a SET of SecurityInfos
    CHECK(reader.emulator->commandCount(kInCommunicateThru) == 2);
}

TEST_CASE("An extended-length command larger than one PN532 frame reaches the card whole",
          "[nfc]") {
    EmulatedReader reader;
    auto card = reader.connect();
    const CommandApdu large(0x00, 0x2A, 0x00, 0xBE, Bytes(600, 0x5A));
    REQUIRE(large.isExtended());
    auto answered = card->transmit(large);
    REQUIRE(answered);
    CHECK_FALSE(answered->isSuccess());  // no PACE yet: the card refuses, but it got all of it
    CHECK(reader.emulator->largestCommand() == large.encode().size());
    CHECK(reader.emulator->largestBlock() <= 254);
    CHECK(reader.emulator->commandCount(kInCommunicateThru) == 3);  // 253 + 253 + 101 bytes
    // The block numbers stay in step: the next command works.
    auto selected = card->transmit(kSelectCardAccess);
    REQUIRE(selected);
    CHECK(selected->isSuccess());
}

TEST_CASE("A removed card is seen by the reader list and by the open connection", "[nfc]") {
    EmulatedReader reader;
    auto card = reader.connect();
    REQUIRE(card->transmit(kSelectCardAccess));
    reader.emulator->removeCard();

    auto sent = card->transmit(kReadBinary);
    REQUIRE_FALSE(sent);
    CHECK(sent.error().code == ErrorCode::CardRemoved);
    CHECK(reader.waitForPresence(false));
    auto refused = reader.backend->connect(reader.onlyReader().name);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::NoCard);

    // Put back: found again; the old connection stays dead, a new one works.
    reader.emulator->insertCard(reader.card);
    CHECK(reader.waitForPresence(true));
    auto stale = card->transmit(kSelectCardAccess);
    REQUIRE_FALSE(stale);
    CHECK(stale.error().code == ErrorCode::CardRemoved);
    auto again = reader.connect();
    auto selected = again->transmit(kSelectCardAccess);
    REQUIRE(selected);
    CHECK(selected->isSuccess());
}

TEST_CASE("A card taken away between polls is noticed by the presence check", "[nfc]") {
    EmulatedReader reader;
    REQUIRE(reader.onlyReader().cardPresent);
    reader.emulator->removeCard();
    CHECK(reader.waitForPresence(false));
    CHECK(reader.emulator->commandCount(kDiagnose) >= 1);
}

TEST_CASE("A card placed on an empty reader is found by polling", "[nfc]") {
    EmulatedReader reader(nullptr);
    const ReaderInfo empty = reader.onlyReader();
    CHECK_FALSE(empty.cardPresent);
    CHECK(empty.atr.empty());
    auto refused = reader.backend->connect(empty.name);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::NoCard);
    reader.emulator->insertCard(std::make_shared<VirtualCard>());
    CHECK(reader.waitForPresence(true));
    CHECK(reader.onlyReader().atr == VirtualCard::defaultAtr());
}

TEST_CASE("An unplugged reader fails the connection with NoReader and leaves the list", "[nfc]") {
    EmulatedReader reader;
    auto card = reader.connect();
    REQUIRE(card->transmit(kSelectCardAccess));
    reader.emulator->unplug();
    auto sent = card->transmit(kReadBinary);
    REQUIRE_FALSE(sent);
    CHECK(sent.error().code == ErrorCode::NoReader);
    REQUIRE(reader.backend->waitForChange(300ms));
    auto listed = reader.backend->readers();
    REQUIRE(listed);
    CHECK(listed->empty());
}

TEST_CASE("An idle reader is polled once per interval, not in a loop", "[nfc]") {
    EmulatedReader reader(std::make_shared<VirtualCard>(), sim::Pn532Emulator::TargetType::IsoA,
                          NfcBackend::kDefaultPollInterval);
    REQUIRE(reader.onlyReader().cardPresent);
    const int before = reader.emulator->commandCount(kDiagnose) +
                       reader.emulator->commandCount(kInListPassiveTarget);
    REQUIRE(reader.backend->waitForChange(1500ms));
    const int polls = reader.emulator->commandCount(kDiagnose) +
                      reader.emulator->commandCount(kInListPassiveTarget) - before;
    // At most one presence check per 500 ms; libnfc retries a failed check once.
    CHECK(polls <= 2 * (1500 / 500));
    CHECK(reader.onlyReader().cardPresent);
}

TEST_CASE("cancelWait wakes a waiting NFC backend", "[nfc]") {
    EmulatedReader reader;
    REQUIRE(reader.onlyReader().cardPresent);
    std::thread canceller([&] {
        std::this_thread::sleep_for(50ms);
        reader.backend->cancelWait();
    });
    const auto started = std::chrono::steady_clock::now();
    REQUIRE(reader.backend->waitForChange(std::chrono::minutes(5)));
    canceller.join();
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::minutes(5));
}

TEST_CASE("A Type B card is found and carries APDUs", "[nfc]") {
    EmulatedReader reader(std::make_shared<VirtualCard>(), sim::Pn532Emulator::TargetType::IsoB);
    const ReaderInfo info = reader.onlyReader();
    REQUIRE(info.cardPresent);
    CHECK(info.atr.size() == 4 + 8 + 1);
    auto card = reader.connect();
    auto selected = card->transmit(kSelectCardAccess);
    REQUIRE(selected);
    CHECK(selected->isSuccess());
    reader.emulator->removeCard();
    CHECK(reader.waitForPresence(false));
}
