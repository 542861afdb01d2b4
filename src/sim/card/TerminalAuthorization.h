#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "base/Bytes.h"

namespace oa::sim {

// The card's view of what an authentication terminal may do: the 5-byte rights template of a CHAT
// (TR-03110-4 2.2.3.2, bit 0 = lowest bit of the last byte), already reduced to the effective
// rights (AND over the certificate chain and the CHAT of MSE:Set AT).
class TerminalAuthorization {
public:
    static constexpr int kAgeVerification = 0;
    static constexpr int kCommunityIdVerification = 1;
    static constexpr int kRestrictedIdentification = 2;
    static constexpr int kCanAllowed = 4;
    static constexpr int kPinManagement = 5;

    TerminalAuthorization() = default;
    // All bits granted: the starting point before the ANDs.
    static TerminalAuthorization everything();
    // From the template bytes (tag 53 value); nothing when it is not 5 bytes.
    static std::optional<TerminalAuthorization> fromTemplate(ByteView bytes);

    bool has(int bit) const;
    bool mayRead(int dataGroup) const { return has(7 + dataGroup); }
    bool mayWrite(int dataGroup) const { return dataGroup >= 17 && has(54 - dataGroup); }
    TerminalAuthorization restrictedTo(const TerminalAuthorization& other) const;
    // Role bits (top two) cleared, so only rights remain.
    Bytes rights() const;

private:
    std::array<std::uint8_t, 5> bits_{};
};

}  // namespace oa::sim
