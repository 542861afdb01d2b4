// Faults over NFC (libnfc -> pn532_uart -> the simulated PN532): the card pulled from the field at
// every APDU of a PIN change and in each phase of a self-authentication, and the reader unplugged
// mid-flow. Each ends with a typed error and a message, and the next attempt works after the card
// (or reader) is back.
#include <catch2/catch.hpp>

#include "EmulatedReader.h"
#include "TestTerminal.h"
#include "eid/PinManagement.h"
#include "eid/SelfAuthentication.h"

using namespace oa;
using namespace oa::test;

namespace {

// Passes APDUs on and runs `before` just before the `at`-th one.
class TriggerCard : public Card {
public:
    TriggerCard(Card& inner, int at, std::function<void()> before)
        : inner_(inner), at_(at), before_(std::move(before)) {}
    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        if (++sent_ == at_) before_();
        return inner_.transmit(command);
    }
    const Bytes& atr() const override { return inner_.atr(); }
    std::string readerName() const override { return inner_.readerName(); }
    bool supportsExtendedLength() const override { return inner_.supportsExtendedLength(); }
    int sent() const { return sent_; }

private:
    Card& inner_;
    int at_;
    std::function<void()> before_;
    int sent_ = 0;
};

Result<void> changePin(Card& card) {
    eid::PinManagement pins(card);
    return pins.changePin(SecureBytes::fromAscii("123456"), SecureBytes::fromAscii("123456"));
}

Result<void> selfAuthenticate(Card& card) {
    eid::SelfAuthentication session(card, testTerminal(), testCscaOnly());
    eid::SelfAuthenticationRequest request;
    request.dataGroups = eid::allDataGroups();
    request.pin = SecureBytes::fromAscii("123456");
    auto result = session.run(request);
    if (!result) return result.error();
    return {};
}

std::string describe(const Result<void>& result) {
    return result ? "ok" : result.error().message + " | " + result.error().detail;
}

}  // namespace

TEST_CASE(
    "NFC: the card pulled at every APDU of a PIN change ends as removed, and the next "
    "change works",
    "[nfc][faults]") {
    EmulatedReader reader;
    int total = 0;
    {
        auto card = reader.connect();
        TriggerCard counting(*card, 0, [] {});
        REQUIRE(changePin(counting));
        total = counting.sent();
    }
    REQUIRE(total >= 8);
    for (int at = 1; at <= total; ++at) {
        auto card = reader.connect();
        TriggerCard pulling(*card, at, [&reader] { reader.emulator->removeCard(); });
        const auto failed = changePin(pulling);
        INFO("pulled before APDU " << at << " of " << total << ": " << describe(failed));
        REQUIRE_FALSE(failed);
        CHECK(pulling.sent() == at);
        CHECK(failed.error().code == ErrorCode::CardRemoved);
        CHECK_FALSE(failed.error().message.empty());

        reader.emulator->insertCard(reader.card);
        REQUIRE(reader.waitForPresence(true));
        auto again = reader.connect();
        const auto next = changePin(*again);
        INFO("next attempt: " << describe(next));
        CHECK(next);
    }
}

TEST_CASE("NFC: the card pulled in each phase of a self-authentication ends as removed",
          "[nfc][faults]") {
    // PACE, Terminal Authentication, Chip Authentication, reading the data groups.
    const int at = GENERATE(5, 10, 15, 20);
    EmulatedReader reader;
    auto card = reader.connect();
    TriggerCard pulling(*card, at, [&reader] { reader.emulator->removeCard(); });
    const auto failed = selfAuthenticate(pulling);
    INFO("pulled before APDU " << at << ": " << describe(failed));
    REQUIRE_FALSE(failed);
    CHECK(pulling.sent() == at);
    CHECK(failed.error().code == ErrorCode::CardRemoved);

    reader.emulator->insertCard(reader.card);
    REQUIRE(reader.waitForPresence(true));
    auto again = reader.connect();
    const auto next = selfAuthenticate(*again);
    INFO("next attempt: " << describe(next));
    CHECK(next);
}

TEST_CASE("NFC: the reader unplugged during a PIN change ends with NoReader", "[nfc][faults]") {
    EmulatedReader reader;
    auto card = reader.connect();
    TriggerCard unplugging(*card, 5, [&reader] { reader.emulator->unplug(); });
    const auto failed = changePin(unplugging);
    INFO(describe(failed));
    REQUIRE_FALSE(failed);
    CHECK(failed.error().code == ErrorCode::NoReader);
    CHECK(failed.error().message == "The NFC reader was disconnected");
    // The reader leaves the list at the backend's next poll.
    REQUIRE(reader.backend->waitForChange(std::chrono::milliseconds(300)));
    auto listed = reader.backend->readers();
    REQUIRE(listed);
    CHECK(listed->empty());
}
