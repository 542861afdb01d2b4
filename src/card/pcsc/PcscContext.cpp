#include "card/pcsc/PcscContext.h"

#include "card/pcsc/PcscError.h"

namespace oa::pcsc {
namespace {

// The reader list may grow between asking for its size and fetching it.
constexpr int kListAttempts = 3;

std::vector<std::string> splitMultiString(const std::string& buffer) {
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start < buffer.size() && buffer[start] != '\0') {
        const std::size_t end = buffer.find('\0', start);
        names.push_back(buffer.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return names;
}

}  // namespace

PcscContext::~PcscContext() {
    std::lock_guard lock(mutex_);
    releaseLocked();
}

void PcscContext::releaseLocked() {
    if (established_) SCardReleaseContext(context_);
    established_ = false;
    lost_ = false;
}

Result<SCARDCONTEXT> PcscContext::get() {
    std::lock_guard lock(mutex_);
    if (lost_) releaseLocked();
    if (established_) return context_;
    SCARDCONTEXT context = 0;
    const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
    if (rv != SCARD_S_SUCCESS) return toError(rv, "SCardEstablishContext");
    context_ = context;
    established_ = true;
    return context_;
}

LONG PcscContext::note(LONG rv) {
    if (isContextLost(rv)) {
        std::lock_guard lock(mutex_);
        lost_ = true;
    }
    return rv;
}

void PcscContext::cancel() {
    std::lock_guard lock(mutex_);
    if (established_ && !lost_) SCardCancel(context_);
}

Result<std::vector<std::string>> PcscContext::listReaders() {
    auto context = get();
    if (!context) return context.error();
    LONG rv = SCARD_S_SUCCESS;
    for (int attempt = 0; attempt < kListAttempts; ++attempt) {
        DWORD size = 0;
        rv = note(SCardListReaders(*context, nullptr, nullptr, &size));
        if (rv == SCARD_E_NO_READERS_AVAILABLE) return std::vector<std::string>{};
        if (rv != SCARD_S_SUCCESS) break;
        std::string buffer(size, '\0');
        rv = note(SCardListReaders(*context, nullptr, buffer.data(), &size));
        if (rv == SCARD_E_NO_READERS_AVAILABLE) return std::vector<std::string>{};
        if (rv == SCARD_E_INSUFFICIENT_BUFFER) continue;
        if (rv != SCARD_S_SUCCESS) break;
        buffer.resize(std::min<std::size_t>(size, buffer.size()));
        return splitMultiString(buffer);
    }
    return toError(rv, "SCardListReaders");
}

}  // namespace oa::pcsc
