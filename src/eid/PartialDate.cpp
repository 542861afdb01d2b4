#include "eid/PartialDate.h"

#include <cstdio>

namespace oa::eid {
namespace {

Error invalidDate(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "The card holds an invalid date", std::move(detail));
}

enum class Part { Unknown, Known, Malformed };

// One component of YYYYMMDD: all spaces or all zeros mean unknown; otherwise all digits.
Part readPart(std::string_view text, int& value) {
    bool allSpaces = true;
    bool allDigits = true;
    value = 0;
    for (const char c : text) {
        allSpaces = allSpaces && c == ' ';
        allDigits = allDigits && c >= '0' && c <= '9';
        if (c >= '0' && c <= '9') value = value * 10 + (c - '0');
    }
    if (allSpaces || (allDigits && value == 0)) return Part::Unknown;
    return allDigits ? Part::Known : Part::Malformed;
}

std::string twoDigits(int value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", value);
    return buffer;
}

}  // namespace

bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && isLeapYear(year)) return 29;
    return kDays[month - 1];
}

Result<PartialDate> PartialDate::fromParts(std::optional<int> year, std::optional<int> month,
                                           std::optional<int> day) {
    if ((month && !year) || (day && !month))
        return invalidDate("a known date part follows an unknown one");
    if (year && (*year < 1 || *year > 9999)) return invalidDate("year out of range");
    if (month && (*month < 1 || *month > 12))
        return invalidDate("month " + std::to_string(*month) + " does not exist");
    if (day && (*day < 1 || *day > daysInMonth(*year, *month))) {
        return invalidDate("day " + std::to_string(*day) + " does not exist in that month");
    }
    PartialDate date;
    date.year_ = year;
    date.month_ = month;
    date.day_ = day;
    return date;
}

Result<PartialDate> PartialDate::parse(std::string_view text) {
    if (text.size() != 8) {
        return invalidDate("date has " + std::to_string(text.size()) +
                           " characters instead of eight (YYYYMMDD)");
    }
    int values[3] = {};
    std::optional<int> parts[3];
    const std::string_view pieces[3] = {text.substr(0, 4), text.substr(4, 2), text.substr(6, 2)};
    for (int i = 0; i < 3; ++i) {
        switch (readPart(pieces[i], values[i])) {
            case Part::Malformed:
                return invalidDate("a date part mixes digits with other characters");
            case Part::Known:
                parts[i] = values[i];
                break;
            case Part::Unknown:
                break;
        }
    }
    return fromParts(parts[0], parts[1], parts[2]);
}

std::string PartialDate::toIso() const {
    if (!year_) return "unknown";
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%04d", *year_);
    std::string iso = buffer;
    if (month_) iso += "-" + twoDigits(*month_);
    if (day_) iso += "-" + twoDigits(*day_);
    return iso;
}

std::string PartialDate::toDisplay() const {
    if (!year_) return "unknown";
    if (!month_) return toIso() + " (month and day unknown)";
    if (!day_) return toIso() + " (day unknown)";
    return toIso();
}

}  // namespace oa::eid
