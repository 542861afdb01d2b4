#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oa::cli {

// The words after a command name. Commands take their options out first; whatever is left are
// the positional arguments.
class Arguments {
public:
    explicit Arguments(std::vector<std::string> words) : words_(std::move(words)) {}

    // Removes "--name VALUE" or "--name=VALUE". A present option without a value is an error,
    // reported through missingValue().
    std::optional<std::string> takeOption(std::string_view name);
    // Removes "--name"; true if it was there.
    bool takeFlag(std::string_view name);

    // The first left-over word that looks like an option, if any (after all options were taken).
    std::optional<std::string> unknownOption() const;
    const std::optional<std::string>& missingValue() const { return missingValue_; }
    const std::vector<std::string>& positional() const { return words_; }

private:
    std::vector<std::string> words_;
    std::optional<std::string> missingValue_;
};

}  // namespace oa::cli
