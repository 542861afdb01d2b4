#include "card/pcsc/PcscBackend.h"

#include <algorithm>

#include "card/pcsc/PcscCard.h"
#include "card/pcsc/PcscContext.h"
#include "card/pcsc/PcscError.h"
#include "card/pcsc/ReaderFeatures.h"

namespace oa {
namespace {

// pcsc-lite reports reader plug and unplug as a change on this pseudo-reader.
constexpr const char* kPnpNotification = "\\\\?PnP?\\Notification";

SCARD_READERSTATE unawareState(const std::string& reader) {
    SCARD_READERSTATE state{};
    state.szReader = reader.c_str();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    return state;
}

ReaderInfo toReaderInfo(const SCARD_READERSTATE& state) {
    ReaderInfo info;
    info.name = state.szReader;
    info.backend = "pcsc";
    info.cardPresent = (state.dwEventState & SCARD_STATE_PRESENT) != 0;
    if (info.cardPresent) {
        const auto length = std::min<std::size_t>(state.cbAtr, sizeof state.rgbAtr);
        info.atr.assign(state.rgbAtr, state.rgbAtr + length);
    }
    return info;
}

Result<Bytes> cardAtr(SCARDHANDLE handle) {
    Bytes atr(MAX_ATR_SIZE);
    DWORD atrLength = static_cast<DWORD>(atr.size());
    DWORD state = 0;
    DWORD protocol = 0;
    DWORD nameLength = 0;
    const LONG rv =
        SCardStatus(handle, nullptr, &nameLength, &state, &protocol, atr.data(), &atrLength);
    if (rv != SCARD_S_SUCCESS) return pcsc::toError(rv, "SCardStatus");
    atr.resize(std::min<std::size_t>(atrLength, atr.size()));
    return atr;
}

}  // namespace

PcscBackend::PcscBackend()
    : monitorContext_(std::make_shared<pcsc::PcscContext>()),
      statusContext_(std::make_shared<pcsc::PcscContext>()),
      connectionContext_(std::make_shared<pcsc::PcscContext>()) {}

PcscBackend::~PcscBackend() = default;

Result<std::vector<ReaderInfo>> PcscBackend::readers() {
    std::lock_guard lock(statusMutex_);
    auto result = queryReaders();
    // A context from before a pcscd restart fails once; a fresh one may already succeed.
    if (!result && result.error().code == ErrorCode::NoService) result = queryReaders();
    return result;
}

Result<std::vector<ReaderInfo>> PcscBackend::queryReaders() {
    auto names = statusContext_->listReaders();
    if (!names) return names.error();
    forgetUnlistedReaders(*names);
    if (names->empty()) return std::vector<ReaderInfo>{};
    auto context = statusContext_->get();
    if (!context) return context.error();
    std::vector<SCARD_READERSTATE> states;
    for (const auto& reader : *names)
        states.push_back(unawareState(reader));
    const LONG rv = statusContext_->note(
        SCardGetStatusChange(*context, 0, states.data(), static_cast<DWORD>(states.size())));
    if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT) {
        return pcsc::toError(rv, "SCardGetStatusChange");
    }
    std::vector<ReaderInfo> infos;
    for (const auto& state : states) {
        if (state.dwEventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE)) continue;
        infos.push_back(toReaderInfo(state));
        infos.back().pinpad = isComfortReader(infos.back().name, *context);
    }
    return infos;
}

bool PcscBackend::isComfortReader(const std::string& reader, SCARDCONTEXT context) {
    {
        std::lock_guard lock(featuresMutex_);
        if (auto known = capabilities_.find(reader); known != capabilities_.end())
            return known->second.comfort.isComfortReader();
        if (unaskable_.count(reader) != 0) return false;
    }
    // A direct connection reaches the reader's driver with or without a card and shares the
    // reader with everyone else.
    SCARDHANDLE handle = 0;
    DWORD protocol = 0;
    const LONG rv = statusContext_->note(
        SCardConnect(context, reader.c_str(), SCARD_SHARE_DIRECT, 0, &handle, &protocol));
    if (rv != SCARD_S_SUCCESS) {
        // Held exclusively by another program, say: the next connection tells.
        std::lock_guard lock(featuresMutex_);
        unaskable_.insert(reader);
        return false;
    }
    const auto capabilities = pcsc::readerCapabilities(handle);
    statusContext_->note(SCardDisconnect(handle, SCARD_LEAVE_CARD));
    rememberCapabilities(reader, capabilities);
    return capabilities.comfort.isComfortReader();
}

