#include "card/CompositeReaderBackend.h"

#include <algorithm>
#include <optional>

namespace oa {
namespace {

constexpr std::chrono::milliseconds kSlice{100};

bool lists(const std::vector<ReaderInfo>& readers, const std::string& name) {
    return std::any_of(readers.begin(), readers.end(),
                       [&](const ReaderInfo& reader) { return reader.name == name; });
}

}  // namespace

CompositeReaderBackend::CompositeReaderBackend(std::vector<std::unique_ptr<ReaderBackend>> backends)
    : backends_(std::move(backends)) {}

Result<std::vector<ReaderInfo>> CompositeReaderBackend::readers() {
    std::vector<ReaderInfo> all;
    std::map<std::string, ReaderBackend*> listedBy;
    std::optional<Error> firstError;
    bool anyAnswered = false;
    for (const auto& backend : backends_) {
        auto listed = backend->readers();
        if (!listed) {
            if (!firstError) firstError = listed.error();
            continue;
        }
        anyAnswered = true;
        for (const auto& reader : *listed)
            listedBy.emplace(reader.name, backend.get());
        all.insert(all.end(), listed->begin(), listed->end());
    }
    {
        std::lock_guard lock(listedMutex_);
        listedBy_ = std::move(listedBy);
    }
    if (!anyAnswered && firstError) return *firstError;
    return all;
}

ReaderBackend* CompositeReaderBackend::lastListedBy(const std::string& reader) {
    std::lock_guard lock(listedMutex_);
    const auto found = listedBy_.find(reader);
    return found == listedBy_.end() ? nullptr : found->second;
}

Result<std::unique_ptr<Card>> CompositeReaderBackend::connect(const std::string& reader) {
    if (ReaderBackend* backend = lastListedBy(reader)) {
        auto card = backend->connect(reader);
        // Gone from that backend since the list was taken: ask them all below.
        if (card || card.error().code != ErrorCode::NoReader) return card;
    }
    for (const auto& backend : backends_) {
        auto listed = backend->readers();
        if (listed && lists(*listed, reader)) return backend->connect(reader);
    }
    return makeError(ErrorCode::NoReader, "The card reader " + reader + " is not connected",
                     "no backend lists " + reader);
}

Result<void> CompositeReaderBackend::waitForChange(std::chrono::milliseconds timeout) {
    {
        std::lock_guard lock(mutex_);
        if (cancelled_) {
            cancelled_ = false;
            return {};
        }
    }
    const auto slice = std::min(timeout, kSlice);
    if (backends_.empty()) {
        pause(slice);
        return {};
    }
    auto& backend = backends_[next_++ % backends_.size()];
    // A backend that cannot wait (service down) must not turn the caller's poll into a spin.
    if (!backend->waitForChange(slice)) pause(slice);
    return {};
}

void CompositeReaderBackend::pause(std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    woken_.wait_for(lock, duration, [this] { return cancelled_; });
    cancelled_ = false;
}

void CompositeReaderBackend::cancelWait() {
    {
        std::lock_guard lock(mutex_);
        cancelled_ = true;
    }
    woken_.notify_all();
    for (const auto& backend : backends_)
        backend->cancelWait();
}

}  // namespace oa
