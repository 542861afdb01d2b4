#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "card/ReaderBackend.h"

namespace oa {

// Several backends as one reader list, for a workflow that may use any reader (PC/SC, NFC, the
// simulator). A backend whose service is down (pcscd stopped) just contributes no readers.
class CompositeReaderBackend : public ReaderBackend {
public:
    explicit CompositeReaderBackend(std::vector<std::unique_ptr<ReaderBackend>> backends);

    std::string name() const override { return "all"; }
    Result<std::vector<ReaderInfo>> readers() override;
    Result<std::unique_ptr<Card>> connect(const std::string& reader) override;
    // Waits on one backend at a time, in turn, for at most a short slice: a change in another
    // backend is seen within one slice (callers poll; spurious wake-ups are allowed).
    Result<void> waitForChange(std::chrono::milliseconds timeout) override;
    void cancelWait() override;

private:
    void pause(std::chrono::milliseconds duration);
    ReaderBackend* lastListedBy(const std::string& reader);

    std::vector<std::unique_ptr<ReaderBackend>> backends_;
    std::atomic<std::size_t> next_{0};
    std::mutex mutex_;
    std::condition_variable woken_;
    bool cancelled_ = false;
    // Which backend listed each reader in the last readers(): a workflow connects to the reader it
    // just chose from that list, without asking every backend for its readers again.
    std::mutex listedMutex_;
    std::map<std::string, ReaderBackend*> listedBy_;
};

}  // namespace oa
