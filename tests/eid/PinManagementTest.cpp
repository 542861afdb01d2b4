// Every PIN state of card-protocols §6.3 against the virtual card in the in-process reader: the
// status the card reports, the user-level message and next step, and each way out.
#include <catch2/catch.hpp>

#include <set>

#include "InProcessCard.h"
#include "eid/PinManagement.h"

using namespace oa;
using namespace oa::eid;
using oa::test::InProcessCard;
using oa::test::secret;

namespace {

sim::CardProfile withRetryCounter(int counter) {
    sim::CardProfile profile = sim::defaultProfile();
    profile.pinState.retryCounter = counter;
    return profile;
}

PinStatusMessage statusOf(Card& card) {
    PinManagement pins(card);
    auto status = pins.status();
    INFO((status ? std::string() : status.error().message + " / " + status.error().detail));
    REQUIRE(status);
    return *status;
}

}  // namespace

TEST_CASE("Every PIN status has its own next step and words for the user", "[pin]") {
    const PinStatus all[] = {PinStatus::Operational,    PinStatus::TwoTriesLeft,
                             PinStatus::Suspended,      PinStatus::Blocked,
                             PinStatus::PukInoperative, PinStatus::TransportPin,
                             PinStatus::Deactivated};
    std::set<std::string> titles;
    std::set<PinNextStep> nextSteps;
    for (PinStatus status : all) {
        const PinStatusMessage message = pinStatusMessage(status);
        CHECK(message.status == status);
        CHECK_FALSE(message.message.empty());
        CHECK_FALSE(message.nextStepText.empty());
        titles.insert(message.title);
        nextSteps.insert(message.nextStep);
    }
    CHECK(titles.size() == std::size(all));
    CHECK(nextSteps.size() == std::size(all));
    CHECK(pinStatusMessage(PinStatus::Suspended).nextStepText.find("CAN") != std::string::npos);
    CHECK(pinStatusMessage(PinStatus::Blocked).nextStepText.find("PUK") != std::string::npos);
    CHECK(pinStatusMessage(PinStatus::TwoTriesLeft).triesLeft == 2);
    CHECK(pinStatusMessage(PinStatus::TwoTriesLeft).pinUsable());
    CHECK_FALSE(pinStatusMessage(PinStatus::Blocked).pinUsable());
}

TEST_CASE("A fresh card reports a ready PIN with 3 tries and nothing to do", "[pin]") {
    InProcessCard sim;
    const auto status = statusOf(*sim.card);
    CHECK(status.status == PinStatus::Operational);
    CHECK(status.triesLeft == 3);
    CHECK(status.nextStep == PinNextStep::None);
    CHECK(sim.virtualCard->pinState().retryCounter == 3);  // asking costs no try
}

TEST_CASE("A wrong PIN leaves 2 tries; the right PIN restores 3", "[pin]") {
    InProcessCard sim;
    PinManagement pins(*sim.card);
    auto wrong = pins.authenticateWithPin(secret("111111"));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::AuthenticationFailed);
    CHECK(wrong.error().message == "The PIN is wrong");
    CHECK(pins.lastStatus() == PinStatus::TwoTriesLeft);
    CHECK(statusOf(*sim.card).status == PinStatus::TwoTriesLeft);
    CHECK(statusOf(*sim.card).nextStep == PinNextStep::EnterPinCarefully);

    auto right = pins.authenticateWithPin(secret("123456"));
    REQUIRE(right);
    CHECK(pins.lastStatus() == PinStatus::Operational);
    CHECK(statusOf(*sim.card).status == PinStatus::Operational);
}

TEST_CASE("The second wrong PIN suspends it: the PIN alone is refused without costing a try",
          "[pin]") {
    InProcessCard sim(withRetryCounter(2));
    PinManagement pins(*sim.card);
    REQUIRE_FALSE(pins.authenticateWithPin(secret("111111")));
    CHECK(pins.lastStatus() == PinStatus::Suspended);
    const auto status = statusOf(*sim.card);
    CHECK(status.status == PinStatus::Suspended);
    CHECK(status.nextStep == PinNextStep::EnterCanThenPin);

    auto alone = pins.authenticateWithPin(secret("123456"));
    REQUIRE_FALSE(alone);
    CHECK(pins.lastStatus() == PinStatus::Suspended);
    CHECK(sim.virtualCard->pinState().retryCounter == 1);
}

