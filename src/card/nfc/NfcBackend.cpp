#include "card/nfc/NfcBackend.h"

#include <nfc/nfc.h>

#include <algorithm>
#include <set>

#include "card/nfc/NfcCard.h"
#include "card/nfc/NfcDevice.h"

namespace oa {
namespace {

// Listing devices probes USB (and configured serial ports), so it runs less often than the
// field polls.
constexpr std::chrono::seconds kDeviceScanInterval{3};
constexpr std::size_t kMaxDevices = 8;

}  // namespace

NfcBackend::NfcBackend(std::chrono::milliseconds pollInterval)
    : pollInterval_(pollInterval), context_(nfc::openContext()) {}

NfcBackend::~NfcBackend() {
    cancelWait();
    std::lock_guard lock(devicesMutex_);
    devices_.clear();
}

void NfcBackend::refreshDevices() {
    const auto now = std::chrono::steady_clock::now();
    if (!context_ || now < nextDeviceScan_) return;
    nextDeviceScan_ = now + kDeviceScanInterval;
    nfc_connstring found[kMaxDevices];
    const std::size_t count = nfc_list_devices(context_.get(), found, kMaxDevices);
    std::set<std::string> listed;
    for (std::size_t i = 0; i < count; ++i)
        listed.insert(found[i]);
    std::lock_guard lock(devicesMutex_);
    std::erase_if(devices_, [&](const auto& entry) { return !listed.count(entry.first); });
    for (const auto& connstring : listed) {
        if (devices_.count(connstring)) continue;
        // A device that will not open now is tried again at the next scan.
        if (auto opened = nfc::NfcDevice::open(context_, connstring))
            devices_.emplace(connstring, std::move(*opened));
    }
}

void NfcBackend::refresh() {
    std::lock_guard refreshing(refreshMutex_);
    refreshDevices();
    std::vector<std::shared_ptr<nfc::NfcDevice>> current;
    {
        std::lock_guard lock(devicesMutex_);
        for (const auto& [connstring, device] : devices_)
            current.push_back(device);
    }
    for (const auto& device : current) {
        if (device->poll()) continue;
        // Gone: dropped now, opened again once libnfc lists it and it answers.
        std::lock_guard lock(devicesMutex_);
        devices_.erase(device->connstring());
        nextDeviceScan_ = {};
    }
}

std::vector<ReaderInfo> NfcBackend::snapshot() {
    std::vector<ReaderInfo> readers;
    std::lock_guard lock(devicesMutex_);
    for (const auto& [connstring, device] : devices_) {
        const nfc::FieldState field = device->lastSeen();
        readers.push_back({device->readerName(), kBackendName, field.cardPresent,
                           field.cardPresent ? field.atr : Bytes{}});
    }
    return readers;
}

Result<std::vector<ReaderInfo>> NfcBackend::readers() {
    if (!context_) {
        return makeError(ErrorCode::NoService, "NFC readers are not available", "nfc_init failed");
    }
    {
        std::lock_guard lock(waitMutex_);
        if (!scanned_) {
            scanned_ = true;
            refresh();
        }
    }
    auto current = snapshot();
    std::lock_guard lock(waitMutex_);
    reported_ = current;
    return current;
}

std::shared_ptr<nfc::NfcDevice> NfcBackend::device(const std::string& reader) {
    std::lock_guard lock(devicesMutex_);
    for (const auto& [connstring, device] : devices_)
        if (device->readerName() == reader) return device;
    return nullptr;
}

Result<std::unique_ptr<Card>> NfcBackend::connect(const std::string& reader) {
    auto found = device(reader);
    if (!found) {
        return makeError(ErrorCode::NoReader, "The card reader is not available",
                         "no NFC reader '" + reader + "'");
    }
    nfc::FieldState field = found->lastSeen();
    if (!field.cardPresent) {
        auto polled = found->poll();
        if (!polled) return polled.error();
        field = *polled;
    }
    if (!field.cardPresent) {
        return makeError(ErrorCode::NoCard, "There is no ID card on the reader",
                         "no ISO 14443-4 card in the field of " + reader);
    }
    return std::unique_ptr<Card>(std::make_unique<NfcCard>(found, field.insertion, field.atr));
}

Result<void> NfcBackend::waitForChange(std::chrono::milliseconds timeout) {
    if (!context_) {
        return makeError(ErrorCode::NoService, "NFC readers are not available", "nfc_init failed");
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        {
            std::unique_lock lock(waitMutex_);
            const auto now = std::chrono::steady_clock::now();
            const auto until = std::min(deadline, now + pollInterval_);
            if (wake_.wait_until(lock, until, [this] { return cancelled_; })) {
                cancelled_ = false;
                return {};
            }
        }
        refresh();
        const auto current = snapshot();
        {
            std::lock_guard lock(waitMutex_);
            if (current != reported_) return {};
        }
        if (std::chrono::steady_clock::now() >= deadline) return {};
    }
}

void NfcBackend::cancelWait() {
    {
        std::lock_guard lock(waitMutex_);
        cancelled_ = true;
    }
    wake_.notify_all();
}

}  // namespace oa
