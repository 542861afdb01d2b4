#include "sim/card/VirtualCard.h"

#include "sim/card/EfCardAccess.h"
#include "sim/card/EfDir.h"
#include "sim/card/FileCommands.h"

namespace oa {
namespace {

constexpr std::uint8_t kInsSelect = 0xA4;
constexpr std::uint8_t kInsReadBinary = 0xB0;

constexpr std::uint16_t kEfCardAccess = 0x011C;
constexpr std::uint8_t kSfiCardAccess = 0x1C;
constexpr std::uint16_t kEfDir = 0x2F00;
constexpr std::uint8_t kSfiDir = 0x1E;

ResponseApdu status(StatusWord sw) {
    return ResponseApdu({}, sw);
}

// Interindustry class with chaining (b5) and secure messaging (b4b3) bits, or the proprietary
// class 80 the eID card uses for VERIFY of auxiliary data.
bool supportedClass(std::uint8_t cla) {
    const std::uint8_t base = cla & static_cast<std::uint8_t>(~0x1C);
    return base == 0x00 || base == 0x80;
}

}  // namespace

VirtualCard::VirtualCard() : VirtualCard(sim::CardCryptoProfile{}) {}

VirtualCard::VirtualCard(const sim::CardCryptoProfile& crypto)
    : crypto_(crypto), atr_(defaultAtr()) {
    buildFileSystem();
}

Bytes VirtualCard::defaultAtr() {
    // T=1, IFSC 254, historical bytes of the nPA; TCK makes the XOR of T0..TCK zero.
    return hexBytes("3B8A80018031F873F741E082900075");
}

void VirtualCard::buildFileSystem() {
    files_.addFile({kEfCardAccess, kSfiCardAccess, sim::encodeEfCardAccess(crypto_),
                    sim::ReadAccess::Always, 0});
    files_.addFile({kEfDir, kSfiDir, sim::encodeEfDir(), sim::ReadAccess::Always, 0});
    files_.addApplication({sim::epassApplicationId(), {}});
    files_.addApplication({sim::eidApplicationId(), {}});
    files_.addApplication({sim::esignApplicationId(), {}});
}

Bytes VirtualCard::process(ByteView command) {
    std::lock_guard lock(mutex_);
    const auto apdu = CommandApdu::parse(command);
    if (!apdu) return status(StatusWord::WrongLength).encode();
    return dispatch(*apdu).encode();
}

void VirtualCard::reset() {
    std::lock_guard lock(mutex_);
    files_.selectMasterFile();
}

ResponseApdu VirtualCard::dispatch(const CommandApdu& command) {
    if (!supportedClass(command.cla())) return status(StatusWord::ClaNotSupported);
    switch (command.ins()) {
        case kInsSelect:
            return sim::selectFile(files_, command);
        case kInsReadBinary:
            return sim::readBinary(files_, command,
                                   [this](const sim::ElementaryFile& f) { return mayRead(f); });
        default:
            return status(StatusWord::InsNotSupported);
    }
}

StatusWord VirtualCard::mayRead(const sim::ElementaryFile& file) const {
    if (file.access == sim::ReadAccess::Always) return StatusWord::Success;
    return StatusWord::SecurityStatusNotSatisfied;
}

}  // namespace oa
