#pragma once

#include <mutex>
#include <string>
#include <vector>

#include <winscard.h>

#include "base/Result.h"

namespace oa::pcsc {

// One connection to pcscd. pcsc-lite serialises the calls on a context, so every thread role
// (monitoring, status queries, card connections) owns its own. A context that saw pcscd stop or
// restart is dropped and established anew on its next use, so the app survives a pcscd restart.
class PcscContext {
public:
    PcscContext() = default;
    ~PcscContext();
    PcscContext(const PcscContext&) = delete;
    PcscContext& operator=(const PcscContext&) = delete;

    // The live context, established if there is none.
    Result<SCARDCONTEXT> get();
    // Feeds back the result of a call made on the context; returns rv unchanged.
    LONG note(LONG rv);
    // Wakes a SCardGetStatusChange blocking on this context in another thread.
    void cancel();

    // Reader names; an empty list when there are none (SCARD_E_NO_READERS_AVAILABLE).
    Result<std::vector<std::string>> listReaders();

private:
    void releaseLocked();

    std::mutex mutex_;
    SCARDCONTEXT context_ = 0;
    bool established_ = false;
    bool lost_ = false;
};

}  // namespace oa::pcsc
