// PIN management and self-authentication on a comfort reader (tests/common/ComfortReader.h):
// every secret is typed on the reader's pinpad, the reader runs PACE and protects the APDUs, and
// the host never sees a PIN, CAN or PUK.
#include <catch2/catch.hpp>

#include "ComfortReader.h"
#include "InProcessCard.h"
#include "TestTerminal.h"
#include "eac/CardAccessReader.h"
#include "eid/PinManagement.h"
#include "eid/SelfAuthentication.h"

using namespace oa;
using namespace oa::eid;
using oa::test::ComfortReader;
using oa::test::InProcessCard;
using oa::test::Pinpad;
using oa::test::secret;

namespace {

using Prompt = Pinpad::Prompt;

sim::CardProfile withRetryCounter(int counter) {
    sim::CardProfile profile = sim::defaultProfile();
    profile.pinState.retryCounter = counter;
    return profile;
}

// Nothing the host sent holds these digits, and no VERIFY went out.
void checkNoSecretsFromHost(ComfortReader& reader, std::vector<const char*> secrets) {
    auto& traffic = reader.traffic();
    for (const char* digits : secrets) {
        INFO(digits);
        CHECK_FALSE(traffic.contains(asciiBytes(digits)));
    }
    CHECK_FALSE(traffic.sentPlainIns(0x20));
}

std::string describe(const Error& error) {
    return error.message + " | " + error.detail;
}

}  // namespace

TEST_CASE("PIN status on a comfort reader costs no try and needs no pinpad", "[comfort][pin]") {
    InProcessCard sim(withRetryCounter(2));
    ComfortReader reader(*sim.card);
    PinManagement pins(reader);
    auto status = pins.status();
    REQUIRE(status);
    CHECK(status->status == PinStatus::TwoTriesLeft);
    CHECK(reader.pinpad().prompts().empty());
}

TEST_CASE("PACE with the PIN on the pinpad: the host never sees it", "[comfort][pin]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    reader.pinpad().type("123456");
    PinManagement pins(reader);
    auto paced = pins.authenticateWithPin(SecureBytes());
    INFO((paced ? "" : describe(paced.error())));
    REQUIRE(paced);
    CHECK(paced->readerSecureMessaging);
    CHECK(pins.lastStatus() == PinStatus::Operational);
    CHECK(reader.pinpad().prompts() == std::vector<Prompt>{Prompt::Pin});
    checkNoSecretsFromHost(reader, {"123456"});
}

TEST_CASE("A wrong PIN on the pinpad tells the tries left", "[comfort][pin]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    reader.pinpad().type("111111");
    PinManagement pins(reader);
    auto wrong = pins.authenticateWithPin(SecureBytes());
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::AuthenticationFailed);
    CHECK(wrong.error().message.find("The PIN is wrong") == 0);
    CHECK(wrong.error().message.find("2 more tries") != std::string::npos);
    CHECK(pins.lastStatus() == PinStatus::TwoTriesLeft);
    CHECK(sim.virtualCard->pinState().retryCounter == 2);

    reader.pinpad().type("111111");
    auto again = pins.authenticateWithPin(SecureBytes());
    REQUIRE_FALSE(again);
    CHECK(pins.lastStatus() == PinStatus::Suspended);
    CHECK(again.error().message.find("card access number") != std::string::npos);
    checkNoSecretsFromHost(reader, {"111111"});
}

TEST_CASE("A suspended PIN resumes with the CAN and then the PIN, both on the pinpad",
          "[comfort][pin]") {
    InProcessCard sim(withRetryCounter(1));
    ComfortReader reader(*sim.card);
    reader.pinpad().type("500540");
    reader.pinpad().type("123456");
    PinManagement pins(reader);
    auto resumed = pins.authenticateWithPin(SecureBytes(), SecureBytes());
    INFO((resumed ? "" : describe(resumed.error())));
    REQUIRE(resumed);
    CHECK(reader.pinpad().prompts() == std::vector<Prompt>{Prompt::Can, Prompt::Pin});
    CHECK(pins.lastStatus() == PinStatus::Operational);
    CHECK(sim.virtualCard->pinState().retryCounter == 3);
    checkNoSecretsFromHost(reader, {"500540", "123456"});
}

TEST_CASE("A wrong CAN on the pinpad is named as the CAN", "[comfort][pin]") {
    InProcessCard sim(withRetryCounter(1));
    ComfortReader reader(*sim.card);
    reader.pinpad().type("000000");
    PinManagement pins(reader);
    auto wrong = pins.authenticateWithPin(SecureBytes(), SecureBytes());
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().message == "The CAN is wrong");
    CHECK(sim.virtualCard->pinState().retryCounter == 1);
}

