#include "service/HttpRequest.h"

#include <algorithm>

namespace oa::service {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    auto lower = [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) {
               return lower(static_cast<unsigned char>(x)) == lower(static_cast<unsigned char>(y));
           });
}

const std::string* HttpRequest::header(std::string_view name) const {
    for (const auto& [key, value] : headers)
        if (equalsIgnoringCase(key, name)) return &value;
    return nullptr;
}

std::string_view HttpRequest::path() const {
    const std::string_view all = target;
    return all.substr(0, all.find('?'));
}

std::string_view HttpRequest::query() const {
    const std::string_view all = target;
    const auto mark = all.find('?');
    if (mark == std::string_view::npos) return {};
    return all.substr(mark + 1, all.find('#', mark) - mark - 1);
}

}  // namespace oa::service
