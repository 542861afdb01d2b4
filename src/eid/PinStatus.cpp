#include "eid/PinStatus.h"

namespace oa::eid {

PinStatusMessage pinStatusMessage(PinStatus status) {
    switch (status) {
        case PinStatus::Operational:
            return {status,
                    3,
                    PinNextStep::None,
                    "PIN ready",
                    "The PIN can be used. You have 3 tries.",
                    "Enter your 6-digit PIN."};
        case PinStatus::TwoTriesLeft:
            return {status,
                    2,
                    PinNextStep::EnterPinCarefully,
                    "2 tries left",
                    "A wrong PIN was entered before. You have 2 more tries.",
                    "Enter your 6-digit PIN carefully. After one more wrong PIN you will also "
                    "need the CAN printed on the front of the card."};
        case PinStatus::Suspended:
            return {status,
                    1,
                    PinNextStep::EnterCanThenPin,
                    "PIN suspended",
                    "The PIN was entered wrongly twice. One try is left, and it is protected by "
                    "the card access number (CAN).",
                    "Enter the 6-digit CAN printed on the front of the card, then your PIN. A "
                    "third wrong PIN blocks it."};
        case PinStatus::Blocked:
            return {status,
                    0,
                    PinNextStep::UnblockWithPuk,
                    "PIN blocked",
                    "The PIN was entered wrongly three times and is blocked.",
                    "Unblock it with the 10-digit PUK from your PIN letter "
                    "(openausweis-cli unblock-pin), then use your PIN again."};
        case PinStatus::PukInoperative:
            return {status,
                    0,
                    PinNextStep::ContactAuthority,
                    "PUK used up",
                    "The PIN is blocked and the PUK can no longer unblock it: it was used 10 "
                    "times.",
                    "Order a new PIN letter (PIN reset service) or ask your citizens' office to "
                    "set a new PIN."};
        case PinStatus::TransportPin:
            return {status,
                    -1,
                    PinNextStep::ChangeTransportPin,
                    "Transport PIN",
                    "This is the 5-digit transport PIN from your PIN letter. The online ID "
                    "function works only with your own 6-digit PIN.",
                    "Change the transport PIN to a 6-digit PIN of your choice "
                    "(openausweis-cli change-pin)."};
        case PinStatus::Deactivated:
            return {status,
                    -1,
                    PinNextStep::ActivateAtAuthority,
                    "Online ID function off",
                    "The online ID function of this card is switched off.",
                    "Ask your citizens' office to switch it on; the PIN cannot be used until "
                    "then."};
    }
    return pinStatusMessage(PinStatus::Operational);
}

PinStatus pinStatusFrom(eac::PinState state) {
    switch (state) {
        case eac::PinState::Operational:
            return PinStatus::Operational;
        case eac::PinState::OneFailure:
            return PinStatus::TwoTriesLeft;
        case eac::PinState::Suspended:
            return PinStatus::Suspended;
        case eac::PinState::Blocked:
            return PinStatus::Blocked;
        case eac::PinState::Deactivated:
            return PinStatus::Deactivated;
    }
    return PinStatus::Operational;
}

const char* toString(PinStatus status) {
    switch (status) {
        case PinStatus::Operational:
            return "operational";
        case PinStatus::TwoTriesLeft:
            return "two-tries-left";
        case PinStatus::Suspended:
            return "suspended";
        case PinStatus::Blocked:
            return "blocked";
        case PinStatus::PukInoperative:
            return "puk-inoperative";
        case PinStatus::TransportPin:
            return "transport-pin";
        case PinStatus::Deactivated:
            return "deactivated";
    }
    return "unknown";
}

}  // namespace oa::eid
