#include <catch2/catch.hpp>

#include "sim/card/PinStateMachine.h"

using namespace oa;
using namespace oa::sim;

namespace {

PinStateMachine withCounter(int counter) {
    PinState state;
    state.retryCounter = counter;
    return PinStateMachine(state);
}

// One PACE run with the given password, as the card sees it at step 4.
StatusWord pace(PinStateMachine& pins, Password password, bool correct) {
    pins.paceStarted();
    return pins.paceFinished(password, correct);
}

}  // namespace

TEST_CASE("PIN: MSE:Set AT reports the retry counter as 9000, 63C2, 63C1, 63C0") {
    CHECK(withCounter(3).selectPassword(Password::Pin) == StatusWord::Success);
    CHECK(withCounter(2).selectPassword(Password::Pin) == StatusWord::PinRetry2);
    CHECK(withCounter(1).selectPassword(Password::Pin) == StatusWord::PinSuspended);
    CHECK(withCounter(0).selectPassword(Password::Pin) == StatusWord::PinBlocked);
}

TEST_CASE("PIN: choosing CAN or PUK reports nothing about the PIN") {
    auto pins = withCounter(0);
    CHECK(pins.selectPassword(Password::Can) == StatusWord::Success);
    CHECK(pins.selectPassword(Password::Puk) == StatusWord::Success);
}

TEST_CASE("PIN: a deactivated eID function answers 6283 on MSE:Set AT with the PIN") {
    PinState state;
    state.eidDeactivated = true;
    PinStateMachine pins(state);
    CHECK(pins.selectPassword(Password::Pin) == StatusWord::Deactivated);
    CHECK_FALSE(pins.eidUsable());
    pins.setEidActivated(true);
    CHECK(pins.selectPassword(Password::Pin) == StatusWord::Success);
    CHECK(pins.eidUsable());
}

TEST_CASE("PIN: each wrong PIN decrements the counter and answers the new counter") {
    PinStateMachine pins;
    CHECK(pace(pins, Password::Pin, false) == StatusWord::PinRetry2);
    CHECK(pins.state().retryCounter == 2);
    CHECK(pace(pins, Password::Pin, false) == StatusWord::PinSuspended);
    CHECK(pins.state().retryCounter == 1);
    CHECK_FALSE(pins.authenticatedPassword());
}

TEST_CASE("PIN: a correct PIN with counter 2 resets it to 3") {
    auto pins = withCounter(2);
    CHECK(pace(pins, Password::Pin, true) == StatusWord::Success);
    CHECK(pins.state().retryCounter == 3);
    CHECK(pins.authenticatedPassword() == Password::Pin);
}

TEST_CASE("PIN: a suspended PIN is not tried without CAN first, and keeps its counter") {
    auto pins = withCounter(1);
    CHECK(pace(pins, Password::Pin, true) == StatusWord::ConditionsOfUseNotSatisfied);
    CHECK(pace(pins, Password::Pin, false) == StatusWord::ConditionsOfUseNotSatisfied);
    CHECK(pins.state().retryCounter == 1);
    CHECK_FALSE(pins.authenticatedPassword());
}

TEST_CASE("PIN: after PACE with the CAN a suspended PIN may be tried and a correct one resumes") {
    auto pins = withCounter(1);
    CHECK(pace(pins, Password::Can, true) == StatusWord::Success);
    CHECK(pins.authenticatedPassword() == Password::Can);
    CHECK(pace(pins, Password::Pin, true) == StatusWord::Success);
    CHECK(pins.state().retryCounter == 3);
}

TEST_CASE("PIN: after PACE with the CAN a wrong suspended PIN blocks it") {
    auto pins = withCounter(1);
    REQUIRE(pace(pins, Password::Can, true) == StatusWord::Success);
    CHECK(pace(pins, Password::Pin, false) == StatusWord::PinBlocked);
    CHECK(pins.state().retryCounter == 0);
}

TEST_CASE("PIN: a wrong CAN does not resume a suspended PIN") {
    auto pins = withCounter(1);
    CHECK(pace(pins, Password::Can, false) == StatusWord::AuthenticationFailed);
    CHECK(pace(pins, Password::Pin, true) == StatusWord::ConditionsOfUseNotSatisfied);
}

TEST_CASE("PIN: the CAN resume lasts only for the session") {
    auto pins = withCounter(1);
    REQUIRE(pace(pins, Password::Can, true) == StatusWord::Success);
    pins.resetSession();
    CHECK(pace(pins, Password::Pin, true) == StatusWord::ConditionsOfUseNotSatisfied);
}

TEST_CASE("PIN: a blocked PIN answers 6983 even when correct") {
    auto pins = withCounter(0);
    CHECK(pace(pins, Password::Pin, true) == StatusWord::AuthenticationMethodBlocked);
    REQUIRE(pace(pins, Password::Can, true) == StatusWord::Success);
    CHECK(pace(pins, Password::Pin, true) == StatusWord::AuthenticationMethodBlocked);
}

