#include "service/HttpResponse.h"

#include <array>
#include <cstdio>

#include "service/HttpRequest.h"

namespace oa::service {

HttpResponse& HttpResponse::setHeader(std::string name, std::string value) {
    for (auto& [key, existing] : headers) {
        if (equalsIgnoringCase(key, name)) {
            existing = std::move(value);
            return *this;
        }
    }
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
}

const std::string* HttpResponse::header(std::string_view name) const {
    for (const auto& [key, value] : headers)
        if (equalsIgnoringCase(key, name)) return &value;
    return nullptr;
}

const char* reasonPhrase(int status) {
    switch (status) {
        case 102:
            return "Processing";
        case 200:
            return "OK";
        case 204:
            return "No Content";
        case 303:
            return "See Other";
        case 400:
            return "Bad Request";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 408:
            return "Request Timeout";
        case 409:
            return "Conflict";
        case 413:
            return "Content Too Large";
        case 414:
            return "URI Too Long";
        case 421:
            return "Misdirected Request";
        case 429:
            return "Too Many Requests";
        case 431:
            return "Request Header Fields Too Large";
        case 500:
            return "Internal Server Error";
        case 501:
            return "Not Implemented";
        case 502:
            return "Bad Gateway";
        case 503:
            return "Service Unavailable";
        case 505:
            return "HTTP Version Not Supported";
        default:
            return "Unknown";
    }
}

std::string httpDate(std::time_t time) {
    static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed",
                                                     "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm utc{};
    gmtime_r(&time, &utc);
    char text[40];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[utc.tm_wday],
                  utc.tm_mday, months[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                  utc.tm_sec);
    return text;
}

std::string serialize(const HttpResponse& response, const ResponseFraming& framing) {
    std::string out = "HTTP/1.1 " + std::to_string(response.status) + ' ' +
                      reasonPhrase(response.status) + "\r\n";
    auto line = [&out](std::string_view name, std::string_view value) {
        out.append(name).append(": ");
        // A value that came from outside must not be able to start a header of its own.
        for (char c : value)
            out += (c == '\r' || c == '\n') ? ' ' : c;
        out += "\r\n";
    };
    line("Date", httpDate(framing.now));
    line("Server", framing.server);
    for (const auto& [name, value] : response.headers)
        line(name, value);
    // 1xx and 204 carry no body and no Content-Length (RFC 9110 §8.6).
    const bool bodyless = response.status < 200 || response.status == 204;
    if (!bodyless) line("Content-Length", std::to_string(response.body.size()));
    line("Connection", framing.keepAlive && !response.closeConnection ? "keep-alive" : "close");
    out += "\r\n";
    if (!bodyless && !framing.headRequest) out += response.body;
    return out;
}

std::string serializeInterim(int status) {
    return "HTTP/1.1 " + std::to_string(status) + ' ' + reasonPhrase(status) + "\r\n\r\n";
}

}  // namespace oa::service
