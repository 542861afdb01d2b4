#pragma once

#include <chrono>
#include <cstddef>

namespace oa::service {

// What one request may cost the listener. Anything beyond is refused with the matching status
// (414, 431, 413) before it is buffered, so a hostile local client cannot grow our memory.
struct HttpLimits {
    std::size_t maxTargetBytes = 8 * 1024;
    std::size_t maxHeaderBytes = 16 * 1024;  // all header lines together
    std::size_t maxHeaderCount = 64;
    std::size_t maxBodyBytes = 16 * 1024;  // the eID-Client takes GETs only
};

// How long a connection may take. A browser holds its activation request for minutes, so there is
// no limit while a response is pending; the limits apply while the server waits for the client.
struct HttpTimeouts {
    std::chrono::milliseconds untilEndOfHeaders{10'000};  // from the request's first byte: 408
    std::chrono::milliseconds idle{30'000};               // no request in progress: closed
};

}  // namespace oa::service
