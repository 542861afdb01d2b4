#pragma once

#include <condition_variable>
#include <mutex>

#include "card/ReaderBackend.h"

namespace oa::test {

// A backend whose readers and service state the test sets; waitForChange() wakes on every change,
// as pcsc-lite's SCardGetStatusChange does.
class FakeReaderBackend : public ReaderBackend {
public:
    explicit FakeReaderBackend(std::string name) : name_(std::move(name)) {}

    std::string name() const override { return name_; }
    Result<std::vector<ReaderInfo>> readers() override;
    Result<std::unique_ptr<Card>> connect(const std::string& reader) override;
    Result<void> waitForChange(std::chrono::milliseconds timeout) override;
    void cancelWait() override;

    void setReaders(std::vector<ReaderInfo> readers);
    void setServiceUp(bool up);

private:
    void changed();

    std::string name_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool dirty_ = false;
    bool serviceUp_ = true;
    std::vector<ReaderInfo> readers_;
};

}  // namespace oa::test
