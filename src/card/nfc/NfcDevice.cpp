#include "card/nfc/NfcDevice.h"

#include <nfc/nfc.h>

#include <cstring>

#include "card/nfc/IsoDepLink.h"

namespace oa::nfc {
namespace {

// Long enough for the chip's slowest operations (CA, signature checks on older cards); the card
// asks for more time with S(WTX), which the PN53x handles itself.
constexpr int kExchangeTimeoutMs = 5000;
constexpr std::size_t kMaxResponse = 65536 + 2;
constexpr std::size_t kMaxBlock = 262;

// PC/SC part 3 §3.1.3.2.3: a contactless ISO 14443-4 card's ATR is 3B 8n 80 01, the n
// historical bytes (Type A: from the ATS; Type B: application data and protocol info), TCK.
Bytes pcscAtr(ByteView historical) {
    const auto n = std::min<std::size_t>(historical.size(), 15);
    Bytes atr{0x3B, static_cast<std::uint8_t>(0x80 | n), 0x80, 0x01};
    for (std::size_t i = 0; i < n; ++i)
        atr.push_back(historical[i]);
    std::uint8_t check = 0;
    for (std::size_t i = 1; i < atr.size(); ++i)
        check ^= atr[i];
    atr.push_back(check);
    return atr;
}

// The ATS as libnfc gives it starts at T0: TA, TB, TC follow when b5, b6, b7 say so.
Bytes historicalBytesOfAts(const std::uint8_t* ats, std::size_t size) {
    if (size == 0) return {};
    std::size_t offset = 1;
    for (std::uint8_t bit : {0x10, 0x20, 0x40})
        if (ats[0] & bit) ++offset;
    if (offset >= size) return {};
    return Bytes(ats + offset, ats + size);
}

}  // namespace

std::shared_ptr<nfc_context> openContext() {
    nfc_context* context = nullptr;
    nfc_init(&context);
    if (!context) return nullptr;
    return std::shared_ptr<nfc_context>(context, nfc_exit);
}

struct NfcDevice::Target {
    nfc_target target;
    std::size_t cardFrameSize = 256;
    std::uint8_t blockNumber = 0;
    std::optional<std::uint8_t> cid;
};

Result<std::shared_ptr<NfcDevice>> NfcDevice::open(std::shared_ptr<nfc_context> context,
                                                   const std::string& connstring) {
    nfc_connstring name{};
    std::strncpy(name, connstring.c_str(), sizeof name - 1);
    nfc_device* device = nfc_open(context.get(), name);
    if (!device) {
        return makeError(ErrorCode::NoReader, "The NFC reader could not be opened",
                         "nfc_open " + connstring + " failed");
    }
    if (nfc_initiator_init(device) < 0 ||
        // Selecting must give up at once when the field is empty, or polling would block.
        nfc_device_set_property_bool(device, NP_INFINITE_SELECT, false) < 0 ||
        nfc_device_set_property_bool(device, NP_AUTO_ISO14443_4, true) < 0) {
        std::string detail =
            std::string("initiator mode on ") + connstring + ": " + nfc_strerror(device);
        nfc_close(device);
        return makeError(ErrorCode::NoReader, "The NFC reader could not be used", detail);
    }
    return std::shared_ptr<NfcDevice>(new NfcDevice(std::move(context), device, connstring));
}

NfcDevice::NfcDevice(std::shared_ptr<nfc_context> context, nfc_device* device,
                     std::string connstring)
    : context_(std::move(context)), device_(device), connstring_(std::move(connstring)) {
    readerName_ = std::string(nfc_device_get_name(device_)) + " (" + connstring_ + ")";
}

NfcDevice::~NfcDevice() {
    std::lock_guard lock(ioMutex_);
    nfc_close(device_);
}

bool NfcDevice::gone() const {
    std::lock_guard lock(stateMutex_);
    return gone_;
}

FieldState NfcDevice::lastSeen() const {
    std::lock_guard lock(stateMutex_);
    return state_;
}

Result<FieldState> NfcDevice::poll() {
    std::unique_lock io(ioMutex_, std::try_to_lock);
    if (!io.owns_lock()) return lastSeen();  // an exchange is running: the card is there
    if (gone()) {
        return makeError(ErrorCode::NoReader, "The NFC reader was disconnected",
                         connstring_ + " is gone");
    }
    if (target_ && !checkKnownTarget()) forgetTarget();
    if (!target_) selectTarget();
    if (gone()) {
        return makeError(ErrorCode::NoReader, "The NFC reader was disconnected",
                         connstring_ + " stopped answering");
    }
    return lastSeen();
}

bool NfcDevice::checkKnownTarget() {
    const int result = nfc_initiator_target_is_present(device_, &target_->target);
    if (result == NFC_EIO || result == NFC_ENOTSUCHDEV) {
        std::lock_guard lock(stateMutex_);
        gone_ = true;
    }
    return result == NFC_SUCCESS;
}

void NfcDevice::forgetTarget() {
    target_.reset();
    std::lock_guard lock(stateMutex_);
    state_.cardPresent = false;
    state_.atr.clear();
}

bool NfcDevice::selectTarget() {
    for (const nfc_modulation_type type : {NMT_ISO14443A, NMT_ISO14443B}) {
        auto found = std::make_unique<Target>();
        const nfc_modulation modulation{type, NBR_106};
        const int result =
            nfc_initiator_select_passive_target(device_, modulation, nullptr, 0, &found->target);
        if (result == NFC_EIO || result == NFC_ENOTSUCHDEV) {
            std::lock_guard lock(stateMutex_);
            gone_ = true;
            return false;
        }
        if (result <= 0) continue;
        Bytes atr;
        if (type == NMT_ISO14443A) {
            const auto& info = found->target.nti.nai;
            // Only ISO 14443-4 cards (SAK b6) carry APDUs; a MIFARE tag is not an ID card.
            if ((info.btSak & 0x20) == 0) continue;
            atr = pcscAtr(historicalBytesOfAts(info.abtAts, info.szAtsLen));
            if (info.szAtsLen > 0)
                found->cardFrameSize = IsoDepLink::frameSizeFromIndex(info.abtAts[0] & 0x0F);
        } else {
            const auto& info = found->target.nti.nbi;
            if ((info.abtProtocolInfo[1] & 0x01) == 0) continue;
            Bytes historical(info.abtApplicationData, info.abtApplicationData + 4);
            historical.insert(historical.end(), info.abtProtocolInfo, info.abtProtocolInfo + 3);
            historical.push_back(0x00);  // MBLI unknown
            found->cardFrameSize = IsoDepLink::frameSizeFromIndex(info.abtProtocolInfo[1] >> 4);
            // The PN53x's ATTRIB gives a card that supports CIDs the CID 1 (libnfc's own
            // presence check addresses it so); such a card ignores blocks without it.
            if (info.abtProtocolInfo[2] & 0x01) found->cid = 1;
            atr = pcscAtr(historical);
        }
        target_ = std::move(found);
        std::lock_guard lock(stateMutex_);
        state_.cardPresent = true;
        state_.atr = std::move(atr);
        ++state_.insertion;
        return true;
    }
    return false;
}

Result<Bytes> NfcDevice::exchange(std::uint64_t insertion, ByteView command) {
    std::lock_guard io(ioMutex_);
    {
        std::lock_guard lock(stateMutex_);
        if (gone_) {
            return makeError(ErrorCode::NoReader, "The NFC reader was disconnected",
                             connstring_ + " is gone");
        }
        if (!state_.cardPresent || state_.insertion != insertion) {
            return makeError(ErrorCode::CardRemoved, "The ID card was removed",
                             "the card left the field of " + connstring_);
        }
    }
    if (command.size() > kMaxResponse) {
        return makeError(ErrorCode::Unsupported, "The NFC reader cannot send this command",
                         std::to_string(command.size()) + "-byte APDU");
    }
    // Raw blocks: the chip adds the CRC but leaves the ISO 14443-4 framing to IsoDepLink.
    nfc_device_set_property_bool(device_, NP_EASY_FRAMING, false);
    int failedWith = NFC_SUCCESS;
    IsoDepLink link(
        [&](ByteView block) -> Result<Bytes> {
            Bytes answer(kMaxBlock);
            const int received =
                nfc_initiator_transceive_bytes(device_, block.data(), block.size(), answer.data(),
                                               answer.size(), kExchangeTimeoutMs);
            if (received < 0) {
                failedWith = received;
                return makeError(ErrorCode::Unknown, "", "");
            }
            answer.resize(static_cast<std::size_t>(received));
            return answer;
        },
        target_->cardFrameSize, target_->blockNumber, target_->cid);
    auto response = link.transceive(command);
    target_->blockNumber = link.blockNumber();
    nfc_device_set_property_bool(device_, NP_EASY_FRAMING, true);
    if (failedWith != NFC_SUCCESS) return failure(failedWith, "nfc_initiator_transceive_bytes");
    // Block numbers out of step cannot be repaired within the session: the card is selected
    // afresh at the next poll, and this connection ends.
    if (!response) forgetTarget();
    return response;
}

Error NfcDevice::failure(int code, const std::string& operation) {
    const std::string detail = operation + " on " + connstring_ + ": " + nfc_strerror(device_) +
                               " (" + std::to_string(code) + ")";
    if (code == NFC_EIO || code == NFC_ENOTSUCHDEV) {
        std::lock_guard lock(stateMutex_);
        gone_ = true;
        state_.cardPresent = false;
        return makeError(ErrorCode::NoReader, "The NFC reader was disconnected", detail);
    }
    if (code == NFC_ERFTRANS || code == NFC_ETGRELEASED || code == NFC_ETIMEOUT) {
        // A contactless card that stops answering has left the field (or been moved too far).
        forgetTarget();
        return makeError(ErrorCode::CardRemoved, "The ID card was removed", detail);
    }
    return makeError(ErrorCode::CardError, "The NFC reader reported an error", detail);
}

}  // namespace oa::nfc