pcsc::ReaderCapabilities PcscBackend::capabilitiesOf(const std::string& reader, SCARDHANDLE card) {
    {
        std::lock_guard lock(featuresMutex_);
        if (auto known = capabilities_.find(reader); known != capabilities_.end())
            return known->second;
    }
    const auto capabilities = pcsc::readerCapabilities(card);
    rememberCapabilities(reader, capabilities);
    return capabilities;
}

void PcscBackend::rememberCapabilities(const std::string& reader,
                                       const pcsc::ReaderCapabilities& known) {
    std::lock_guard lock(featuresMutex_);
    capabilities_[reader] = known;
    unaskable_.erase(reader);
}

void PcscBackend::forgetUnlistedReaders(const std::vector<std::string>& listed) {
    // A reader plugged in again may be another device under the same name.
    const auto unlisted = [&](const std::string& name) {
        return std::find(listed.begin(), listed.end(), name) == listed.end();
    };
    std::lock_guard lock(featuresMutex_);
    std::erase_if(capabilities_, [&](const auto& entry) { return unlisted(entry.first); });
    std::erase_if(unaskable_, unlisted);
}

Result<std::unique_ptr<Card>> PcscBackend::connect(const std::string& reader) {
    auto context = connectionContext_->get();
    if (!context) return context.error();
    SCARDHANDLE handle = 0;
    DWORD protocol = 0;
    const LONG rv = connectionContext_->note(
        SCardConnect(*context, reader.c_str(), SCARD_SHARE_SHARED,
                     SCARD_PROTOCOL_T1 | SCARD_PROTOCOL_T0, &handle, &protocol));
    if (rv != SCARD_S_SUCCESS) {
        Error error = pcsc::toError(rv, "SCardConnect");
        if (error.code == ErrorCode::CardRemoved) {
            error.code = ErrorCode::NoCard;
            error.message = "There is no card in the reader.";
        }
        return error;
    }
    auto atr = cardAtr(handle);
    if (!atr) {
        connectionContext_->note(SCardDisconnect(handle, SCARD_LEAVE_CARD));
        return atr.error();
    }
    const auto capabilities = capabilitiesOf(reader, handle);
    auto card = std::make_unique<PcscCard>(connectionContext_, handle, protocol, reader,
                                           std::move(*atr), capabilities.extendedLength);
    card->setReaderPaceControlCode(capabilities.comfort.executePace);
    card->setModifyPinControlCode(capabilities.comfort.modifyPinDirect);
    return std::unique_ptr<Card>(std::move(card));
}

Result<void> PcscBackend::waitForChange(std::chrono::milliseconds timeout) {
    std::lock_guard lock(waitMutex_);
    if (cancelRequested_.exchange(false)) return {};
    auto names = monitorContext_->listReaders();
    if (!names) return names.error();
    auto context = monitorContext_->get();
    if (!context) return context.error();
    names->push_back(kPnpNotification);
    std::vector<SCARD_READERSTATE> states = statesToWatch(*names);
    const auto milliseconds = static_cast<DWORD>(
        std::clamp<std::chrono::milliseconds::rep>(timeout.count(), 0, INFINITE - 1));
    // A cancel that arrives before the wait has begun would find nothing to wake.
    if (cancelRequested_.exchange(false)) return {};
    const LONG rv = monitorContext_->note(SCardGetStatusChange(
        *context, milliseconds, states.data(), static_cast<DWORD>(states.size())));
    cancelRequested_ = false;
    if (rv == SCARD_S_SUCCESS) rememberStates(states);
    // Timeout, cancel and a reader that vanished meanwhile are all just wake-ups.
    if (rv == SCARD_S_SUCCESS || rv == SCARD_E_TIMEOUT || rv == SCARD_E_CANCELLED ||
        rv == SCARD_E_UNKNOWN_READER) {
        return {};
    }
    lastStates_.clear();
    return pcsc::toError(rv, "SCardGetStatusChange");
}

std::vector<SCARD_READERSTATE> PcscBackend::statesToWatch(const std::vector<std::string>& names) {
    std::vector<SCARD_READERSTATE> states;
    for (const auto& reader : names) {
        SCARD_READERSTATE state = unawareState(reader);
        if (auto last = lastStates_.find(reader); last != lastStates_.end()) {
            state.dwCurrentState = last->second;
        }
        states.push_back(state);
    }
    return states;
}

void PcscBackend::rememberStates(const std::vector<SCARD_READERSTATE>& states) {
    lastStates_.clear();
    for (const auto& state : states) {
        lastStates_[state.szReader] = state.dwEventState & ~SCARD_STATE_CHANGED;
    }
}

void PcscBackend::cancelWait() {
    cancelRequested_ = true;
    monitorContext_->cancel();
}

}  // namespace oa
