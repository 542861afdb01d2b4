#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>

#include "card/ReaderBackend.h"

struct nfc_context;

namespace oa {

namespace nfc {
class NfcDevice;
}

// NFC readers through libnfc (PN53x on USB, UART, SPI, I²C; configured in libnfc.conf or
// LIBNFC_DEVICE). Each device is a reader named "<libnfc name> (<connstring>)". libnfc has no
// event to wait on, so waitForChange() polls each device's field every pollInterval (a presence
// check of the known card, or one select attempt) and looks for new devices less often; in between
// it sleeps, so an idle reader costs next to no CPU.
class NfcBackend : public ReaderBackend {
public:
    static constexpr const char* kBackendName = "nfc";
    static constexpr std::chrono::milliseconds kDefaultPollInterval{500};

    explicit NfcBackend(std::chrono::milliseconds pollInterval = kDefaultPollInterval);
    ~NfcBackend() override;

    std::string name() const override { return kBackendName; }
    Result<std::vector<ReaderInfo>> readers() override;
    Result<std::unique_ptr<Card>> connect(const std::string& reader) override;
    Result<void> waitForChange(std::chrono::milliseconds timeout) override;
    void cancelWait() override;

private:
    void refresh();
    void refreshDevices();
    std::vector<ReaderInfo> snapshot();
    std::shared_ptr<nfc::NfcDevice> device(const std::string& reader);

    std::chrono::milliseconds pollInterval_;
    std::shared_ptr<nfc_context> context_;
    std::mutex devicesMutex_;
    std::map<std::string, std::shared_ptr<nfc::NfcDevice>> devices_;  // by connstring
    std::chrono::steady_clock::time_point nextDeviceScan_{};
    std::mutex refreshMutex_;  // one poll of the devices at a time
    std::mutex waitMutex_;
    std::condition_variable wake_;
    bool cancelled_ = false;
    std::vector<ReaderInfo> reported_;
    bool scanned_ = false;
};

}  // namespace oa
