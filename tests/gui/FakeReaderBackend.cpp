#include "FakeReaderBackend.h"

namespace oa::test {

Result<std::vector<ReaderInfo>> FakeReaderBackend::readers() {
    std::lock_guard lock(mutex_);
    if (!serviceUp_) return makeError(ErrorCode::NoService, "The card service is not running.");
    return readers_;
}

Result<std::unique_ptr<Card>> FakeReaderBackend::connect(const std::string&) {
    return makeError(ErrorCode::NoCard, "No card.", "fake backend has no cards to connect to");
}

Result<void> FakeReaderBackend::waitForChange(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, timeout, [&] { return dirty_; });
    dirty_ = false;
    if (!serviceUp_) return makeError(ErrorCode::NoService, "The card service is not running.");
    return {};
}

void FakeReaderBackend::cancelWait() {
    changed();
}

void FakeReaderBackend::setReaders(std::vector<ReaderInfo> readers) {
    {
        std::lock_guard lock(mutex_);
        readers_ = std::move(readers);
    }
    changed();
}

void FakeReaderBackend::setServiceUp(bool up) {
    {
        std::lock_guard lock(mutex_);
        serviceUp_ = up;
    }
    changed();
}

void FakeReaderBackend::changed() {
    {
        std::lock_guard lock(mutex_);
        dirty_ = true;
    }
    wake_.notify_all();
}

}  // namespace oa::test
