#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "base/Result.h"
#include "card/Card.h"
#include "card/ReaderInfo.h"

namespace oa {

// A source of readers: PC/SC, NFC through libnfc, or the in-process simulator.
class ReaderBackend {
public:
    virtual ~ReaderBackend() = default;
    virtual std::string name() const = 0;
    // The readers as they are now.
    virtual Result<std::vector<ReaderInfo>> readers() = 0;
    virtual Result<std::unique_ptr<Card>> connect(const std::string& reader) = 0;
    // Blocks until readers or cards may have changed, the timeout passes, or cancelWait() is
    // called. Spurious wake-ups are allowed; callers compare snapshots. Returns NoService while the
    // backend's service is down (the backend re-establishes itself on later calls).
    virtual Result<void> waitForChange(std::chrono::milliseconds timeout) = 0;
    // Thread-safe: wakes a waitForChange() running on another thread.
    virtual void cancelWait() = 0;
};

}  // namespace oa
