#include "eac/PinState.h"

namespace oa::eac {

std::optional<PinState> pinStateFromStatusWord(std::uint16_t sw) {
    switch (sw) {
        case 0x9000:
            return PinState::Operational;
        case 0x63C2:
            return PinState::OneFailure;
        case 0x63C1:
            return PinState::Suspended;
        case 0x63C0:
            return PinState::Blocked;
        case 0x6283:
            return PinState::Deactivated;
        default:
            return std::nullopt;
    }
}

int retryCounter(PinState state) {
    switch (state) {
        case PinState::Operational:
            return 3;
        case PinState::OneFailure:
            return 2;
        case PinState::Suspended:
            return 1;
        case PinState::Blocked:
            return 0;
        case PinState::Deactivated:
            return -1;
    }
    return -1;
}

}  // namespace oa::eac
