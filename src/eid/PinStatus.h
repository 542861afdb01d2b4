#pragma once

#include <optional>
#include <string>

#include "eac/PinState.h"

namespace oa::eid {

// What the user needs to know about the PIN, from the card's answer to MSE:Set AT (card-protocols
// §6.3) or from what an operation found out (a 5-digit PIN, a PUK the card refuses).
enum class PinStatus {
    Operational,     // three tries
    TwoTriesLeft,    // one wrong PIN so far
    Suspended,       // one try left, only after the CAN
    Blocked,         // no tries left: unblock with the PUK
    PukInoperative,  // the PUK was used up (10 times): a new PIN letter or a new card
    TransportPin,    // the 5-digit PIN of the PIN letter: replace it with an own 6-digit PIN first
    Deactivated,     // the online ID function is switched off
};

// What to do next, for a GUI to pick the right screen and a CLI the right hint.
enum class PinNextStep {
    None,                 // go ahead with the PIN
    EnterPinCarefully,    // go ahead, the tries are running out
    EnterCanThenPin,      // PACE with the CAN, then the PIN in the same session
    UnblockWithPuk,       // PACE with the PUK, then RESET RETRY COUNTER
    ContactAuthority,     // new PIN letter (PIN reset service) or citizens' office
    ChangeTransportPin,   // change PIN: 5-digit transport PIN -> own 6-digit PIN
    ActivateAtAuthority,  // citizens' office switches the online ID function on
};

struct PinStatusMessage {
    PinStatus status = PinStatus::Operational;
    int triesLeft = 3;  // -1 when the card does not say (deactivated, transport PIN unknown)
    PinNextStep nextStep = PinNextStep::None;
    std::string title;         // one short line ("PIN blocked")
    std::string message;       // what this means for the user
    std::string nextStepText;  // what to do, in words
    bool pinUsable() const {
        return nextStep == PinNextStep::None || nextStep == PinNextStep::EnterPinCarefully;
    }
};

PinStatusMessage pinStatusMessage(PinStatus status);
PinStatus pinStatusFrom(eac::PinState state);
const char* toString(PinStatus status);  // stable English key for logs and scripts ("blocked")

}  // namespace oa::eid
