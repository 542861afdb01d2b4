#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "base/Result.h"

namespace oa::eid {

// A calendar date of which only a leading part may be known: year, year and month, or the full
// date. The eID card stores dates as eight characters YYYYMMDD and marks unknown parts with spaces
// or zeros (people born on an unknown day); what is unknown stays unknown, never guessed.
class PartialDate {
public:
    PartialDate() = default;  // nothing known
    // Strict: every known part is a real date (month 1-12, day within the month of that year);
    // an unknown part is all spaces or all zeros; a known part never follows an unknown one.
    static Result<PartialDate> parse(std::string_view yyyymmdd);
    static Result<PartialDate> fromParts(std::optional<int> year, std::optional<int> month,
                                         std::optional<int> day);

    const std::optional<int>& year() const { return year_; }
    const std::optional<int>& month() const { return month_; }
    const std::optional<int>& day() const { return day_; }
    bool isComplete() const { return day_.has_value(); }
    bool isUnknown() const { return !year_.has_value(); }

    // ISO 8601 with the known part only: "1964-08-12", "1964-08", "1964"; "unknown" if none.
    std::string toIso() const;
    // For display: the ISO form, naming what is unknown ("1964-08 (day unknown)").
    std::string toDisplay() const;

    bool operator==(const PartialDate&) const = default;

private:
    std::optional<int> year_;
    std::optional<int> month_;
    std::optional<int> day_;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);

}  // namespace oa::eid
