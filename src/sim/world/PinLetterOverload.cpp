#include "sim/world/PinLetterOverload.h"

#include <QSet>
#include <QStringList>

namespace oa::sim {
namespace {

using std::chrono::milliseconds;

Error badValue(const std::string& what, const std::string& value) {
    return makeError(ErrorCode::InvalidInput, "Unknown value '" + value + "' for " + what, "");
}

bool isFraction(double value) {
    return value >= 0 && value <= 1;
}

std::optional<double> number(const QJsonObject& object, const char* key) {
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined()) return std::nullopt;
    if (!value.isDouble()) return -1.0;  // refused by every range check below
    return value.toDouble();
}

milliseconds seconds(double value) {
    return milliseconds(static_cast<long long>(value * 1000));
}

}  // namespace

QJsonObject PinLetterOverload::toJson() const {
    return {{"fraction", turnAway.fraction},
            {"status", turnAway.status},
            {"retryAfter", turnAway.retryAfterSeconds},
            {"latencyMs", latencyMilliseconds},
            {"dropFraction", dropFraction},
            {"outageStart", static_cast<double>(outageStart.count()) / 1000},
            {"outageLength", static_cast<double>(outageLength.count()) / 1000},
            {"outageRetryAfter", outageRetryAfterSeconds}};
}

Result<PinLetterOverload> PinLetterOverload::fromJson(const QJsonObject& object) {
    static const QSet<QString> known{"fraction",     "status",          "retryAfter",
                                     "latencyMs",    "dropFraction",    "outageStart",
                                     "outageLength", "outageRetryAfter"};
    for (const QString& key : object.keys())
        if (!known.contains(key)) return badValue("the overload switch", key.toStdString());
    PinLetterOverload overload;
    const auto take = [&](const char* key, auto check, auto apply) -> bool {
        auto value = number(object, key);
        if (!value) return true;
        if (!check(*value)) return false;
        apply(*value);
        return true;
    };
    const auto nonNegative = [](double v) { return v >= 0 && v <= 86400 * 1000.0; };
    const bool ok =
        take("fraction", isFraction, [&](double v) { overload.turnAway.fraction = v; }) &&
        take(
            "status", [](double v) { return v == 503 || v == 429; },
            [&](double v) { overload.turnAway.status = static_cast<int>(v); }) &&
        take("retryAfter", nonNegative,
             [&](double v) { overload.turnAway.retryAfterSeconds = static_cast<int>(v); }) &&
        take("latencyMs", nonNegative,
             [&](double v) { overload.latencyMilliseconds = static_cast<int>(v); }) &&
        take("dropFraction", isFraction, [&](double v) { overload.dropFraction = v; }) &&
        take("outageStart", nonNegative, [&](double v) { overload.outageStart = seconds(v); }) &&
        take("outageLength", nonNegative, [&](double v) { overload.outageLength = seconds(v); }) &&
        take("outageRetryAfter", nonNegative,
             [&](double v) { overload.outageRetryAfterSeconds = static_cast<int>(v); });
    if (!ok) return badValue("the overload switch", "(out of range)");
    return overload;
}

bool pinLetterFlagTakesValue(const std::string& flag) {
    return flag == "--pin-letter-overload" || flag == "--pin-letter-latency" ||
           flag == "--pin-letter-drop" || flag == "--pin-letter-outage";
}

Result<bool> applyPinLetterFlag(PinLetterOverload& into, const std::string& flag,
                                const std::optional<std::string>& value) {
    if (!pinLetterFlagTakesValue(flag)) return false;
    if (!value) return makeError(ErrorCode::InvalidInput, flag + " needs a value", "");
    const QStringList parts = QString::fromStdString(*value).split(QLatin1Char(':'));
    bool ok = false;
    if (flag == "--pin-letter-overload") {
        // FRACTION[:STATUS[:RETRY_AFTER]]
        into.turnAway.fraction = parts.value(0).toDouble(&ok);
        if (!ok || !isFraction(into.turnAway.fraction)) return badValue(flag, *value);
        if (parts.size() > 1) {
            into.turnAway.status = parts[1].toInt(&ok);
            if (!ok || (into.turnAway.status != 503 && into.turnAway.status != 429))
                return badValue(flag, *value);
        }
        if (parts.size() > 2) {
            into.turnAway.retryAfterSeconds = parts[2].toInt(&ok);
            if (!ok || into.turnAway.retryAfterSeconds < 0) return badValue(flag, *value);
        }
        return parts.size() <= 3 ? Result<bool>(true) : Result<bool>(badValue(flag, *value));
    }
    if (flag == "--pin-letter-latency") {
        into.latencyMilliseconds = parts.value(0).toInt(&ok);
        if (!ok || parts.size() != 1 || into.latencyMilliseconds < 0) return badValue(flag, *value);
        return true;
    }
    if (flag == "--pin-letter-drop") {
        into.dropFraction = parts.value(0).toDouble(&ok);
        if (!ok || parts.size() != 1 || !isFraction(into.dropFraction))
            return badValue(flag, *value);
        return true;
    }
    // --pin-letter-outage START:LENGTH[:RETRY_AFTER], seconds
    if (parts.size() < 2 || parts.size() > 3) return badValue(flag, *value);
    const double start = parts[0].toDouble(&ok);
    if (!ok || start < 0) return badValue(flag, *value);
    const double length = parts[1].toDouble(&ok);
    if (!ok || length < 0) return badValue(flag, *value);
    into.outageStart = seconds(start);
    into.outageLength = seconds(length);
    if (parts.size() == 3) {
        into.outageRetryAfterSeconds = parts[2].toInt(&ok);
        if (!ok || into.outageRetryAfterSeconds < 0) return badValue(flag, *value);
    }
    return true;
}

const char* pinLetterUsage() {
    return "  --pin-letter-overload F[:STATUS[:RETRY_AFTER]]  PIN letter service turns away this "
           "fraction (503 or 429)\n"
           "  --pin-letter-latency MS                         PIN letter service answers this "
           "much later\n"
           "  --pin-letter-drop F                             PIN letter service drops this "
           "fraction of connections\n"
           "  --pin-letter-outage START:LENGTH[:RETRY_AFTER]  PIN letter service is down (503) "
           "from START s for LENGTH s\n";
}

}  // namespace oa::sim
