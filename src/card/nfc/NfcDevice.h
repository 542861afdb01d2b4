#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "base/Bytes.h"
#include "base/Result.h"

struct nfc_context;
struct nfc_device;

namespace oa::nfc {

// One libnfc context for a backend; devices keep it alive.
std::shared_ptr<nfc_context> openContext();

// What a device last saw in its field. `insertion` changes with every card found, so a connection
// knows whether the card it talks to is still the same one.
struct FieldState {
    bool cardPresent = false;
    Bytes atr;
    std::uint64_t insertion = 0;
};

// An opened libnfc device in initiator mode and the ISO 14443-4 target it holds. libnfc devices
// are not thread-safe: every exchange with the device holds its lock.
class NfcDevice {
public:
    static Result<std::shared_ptr<NfcDevice>> open(std::shared_ptr<nfc_context> context,
                                                   const std::string& connstring);
    ~NfcDevice();
    NfcDevice(const NfcDevice&) = delete;
    NfcDevice& operator=(const NfcDevice&) = delete;

    const std::string& readerName() const { return readerName_; }
    const std::string& connstring() const { return connstring_; }
    // libnfc's InDataExchange path stops at 262 bytes (it aborts on the PN53x's MI chaining
    // bit), so APDUs travel over our own ISO 14443-4 blocks (IsoDepLink) through
    // InCommunicateThru: block chaining carries extended-length APDUs.
    bool extendedLength() const { return true; }
    bool gone() const;

    // Checks that the known card is still there, or looks for a new one (Type A, then B). When a
    // card exchange is running, answers what it knew without touching the device.
    Result<FieldState> poll();
    FieldState lastSeen() const;
    // Raw command APDU to the card of insertion `insertion`; raw response back.
    Result<Bytes> exchange(std::uint64_t insertion, ByteView command);

private:
    NfcDevice(std::shared_ptr<nfc_context> context, nfc_device* device, std::string connstring);
    bool checkKnownTarget();
    bool selectTarget();
    void forgetTarget();
    Error failure(int code, const std::string& operation);

    std::shared_ptr<nfc_context> context_;
    nfc_device* device_;
    std::string connstring_;
    std::string readerName_;
    std::mutex ioMutex_;  // held for every libnfc call on device_
    struct Target;
    std::unique_ptr<Target> target_;  // the selected ISO-DEP card, if any (under ioMutex_)
    mutable std::mutex stateMutex_;
    FieldState state_;
    bool gone_ = false;
};

}  // namespace oa::nfc
