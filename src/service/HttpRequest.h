#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oa::service {

// One parsed HTTP/1.x request as the browser sent it.
struct HttpRequest {
    std::string method;
    std::string target;  // origin-form: path and query, still percent-encoded
    int versionMajor = 1;
    int versionMinor = 1;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool keepAlive = false;
    bool upgrade = false;

    // The first header of that name (names compare case-insensitively), or nullptr.
    const std::string* header(std::string_view name) const;
    std::string_view path() const;
    std::string_view query() const;  // after '?', without it
    bool atLeastHttp11() const {
        return versionMajor > 1 || (versionMajor == 1 && versionMinor >= 1);
    }
};

bool equalsIgnoringCase(std::string_view a, std::string_view b);

}  // namespace oa::service