TEST_CASE("A suspended PIN resumes with the CAN, then the right PIN gives 3 tries again", "[pin]") {
    InProcessCard sim(withRetryCounter(1));
    PinManagement pins(*sim.card);
    auto wrongCan = pins.authenticateWithPin(secret("123456"), secret("000000"));
    REQUIRE_FALSE(wrongCan);
    CHECK(wrongCan.error().message == "The CAN is wrong");
    CHECK(sim.virtualCard->pinState().retryCounter == 1);

    auto resumed = pins.authenticateWithPin(secret("123456"), secret("500540"));
    INFO((resumed ? std::string() : resumed.error().detail));
    REQUIRE(resumed);
    CHECK(pins.lastStatus() == PinStatus::Operational);
    CHECK(statusOf(*sim.card).status == PinStatus::Operational);
}

TEST_CASE("A wrong PIN after the CAN blocks it; the PUK unblocks it", "[pin]") {
    InProcessCard sim(withRetryCounter(1));
    PinManagement pins(*sim.card);
    REQUIRE_FALSE(pins.authenticateWithPin(secret("111111"), secret("500540")));
    CHECK(pins.lastStatus() == PinStatus::Blocked);
    const auto blocked = statusOf(*sim.card);
    CHECK(blocked.status == PinStatus::Blocked);
    CHECK(blocked.nextStep == PinNextStep::UnblockWithPuk);
    CHECK(blocked.triesLeft == 0);

    auto pinWhileBlocked = pins.authenticateWithPin(secret("123456"));
    REQUIRE_FALSE(pinWhileBlocked);
    CHECK(pinWhileBlocked.error().message.find("PUK") != std::string::npos);

    auto wrongPuk = pins.unblockPin(secret("1111111111"));
    REQUIRE_FALSE(wrongPuk);
    CHECK(wrongPuk.error().message == "The PUK is wrong");
    CHECK(statusOf(*sim.card).status == PinStatus::Blocked);

    auto unblocked = pins.unblockPin(secret("9876543210"));
    INFO((unblocked ? std::string() : unblocked.error().detail));
    REQUIRE(unblocked);
    CHECK(pins.lastStatus() == PinStatus::Operational);
    CHECK(statusOf(*sim.card).status == PinStatus::Operational);
    CHECK(sim.virtualCard->pinState().pukUsesLeft == 9);
    CHECK(pins.authenticateWithPin(secret("123456")));
}

