#include "cli/Arguments.h"

#include <algorithm>

namespace oa::cli {

std::optional<std::string> Arguments::takeOption(std::string_view name) {
    for (auto it = words_.begin(); it != words_.end(); ++it) {
        if (*it == name) {
            if (std::next(it) == words_.end()) {
                missingValue_ = std::string(name);
                words_.erase(it);
                return std::nullopt;
            }
            std::string value = *std::next(it);
            words_.erase(it, std::next(it, 2));
            return value;
        }
        if (it->size() > name.size() && it->starts_with(name) && (*it)[name.size()] == '=') {
            std::string value = it->substr(name.size() + 1);
            words_.erase(it);
            return value;
        }
    }
    return std::nullopt;
}

bool Arguments::takeFlag(std::string_view name) {
    auto it = std::find(words_.begin(), words_.end(), name);
    if (it == words_.end()) return false;
    words_.erase(it);
    return true;
}

std::optional<std::string> Arguments::unknownOption() const {
    auto it = std::find_if(words_.begin(), words_.end(),
                           [](const std::string& word) { return word.starts_with("--"); });
    if (it == words_.end()) return std::nullopt;
    return *it;
}

}  // namespace oa::cli
