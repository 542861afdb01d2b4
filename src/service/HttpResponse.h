#pragma once

#include <ctime>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oa::service {

// A response to one request. Date, Server, Content-Length and Connection are added when it is
// written, so every response carries them.
struct HttpResponse {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool closeConnection = false;

    HttpResponse& setHeader(std::string name, std::string value);
    const std::string* header(std::string_view name) const;
};

const char* reasonPhrase(int status);
// IMF-fixdate (RFC 9110 §5.6.7), independent of the process locale.
std::string httpDate(std::time_t time);

struct ResponseFraming {
    std::string_view server;
    bool keepAlive = false;
    bool headRequest = false;  // HEAD: headers as for GET, no body
    std::time_t now = 0;
};
std::string serialize(const HttpResponse& response, const ResponseFraming& framing);
// An interim 1xx response: status line and an empty line only.
std::string serializeInterim(int status);

}  // namespace oa::service