TEST_CASE("A used-up PUK is inoperative: the next step is a new PIN letter", "[pin]") {
    sim::CardProfile profile = withRetryCounter(0);
    profile.pinState.pukUsesLeft = 0;
    InProcessCard sim(std::move(profile));
    PinManagement pins(*sim.card);
    auto refused = pins.unblockPin(secret("9876543210"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().detail.find("6982") != std::string::npos);
    REQUIRE(pins.lastStatus() == PinStatus::PukInoperative);
    const auto message = pinStatusMessage(*pins.lastStatus());
    CHECK(message.nextStep == PinNextStep::ContactAuthority);
    CHECK(refused.error().message.find("PIN letter") != std::string::npos);
    CHECK(statusOf(*sim.card).status == PinStatus::Blocked);
}

TEST_CASE("The transport PIN is replaced by a 6-digit PIN, which then works", "[pin]") {
    InProcessCard sim(InProcessCard::profile("transport-pin"));
    PinManagement pins(*sim.card);
    auto paced = pins.authenticateWithPin(secret("12345"));
    REQUIRE(paced);
    CHECK(pins.lastStatus() == PinStatus::TransportPin);
    CHECK(pinStatusMessage(PinStatus::TransportPin).nextStep == PinNextStep::ChangeTransportPin);

    auto changed = pins.changePin(secret("12345"), secret("246810"));
    INFO((changed ? std::string() : changed.error().detail));
    REQUIRE(changed);
    CHECK(pins.lastStatus() == PinStatus::Operational);
    CHECK_FALSE(sim.virtualCard->pinState().transportPin);
    CHECK(pins.authenticateWithPin(secret("246810")));
    CHECK_FALSE(pins.authenticateWithPin(secret("12345")));
}

TEST_CASE("Changing the PIN: the new PIN works, the old one no longer", "[pin]") {
    InProcessCard sim;
    PinManagement pins(*sim.card);
    REQUIRE(pins.changePin(secret("123456"), secret("654321")));
    CHECK(pins.authenticateWithPin(secret("654321")));
    CHECK_FALSE(pins.authenticateWithPin(secret("123456")));
    CHECK(pins.lastStatus() == PinStatus::TwoTriesLeft);
}

TEST_CASE("Changing the PIN with a wrong current PIN changes nothing and counts the try", "[pin]") {
    InProcessCard sim;
    PinManagement pins(*sim.card);
    auto refused = pins.changePin(secret("999999"), secret("654321"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::AuthenticationFailed);
    CHECK(pins.lastStatus() == PinStatus::TwoTriesLeft);
    CHECK(pins.authenticateWithPin(secret("123456")));
}

TEST_CASE("A deactivated online ID function is reported with the way to switch it on", "[pin]") {
    InProcessCard sim(InProcessCard::profile("deactivated"));
    const auto status = statusOf(*sim.card);
    CHECK(status.status == PinStatus::Deactivated);
    CHECK(status.nextStep == PinNextStep::ActivateAtAuthority);
    PinManagement pins(*sim.card);
    auto refused = pins.authenticateWithPin(secret("123456"));
    REQUIRE_FALSE(refused);
    CHECK(pins.lastStatus() == PinStatus::Deactivated);
}

TEST_CASE("Malformed secrets are refused before any APDU goes to the card", "[pin]") {
    InProcessCard sim;
    oa::test::RemovingCard counting(*sim.card, sim.backend, 1000);
    PinManagement pins(counting);
    CHECK(pins.changePin(secret("123456"), secret("12345")).error().code ==
          ErrorCode::InvalidInput);
    CHECK(pins.changePin(secret("123456"), secret("12a456")).error().code ==
          ErrorCode::InvalidInput);
    CHECK(pins.changePin(secret("1234567"), secret("123456")).error().code ==
          ErrorCode::InvalidInput);
    CHECK(pins.unblockPin(secret("123")).error().code == ErrorCode::InvalidInput);
    CHECK(pins.authenticateWithPin(secret("123456"), secret("12")).error().code ==
          ErrorCode::InvalidInput);
    CHECK(counting.sent() == 0);
}

TEST_CASE("A card pulled out during a PIN change ends it with a clear error", "[pin]") {
    InProcessCard sim;
    oa::test::RemovingCard removing(*sim.card, sim.backend, 4);
    PinManagement pins(removing);
    auto failed = pins.changePin(secret("123456"), secret("654321"));
    REQUIRE_FALSE(failed);
    CHECK(failed.error().code == ErrorCode::CardRemoved);
}

TEST_CASE(
    "With an emulator that answers 9000 to MSE:Set AT despite a wrong PIN, the state comes "
    "from the failed PACE",
    "[pin]") {
    // Card emulators differ from real cards here (card-protocols §8).
    class AlwaysReadyCard : public Card {
    public:
        explicit AlwaysReadyCard(Card& inner) : inner_(inner) {}
        Result<ResponseApdu> transmit(const CommandApdu& command) override {
            auto response = inner_.transmit(command);
            const bool setAt = command.ins() == 0x22 && command.p1() == 0xC1;
            if (response && setAt && response->isRetryCounter())
                return ResponseApdu(response->data(), StatusWord::Success);
            return response;
        }
        const Bytes& atr() const override { return inner_.atr(); }
        std::string readerName() const override { return inner_.readerName(); }

    private:
        Card& inner_;
    };
    InProcessCard sim(withRetryCounter(2));
    AlwaysReadyCard emulator(*sim.card);
    PinManagement pins(emulator);
    CHECK(pins.status()->status == PinStatus::Operational);  // what the emulator claims
    REQUIRE_FALSE(pins.authenticateWithPin(secret("111111")));
    CHECK(pins.lastStatus() == PinStatus::Suspended);  // GA 4 answered 63C1
}
