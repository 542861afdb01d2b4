#include "sim/card/VirtualCard.h"

namespace oa {
namespace {

constexpr std::uint8_t kInsGeneralAuthenticate = 0x86;
// What the card keeps of a chained command; more is refused rather than buffered.
constexpr std::size_t kMaxChainedData = 4096;
// ISO/IEC 7816-4 SW 6883: last command of the chain expected.
constexpr auto kLastCommandOfChainExpected = static_cast<StatusWord>(0x6883);

ResponseApdu status(StatusWord sw) {
    return ResponseApdu({}, sw);
}

// Only the classes the card knows (00 and 80 with chaining and SM bits) say anything about
// chaining; the others go straight to their refusal.
bool knownClass(std::uint8_t cla) {
    const std::uint8_t base = cla & static_cast<std::uint8_t>(~0x1C);
    return base == 0x00 || base == 0x80;
}

}  // namespace

// ISO/IEC 7816-4 5.1.1.1: every part but the last carries CLA b5 and is answered 9000; the card
// acts on the whole data when the last part arrives. Under secure messaging each part was
// protected on its own and is already plain here. GENERAL AUTHENTICATE uses the chaining bit to
// link protocol steps (PACE), each of which the card answers in full, so it is never reassembled.
ResponseApdu VirtualCard::receive(const CommandApdu& command) {
    if (!knownClass(command.cla())) {
        chain_.reset();
        return dispatch(command);
    }
    const bool more = command.isChained() && command.ins() != kInsGeneralAuthenticate;
    if (!chain_ && !more) return dispatch(command);
    const auto cla = static_cast<std::uint8_t>(command.cla() & ~CommandApdu::kChainingBit);
    if (chain_ && (chain_->cla != cla || chain_->ins != command.ins() ||
                   chain_->p1 != command.p1() || chain_->p2 != command.p2())) {
        chain_.reset();
        return status(kLastCommandOfChainExpected);
    }
    if (!chain_) chain_ = PendingChain{cla, command.ins(), command.p1(), command.p2(), {}};
    if (chain_->data.size() + command.data().size() > kMaxChainedData) {
        chain_.reset();
        return status(StatusWord::WrongLength);
    }
    append(chain_->data, command.data());
    if (more) return status(StatusWord::Success);
    CommandApdu whole(cla, command.ins(), command.p1(), command.p2(), std::move(chain_->data),
                      command.le());
    chain_.reset();
    return dispatch(whole);
}

}  // namespace oa
