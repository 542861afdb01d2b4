#include "service/HttpRequestParser.h"

#include <http_parser.h>

namespace oa::service {

namespace {

HttpRequestParser* self(http_parser* parser) {
    return static_cast<HttpRequestParser*>(parser->data);
}

// RFC 9110 §5.6.2. libhttp-parser lets spaces into field names, so "Transfer-Encoding : chunked"
// would pass as an unknown header while a proxy in front might read it as chunked (smuggling).
bool isToken(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text) {
        const bool alnum =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum && std::string_view("!#$%&'*+-.^_`|~").find(c) == std::string_view::npos)
            return false;
    }
    return true;
}

}  // namespace

// libhttp-parser calls plain functions; these forward to the parser object's members.
struct HttpRequestParser::Callbacks {
    static int onMessageBegin(http_parser* p) {
        self(p)->state_ = State::Started;
        return 0;
    }

    static int onUrl(http_parser* p, const char* at, size_t length) {
        auto& s = *self(p);
        s.state_ = State::Started;
        if (s.request_.target.size() + length > s.limits_.maxTargetBytes)
            return s.fail(414, "request target longer than " +
                                   std::to_string(s.limits_.maxTargetBytes) + " bytes");
        s.request_.target.append(at, length);
        return 0;
    }

    static int onHeaderField(http_parser* p, const char* at, size_t length) {
        auto& s = *self(p);
        if (s.inValue_) {
            if (int refused = s.storeHeader()) return refused;
        }
        if (int refused = s.addHeaderBytes(length)) return refused;
        s.field_.append(at, length);
        return 0;
    }

    static int onHeaderValue(http_parser* p, const char* at, size_t length) {
        auto& s = *self(p);
        s.inValue_ = true;
        if (int refused = s.addHeaderBytes(length)) return refused;
        s.value_.append(at, length);
        return 0;
    }

    static int onHeadersComplete(http_parser* p) {
        auto& s = *self(p);
        if (s.inValue_) {
            if (int refused = s.storeHeader()) return refused;
        }
        if (p->http_major != 1)
            return s.fail(505, "HTTP version " + std::to_string(p->http_major) + '.' +
                                   std::to_string(p->http_minor));
        s.headersComplete_ = true;
        s.request_.method = http_method_str(static_cast<http_method>(p->method));
        s.request_.versionMajor = p->http_major;
        s.request_.versionMinor = p->http_minor;
        s.request_.keepAlive = http_should_keep_alive(p) != 0;
        s.request_.upgrade = p->upgrade != 0;
        if ((p->flags & F_CONTENTLENGTH) && p->content_length > s.limits_.maxBodyBytes)
            return s.fail(413, "declared body of " + std::to_string(p->content_length) + " bytes");
        return 0;
    }

    static int onBody(http_parser* p, const char* at, size_t length) {
        auto& s = *self(p);
        if (s.request_.body.size() + length > s.limits_.maxBodyBytes)
            return s.fail(413, "body longer than " + std::to_string(s.limits_.maxBodyBytes));
        s.request_.body.append(at, length);
        return 0;
    }

    static int onMessageComplete(http_parser* p) {
        if (self(p)->state_ == State::Failed) return -1;
        self(p)->state_ = State::Complete;
        http_parser_pause(p, 1);
        return 0;
    }

    static const http_parser_settings& settings() {
        static const http_parser_settings table = [] {
            http_parser_settings t{};
            t.on_message_begin = onMessageBegin;
            t.on_url = onUrl;
            t.on_header_field = onHeaderField;
            t.on_header_value = onHeaderValue;
            t.on_headers_complete = onHeadersComplete;
            t.on_body = onBody;
            t.on_message_complete = onMessageComplete;
            return t;
        }();
        return table;
    }
};

HttpRequestParser::HttpRequestParser(HttpLimits limits)
    : limits_(limits), parser_(std::make_unique<http_parser>()) {
    reset();
}

HttpRequestParser::~HttpRequestParser() = default;

void HttpRequestParser::reset() {
    http_parser_init(parser_.get(), HTTP_REQUEST);
    parser_->data = this;
    state_ = State::Waiting;
    request_ = {};
    field_.clear();
    value_.clear();
    inValue_ = false;
    headersComplete_ = false;
    headerBytes_ = 0;
    failureStatus_ = 0;
    failureDetail_.clear();
    firstByte_ = 0;
}

std::size_t HttpRequestParser::feed(std::string_view bytes) {
    if (state_ == State::Complete || state_ == State::Failed || bytes.empty()) return 0;
    if (state_ == State::Waiting && firstByte_ == 0) firstByte_ = bytes.front();
    const std::size_t used =
        http_parser_execute(parser_.get(), &Callbacks::settings(), bytes.data(), bytes.size());
    const auto error = HTTP_PARSER_ERRNO(parser_.get());
    if (state_ == State::Complete || state_ == State::Failed) return used;
    if (error != HPE_OK) {
        // A method we do not know (501) versus bytes that are not HTTP at all (400).
        const bool unknownMethod =
            error == HPE_INVALID_METHOD && firstByte_ >= 'A' && firstByte_ <= 'Z';
        fail(unknownMethod ? 501 : 400,
             std::string("malformed request: ") + http_errno_name(error));
        return used;
    }
    return used;
}

int HttpRequestParser::fail(int status, std::string detail) {
    state_ = State::Failed;
    failureStatus_ = status;
    failureDetail_ = std::move(detail);
    // Not 1 or 2: from on_headers_complete those mean "no body" and "upgrade", not failure.
    return -1;
}

int HttpRequestParser::addHeaderBytes(std::size_t count) {
    headerBytes_ += count;
    if (headerBytes_ > limits_.maxHeaderBytes)
        return fail(431, "header lines longer than " + std::to_string(limits_.maxHeaderBytes));
    return 0;
}

int HttpRequestParser::storeHeader() {
    inValue_ = false;
    if (!isToken(field_)) return fail(400, "header name is not a token");
    // RFC 9112 §3.2: which of two Host lines would the Host check have looked at?
    if (equalsIgnoringCase(field_, "Host") && request_.header("Host"))
        return fail(400, "more than one Host header");
    if (request_.headers.size() >= limits_.maxHeaderCount)
        return fail(431, "more than " + std::to_string(limits_.maxHeaderCount) + " header lines");
    // ": " and CRLF count too, so the limit is on what the client sent.
    if (int refused = addHeaderBytes(4)) return refused;
    request_.headers.emplace_back(std::move(field_), std::move(value_));
    field_.clear();
    value_.clear();
    return 0;
}

}  // namespace oa::service
