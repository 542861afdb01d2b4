#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "service/HttpLimits.h"
#include "service/HttpRequest.h"

struct http_parser;

namespace oa::service {

// Incremental HTTP/1.x request parser over libhttp-parser with our limits. Pure: bytes in, one
// request out. It stops at the end of each request so the caller decides what happens to the bytes
// after it (the next pipelined request, or a WebSocket upgrade handed on unread).
class HttpRequestParser {
public:
    enum class State { Waiting, Started, Complete, Failed };

    explicit HttpRequestParser(HttpLimits limits = {});
    ~HttpRequestParser();
    HttpRequestParser(const HttpRequestParser&) = delete;
    HttpRequestParser& operator=(const HttpRequestParser&) = delete;

    // Parses as much as belongs to the current request and returns how many bytes it took.
    std::size_t feed(std::string_view bytes);
    // Forgets the finished (or failed) request; the parser then waits for the next one.
    void reset();

    State state() const { return state_; }
    bool headersComplete() const { return headersComplete_; }
    const HttpRequest& request() const { return request_; }
    // After Failed: the status to answer with (400, 413, 414, 431, 501, 505) and why, for the log.
    int failureStatus() const { return failureStatus_; }
    const std::string& failureDetail() const { return failureDetail_; }

private:
    struct Callbacks;
    int fail(int status, std::string detail);
    int addHeaderBytes(std::size_t count);
    int storeHeader();

    HttpLimits limits_;
    std::unique_ptr<::http_parser> parser_;
    State state_ = State::Waiting;
    HttpRequest request_;
    std::string field_;
    std::string value_;
    bool inValue_ = false;
    bool headersComplete_ = false;
    std::size_t headerBytes_ = 0;
    char firstByte_ = 0;
    int failureStatus_ = 0;
    std::string failureDetail_;
};

}  // namespace oa::service
