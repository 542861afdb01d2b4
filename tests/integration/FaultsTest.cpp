// Faults through the real chain (libpcsclite -> pcscd -> vpcd -> openausweis-sim card): the card
// pulled and pcscd restarted in the middle of a PIN change and of a self-authentication. Each
// ends with a typed error and a message for the user, nothing hangs, and the next attempt on the
// same PcscBackend works once the card is back.
#include <catch2/catch.hpp>

#include <signal.h>

#include <functional>
#include <future>

#include "Harness.h"
#include "TestTerminal.h"
#include "card/pcsc/PcscBackend.h"
#include "eid/PinManagement.h"
#include "eid/SelfAuthentication.h"

using namespace oa;
using namespace oa::test;

namespace {

// Passes APDUs on and runs `before` once, just before the `at`-th one.
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

template <typename Call>
auto withinDeadline(Call call, std::chrono::milliseconds deadline) {
    auto future = std::async(std::launch::async, std::move(call));
    REQUIRE(future.wait_for(deadline) == std::future_status::ready);
    return future.get();
}

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

std::unique_ptr<Card> connectWhenPresent(PcscBackend& backend) {
    REQUIRE(waitUntil(10s, [&] { return cardPresent(backend, kFirstReader); }));
    auto card = backend.connect(kFirstReader);
    REQUIRE(card);
    return std::move(*card);
}

}  // namespace

TEST_CASE(
    "Through pcscd: the card pulled during a PIN change ends with CardRemoved, and the "
    "next change works",
    "[faults]") {
    PcscBackend backend;
    // MSE:Set AT, the first and last General Authenticate, RESET RETRY COUNTER.
    const int at = GENERATE(3, 4, 7, 8);
    auto sim = std::make_unique<SimCard>();
    auto connected = connectWhenPresent(backend);
    TriggerCard card(*connected, at, [&sim] { sim->remove(); });
    auto changed = withinDeadline([&] { return changePin(card); }, 20s);
    INFO("pulled before APDU " << at << ": "
                               << (changed
                                       ? "ok"
                                       : changed.error().message + " | " + changed.error().detail));
    REQUIRE_FALSE(changed);
    CHECK(card.sent() == at);
    CHECK(changed.error().code == ErrorCode::CardRemoved);
    CHECK(changed.error().message == "The card was removed.");
    connected.reset();
    sim.reset();

    SimCard again;
    auto fresh = connectWhenPresent(backend);
    auto next = withinDeadline([&] { return changePin(*fresh); }, 20s);
    INFO((next ? "ok" : next.error().message + " | " + next.error().detail));
    CHECK(next);
}

TEST_CASE("Through pcscd: the card pulled during a self-authentication ends with CardRemoved",
          "[faults]") {
    PcscBackend backend;
    // PACE, Terminal Authentication, Chip Authentication, reading the data groups.
    const int at = GENERATE(5, 10, 15, 20);
    auto sim = std::make_unique<SimCard>();
    auto connected = connectWhenPresent(backend);
    TriggerCard card(*connected, at, [&sim] { sim->remove(); });
    auto read = withinDeadline([&] { return selfAuthenticate(card); }, 30s);
    INFO("pulled before APDU " << at << ": "
                               << (read ? "ok"
                                        : read.error().message + " | " + read.error().detail));
    REQUIRE_FALSE(read);
    CHECK(card.sent() == at);
    CHECK(read.error().code == ErrorCode::CardRemoved);
    connected.reset();
    sim.reset();

    SimCard again;
    auto fresh = connectWhenPresent(backend);
    auto next = withinDeadline([&] { return selfAuthenticate(*fresh); }, 30s);
    INFO((next ? "ok" : next.error().message + " | " + next.error().detail));
    CHECK(next);
}

TEST_CASE(
    "Through pcscd: pcscd restarted during a PIN change ends with NoService, and the next "
    "change works on the same backend",
    "[faults]") {
    PcscBackend backend;
    const int at = GENERATE(3, 8);
    SimCard sim;
    auto connected = connectWhenPresent(backend);
    // Each section restarts pcscd once more: remember which one runs now.
    static pid_t running = pcscdPid();
    // Runs on withinDeadline's thread: no Catch assertions in here.
    bool killed = false;
    TriggerCard card(*connected, at, [&killed] {
        killed = kill(running, SIGKILL) == 0;
        running = restartPcscd();
    });
    auto changed = withinDeadline([&] { return changePin(card); }, 20s);
    INFO("pcscd restarted before APDU "
         << at << ": "
         << (changed ? "ok" : changed.error().message + " | " + changed.error().detail));
    REQUIRE_FALSE(changed);
    CHECK(card.sent() == at);
    CHECK(killed);
    // The old handle belongs to the dead pcscd: it reports the service gone (or, when the new
    // pcscd already answers, that the card is unknown to it).
    CHECK((changed.error().code == ErrorCode::NoService ||
           changed.error().code == ErrorCode::CardRemoved ||
           changed.error().code == ErrorCode::NoReader));
    CHECK_FALSE(changed.error().message.empty());
    connected.reset();

    // The card process reconnects to the new pcscd's vpcd by itself.
    auto fresh = connectWhenPresent(backend);
    auto next = withinDeadline([&] { return changePin(*fresh); }, 20s);
    INFO((next ? "ok" : next.error().message + " | " + next.error().detail));
    CHECK(next);
}
