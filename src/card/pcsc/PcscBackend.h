#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include <winscard.h>

#include "card/ReaderBackend.h"
#include "card/pcsc/ReaderFeatures.h"

namespace oa {

namespace pcsc {
class PcscContext;
}

// Readers and cards through pcsc-lite (pcscd). Three contexts keep the thread roles apart:
// waitForChange() blocks on its own, readers() queries on another, connections use a third, so
// the monitor thread never waits behind a workflow's card I/O or the other way round.
class PcscBackend : public ReaderBackend {
public:
    PcscBackend();
    ~PcscBackend() override;

    std::string name() const override { return "pcsc"; }
    Result<std::vector<ReaderInfo>> readers() override;
    Result<std::unique_ptr<Card>> connect(const std::string& reader) override;
    Result<void> waitForChange(std::chrono::milliseconds timeout) override;
    void cancelWait() override;

private:
    Result<std::vector<ReaderInfo>> queryReaders();
    std::vector<SCARD_READERSTATE> statesToWatch(const std::vector<std::string>& names);
    void rememberStates(const std::vector<SCARD_READERSTATE>& states);
    // Whether `reader` is a comfort reader (FEATURE_EXECUTE_PACE), from what it told before or
    // else from a direct connection that asks its feature list once.
    bool isComfortReader(const std::string& reader, SCARDCONTEXT context);
    // The reader's features, asked over `card` only the first time (per reader, until it is
    // unplugged).
    pcsc::ReaderCapabilities capabilitiesOf(const std::string& reader, SCARDHANDLE card);
    void rememberCapabilities(const std::string& reader, const pcsc::ReaderCapabilities& known);
    void forgetUnlistedReaders(const std::vector<std::string>& listed);

    std::shared_ptr<pcsc::PcscContext> monitorContext_;
    std::shared_ptr<pcsc::PcscContext> statusContext_;
    std::shared_ptr<pcsc::PcscContext> connectionContext_;
    std::mutex statusMutex_;
    std::mutex waitMutex_;
    std::atomic<bool> cancelRequested_{false};
    // What the previous wait saw, per reader (and the PnP pseudo-reader), so a change that
    // happens between two waits still wakes the next one.
    std::map<std::string, unsigned long> lastStates_;
    std::mutex featuresMutex_;
    std::map<std::string, pcsc::ReaderCapabilities> capabilities_;
    // Readers that could not be asked (held exclusively by another program): not a comfort
    // reader for the list until a connection asks them.
    std::set<std::string> unaskable_;
};

}  // namespace oa
