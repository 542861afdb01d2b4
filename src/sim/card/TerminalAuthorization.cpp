#include "sim/card/TerminalAuthorization.h"

namespace oa::sim {

TerminalAuthorization TerminalAuthorization::everything() {
    TerminalAuthorization all;
    all.bits_.fill(0xFF);
    return all;
}

std::optional<TerminalAuthorization> TerminalAuthorization::fromTemplate(ByteView bytes) {
    if (bytes.size() != 5) return std::nullopt;
    TerminalAuthorization authorization;
    std::copy(bytes.begin(), bytes.end(), authorization.bits_.begin());
    return authorization;
}

bool TerminalAuthorization::has(int bit) const {
    if (bit < 0 || bit >= 38) return false;  // 38 and 39 are the role
    const std::size_t byte = bits_.size() - 1 - static_cast<std::size_t>(bit / 8);
    return (bits_[byte] >> (bit % 8)) & 1;
}

TerminalAuthorization TerminalAuthorization::restrictedTo(
    const TerminalAuthorization& other) const {
    TerminalAuthorization both;
    for (std::size_t i = 0; i < bits_.size(); ++i)
        both.bits_[i] = bits_[i] & other.bits_[i];
    return both;
}

Bytes TerminalAuthorization::rights() const {
    Bytes out(bits_.begin(), bits_.end());
    out[0] &= 0x3F;
    return out;
}

}  // namespace oa::sim