TEST_CASE("PIN change with the current and the new PIN on the pinpad, then the new PIN works",
          "[comfort][pin]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    reader.pinpad().type("123456");
    reader.pinpad().type("654321");
    reader.pinpad().type("654321");
    PinManagement pins(reader);
    auto changed = pins.changePin(SecureBytes(), SecureBytes());
    INFO((changed ? "" : describe(changed.error())));
    REQUIRE(changed);
    CHECK(reader.pinpad().prompts() ==
          std::vector<Prompt>{Prompt::Pin, Prompt::NewPin, Prompt::NewPinAgain});
    CHECK(pins.lastStatus() == PinStatus::Operational);
    CHECK_FALSE(reader.channelOpen());  // the reader was told to end its channel
    checkNoSecretsFromHost(reader, {"123456", "654321"});
    CHECK_FALSE(reader.traffic().sentPlainIns(0x2C));  // the reader sent the new PIN itself

    // The new PIN opens the card, on the pinpad and on the keyboard; the old one no longer.
    reader.pinpad().type("654321");
    CHECK(PinManagement(reader).authenticateWithPin(SecureBytes()));
    CHECK(PinManagement(*sim.card).authenticateWithPin(secret("654321")));
    CHECK_FALSE(PinManagement(*sim.card).authenticateWithPin(secret("123456")));
}

TEST_CASE("PIN change: two different new PINs on the pinpad change nothing", "[comfort][pin]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    reader.pinpad().type("123456");
    reader.pinpad().type("654321");
    reader.pinpad().type("654320");
    PinManagement pins(reader);
    auto changed = pins.changePin(SecureBytes(), SecureBytes());
    REQUIRE_FALSE(changed);
    CHECK(changed.error().code == ErrorCode::InvalidInput);
    CHECK(changed.error().message == "The two new PINs typed on the reader were different.");
    CHECK(pins.lastStatus() == PinStatus::Operational);
    CHECK(PinManagement(*sim.card).authenticateWithPin(secret("123456")));
}

TEST_CASE("PIN change: cancel and timeout on the pinpad end it cleanly", "[comfort][pin]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    SECTION("cancel at the current PIN") {
        reader.pinpad().cancel();
        PinManagement pins(reader);
        auto changed = pins.changePin(SecureBytes(), SecureBytes());
        REQUIRE_FALSE(changed);
        CHECK(changed.error().code == ErrorCode::Cancelled);
        CHECK(changed.error().message == "The PIN entry was cancelled on the reader.");
        CHECK(sim.virtualCard->pinState().retryCounter == 3);
    }
    SECTION("cancel at the new PIN") {
        reader.pinpad().type("123456");
        reader.pinpad().cancel();
        PinManagement pins(reader);
        auto changed = pins.changePin(SecureBytes(), SecureBytes());
        REQUIRE_FALSE(changed);
        CHECK(changed.error().code == ErrorCode::Cancelled);
        CHECK(pins.lastStatus() == PinStatus::Operational);
    }
    SECTION("timeout at the repeated new PIN") {
        reader.pinpad().type("123456");
        reader.pinpad().type("654321");
        reader.pinpad().timeOut();
        PinManagement pins(reader);
        auto changed = pins.changePin(SecureBytes(), SecureBytes());
        REQUIRE_FALSE(changed);
        CHECK(changed.error().code == ErrorCode::Timeout);
    }
    CHECK_FALSE(reader.channelOpen());
    // Nothing changed: the old PIN still opens the card.
    CHECK(PinManagement(*sim.card).authenticateWithPin(secret("123456")));
}

TEST_CASE("PIN change with a wrong current PIN on the pinpad counts the try", "[comfort][pin]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    reader.pinpad().type("000000");
    PinManagement pins(reader);
    auto changed = pins.changePin(SecureBytes(), SecureBytes());
    REQUIRE_FALSE(changed);
    CHECK(changed.error().code == ErrorCode::AuthenticationFailed);
    CHECK(pins.lastStatus() == PinStatus::TwoTriesLeft);
    // The reader never asked for a new PIN.
    CHECK(reader.pinpad().prompts() == std::vector<Prompt>{Prompt::Pin});
}

TEST_CASE("A blocked PIN is unblocked with the PUK on the pinpad", "[comfort][pin]") {
    InProcessCard sim(withRetryCounter(0));
    ComfortReader reader(*sim.card);
    PinManagement pins(reader);
    reader.pinpad().type("123456");
    auto whileBlocked = pins.authenticateWithPin(SecureBytes());
    REQUIRE_FALSE(whileBlocked);
    CHECK(whileBlocked.error().message.find("PUK") != std::string::npos);
    CHECK(pins.lastStatus() == PinStatus::Blocked);

    reader.pinpad().type("1111111111");
    auto wrongPuk = pins.unblockPin(SecureBytes());
    REQUIRE_FALSE(wrongPuk);
    CHECK(wrongPuk.error().message == "The PUK is wrong");

    reader.pinpad().type("9876543210");
    auto unblocked = pins.unblockPin(SecureBytes());
    INFO((unblocked ? "" : describe(unblocked.error())));
    REQUIRE(unblocked);
    CHECK(pins.lastStatus() == PinStatus::Operational);
    CHECK(sim.virtualCard->pinState().retryCounter == 3);
    CHECK(sim.virtualCard->pinState().pukUsesLeft == 9);
    checkNoSecretsFromHost(reader, {"9876543210", "1111111111"});
    CHECK(reader.pinpad().prompts().back() == Prompt::Puk);
}