TEST_CASE("PIN: a wrong CAN or PUK answers 6300 and changes no counter") {
    auto pins = withCounter(2);
    CHECK(pace(pins, Password::Can, false) == StatusWord::AuthenticationFailed);
    CHECK(pace(pins, Password::Puk, false) == StatusWord::AuthenticationFailed);
    CHECK(pins.state().retryCounter == 2);
    CHECK(pins.state().pukUsesLeft == 10);
}

TEST_CASE("PIN: PACE with the PUK and RESET RETRY COUNTER unblocks and uses up one PUK use") {
    auto pins = withCounter(0);
    REQUIRE(pace(pins, Password::Puk, true) == StatusWord::Success);
    CHECK(pins.unblockPin() == StatusWord::Success);
    CHECK(pins.state().retryCounter == 3);
    CHECK(pins.state().pukUsesLeft == 9);
    CHECK(pins.selectPassword(Password::Pin) == StatusWord::Success);
}

TEST_CASE("PIN: unblocking without PACE with the PUK is refused") {
    auto pins = withCounter(0);
    CHECK(pins.unblockPin() == StatusWord::SecurityStatusNotSatisfied);
    REQUIRE(pace(pins, Password::Can, true) == StatusWord::Success);
    CHECK(pins.unblockPin() == StatusWord::SecurityStatusNotSatisfied);
    REQUIRE(pace(pins, Password::Puk, false) == StatusWord::AuthenticationFailed);
    CHECK(pins.unblockPin() == StatusWord::SecurityStatusNotSatisfied);
    CHECK(pins.state().retryCounter == 0);
}

TEST_CASE("PIN: the PUK unblocks ten times, then it is inoperative") {
    auto pins = withCounter(0);
    REQUIRE(pace(pins, Password::Puk, true) == StatusWord::Success);
    for (int use = 0; use < 10; ++use) {
        CHECK(pins.unblockPin() == StatusWord::Success);
    }
    CHECK(pins.state().pukUsesLeft == 0);
    pace(pins, Password::Pin, false);
    pace(pins, Password::Pin, false);
    pace(pins, Password::Can, true);
    pace(pins, Password::Pin, false);
    REQUIRE(pins.state().retryCounter == 0);
    REQUIRE(pace(pins, Password::Puk, true) == StatusWord::Success);
    CHECK(pins.unblockPin() == StatusWord::SecurityStatusNotSatisfied);
    CHECK(pins.state().retryCounter == 0);
}

TEST_CASE("PIN: change PIN after PACE with the PIN sets the new PIN") {
    PinStateMachine pins;
    REQUIRE(pace(pins, Password::Pin, true) == StatusWord::Success);
    CHECK(pins.changePin(asciiBytes("654321")) == StatusWord::Success);
    CHECK(pins.secret(Password::Pin).bytes().size() == 6);
    CHECK(constantTimeEqual(pins.secret(Password::Pin).bytes(), asciiBytes("654321")));
}

TEST_CASE("PIN: change PIN needs PACE with the PIN and six digits") {
    PinStateMachine pins;
    CHECK(pins.changePin(asciiBytes("654321")) == StatusWord::SecurityStatusNotSatisfied);
    REQUIRE(pace(pins, Password::Can, true) == StatusWord::Success);
    CHECK(pins.changePin(asciiBytes("654321")) == StatusWord::SecurityStatusNotSatisfied);
    REQUIRE(pace(pins, Password::Pin, true) == StatusWord::Success);
    CHECK(pins.changePin(asciiBytes("65432")) == StatusWord::WrongLength);
    CHECK(pins.changePin(asciiBytes("65432A")) == StatusWord::WrongData);
    CHECK(constantTimeEqual(pins.secret(Password::Pin).bytes(), asciiBytes("123456")));
}

TEST_CASE("PIN: a transport PIN opens PACE but not the eID function until it is changed") {
    PinState state;
    state.transportPin = true;
    CardSecrets secrets;
    secrets.pin = SecureBytes::fromAscii("12345");
    PinStateMachine pins(state, secrets);
    CHECK_FALSE(pins.eidUsable());
    REQUIRE(pace(pins, Password::Pin, true) == StatusWord::Success);
    CHECK(pins.changePin(asciiBytes("424242")) == StatusWord::Success);
    CHECK_FALSE(pins.state().transportPin);
    CHECK(pins.eidUsable());
}

TEST_CASE("PIN: a wrong transport PIN counts like a wrong PIN") {
    PinState state;
    state.transportPin = true;
    PinStateMachine pins(state);
    CHECK(pace(pins, Password::Pin, false) == StatusWord::PinRetry2);
}

TEST_CASE("PIN: a new PACE run drops the password of the previous channel") {
    PinStateMachine pins;
    REQUIRE(pace(pins, Password::Pin, true) == StatusWord::Success);
    pins.paceStarted();
    CHECK_FALSE(pins.authenticatedPassword());
    CHECK(pins.changePin(asciiBytes("654321")) == StatusWord::SecurityStatusNotSatisfied);
}