TEST_CASE("Cancel on the pinpad during PACE is reported as cancelled, no try spent",
          "[comfort][pin]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    reader.pinpad().cancel();
    PinManagement pins(reader);
    auto cancelled = pins.authenticateWithPin(SecureBytes());
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().code == ErrorCode::Cancelled);
    CHECK(sim.virtualCard->pinState().retryCounter == 3);
}

TEST_CASE("A card pulled out during the reader's PACE ends it as card removed", "[comfort][pin]") {
    InProcessCard sim;
    // The reader's own APDUs: SELECT, READ EF.CardAccess, MSE:Set AT, then the GA steps.
    const int removeAt = GENERATE(1, 2, 3, 4, 6);
    oa::test::RemovingCard removing(*sim.card, sim.backend, removeAt);
    ComfortReader reader(removing);
    PinManagement pins(reader, [&] {
        // EF.CardAccess as read before the card went in the reader's PACE.
        InProcessCard other;
        auto infos = eac::readCardAccess(*other.card);
        REQUIRE(infos);
        auto chosen = infos->choosePace();
        REQUIRE(chosen);
        return *chosen;
    }());
    auto paced = pins.authenticateWithPin(SecureBytes());
    INFO(removeAt);
    REQUIRE_FALSE(paced);
    CHECK(paced.error().code == ErrorCode::CardRemoved);
    CHECK(paced.error().message == "The card was removed.");
}

TEST_CASE("Self-authentication on a comfort reader: PIN on the pinpad, CA keys on the host",
          "[comfort][selfauth]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    reader.pinpad().type("123456");
    SelfAuthentication session(reader, oa::test::testTerminal(), oa::test::testCscaOnly());
    SelfAuthenticationRequest request;
    request.dataGroups = {DataGroup::DG4, DataGroup::DG5, DataGroup::DG17};
    auto result = session.run(request);
    INFO((result ? "" : describe(result.error())));
    REQUIRE(result);
    CHECK(result->data.givenNames == "ERIKA");
    CHECK(result->data.familyNames == "MUSTERMANN");
    CHECK(sim.virtualCard->chipAuthenticated());
    CHECK(session.pinStatus() == PinStatus::Operational);
    REQUIRE(reader.lastInput);
    CHECK_FALSE(reader.lastInput->chat.empty());
    checkNoSecretsFromHost(reader, {"123456"});
    // After CA the host protected the reads itself: the reader passed them on.
    const auto commands = reader.traffic().commands();
    CHECK(std::any_of(commands.begin(), commands.end(),
                      [](const Bytes& apdu) { return apdu[0] == 0x0C && apdu[1] == 0xB0; }));
}

TEST_CASE(
    "Self-authentication on a comfort reader with a suspended PIN: CAN then PIN on the pinpad",
    "[comfort][selfauth]") {
    InProcessCard sim(withRetryCounter(1));
    ComfortReader reader(*sim.card);
    reader.pinpad().type("500540");
    reader.pinpad().type("123456");
    SelfAuthentication session(reader, oa::test::testTerminal(), oa::test::testCscaOnly());
    SelfAuthenticationRequest request;
    request.dataGroups = {DataGroup::DG5};
    request.can = SecureBytes();
    auto result = session.run(request);
    INFO((result ? "" : describe(result.error())));
    REQUIRE(result);
    CHECK(result->data.familyNames == "MUSTERMANN");
    CHECK(reader.pinpad().prompts() == std::vector<Prompt>{Prompt::Can, Prompt::Pin});
}

TEST_CASE("PIN status, then PACE on the pinpad over the same connection", "[comfort][pin]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    PinManagement pins(reader);
    REQUIRE(pins.status());
    auto paced = pins.authenticateWithPin(SecureBytes());
    INFO((paced ? "" : describe(paced.error())) << " reader: " << reader.lastFailure);
    REQUIRE(paced);
}

TEST_CASE("No PIN typed on the pinpad in time ends PACE as a timeout, no try spent",
          "[comfort][pin]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    reader.pinpad().timeOut();
    PinManagement pins(reader);
    auto late = pins.authenticateWithPin(SecureBytes());
    REQUIRE_FALSE(late);
    CHECK(late.error().code == ErrorCode::Timeout);
    CHECK(late.error().message == "No PIN was entered on the reader in time.");
    CHECK(sim.virtualCard->pinState().retryCounter == 3);
    // A PIN change needs the current PIN on the pinpad when the new one is typed there.
    auto mixed = pins.changePin(secret("123456"), SecureBytes());
    REQUIRE_FALSE(mixed);
    CHECK(mixed.error().code == ErrorCode::InvalidInput);
}
