#include "sim/world/Misbehaviour.h"

#include <QString>
#include <QStringList>
#include <array>
#include <utility>

namespace oa::sim {
namespace {

constexpr std::array<std::pair<BrokenToken, const char*>, 10> kTokenNames{{
    {BrokenToken::None, "none"},
    {BrokenToken::OnlyCommunicationErrorAddress, "only-communication-error-address"},
    {BrokenToken::CommunicationErrorAddressHttp, "communication-error-address-http"},
    {BrokenToken::EmptyBody, "empty-body"},
    {BrokenToken::ServerAddressEmpty, "server-address-empty"},
    {BrokenToken::ServerAddressHttp, "server-address-http"},
    {BrokenToken::ServerAddressUnreachable, "server-address-unreachable"},
    {BrokenToken::PskOddLength, "psk-odd-length"},
    {BrokenToken::PskInvalidCharacters, "psk-invalid-characters"},
    {BrokenToken::RefreshAddressHttp, "refresh-address-http"},
}};

Error badValue(const std::string& flag, const std::string& value) {
    return makeError(ErrorCode::InvalidInput, "Unknown value '" + value + "' for " + flag, "");
}

// "eservice", "eid-server" or "both".
Result<bool> applyTls(Misbehaviour& into, const std::string& flag, const std::string& target,
                      bool TlsMisbehaviour::*field) {
    if (target != "eservice" && target != "eid-server" && target != "both")
        return badValue(flag, target);
    if (target != "eid-server") into.eServiceTls.*field = true;
    if (target != "eservice") into.eidServerTls.*field = true;
    return true;
}

Result<bool> applyOverload(Overload& into, const std::string& flag, const std::string& value) {
    // FRACTION[:STATUS[:RETRY_AFTER]], e.g. 0.5:429:2
    const QStringList parts = QString::fromStdString(value).split(QLatin1Char(':'));
    bool ok = false;
    into.fraction = parts.value(0).toDouble(&ok);
    if (!ok || into.fraction < 0 || into.fraction > 1) return badValue(flag, value);
    if (parts.size() > 1) {
        into.status = parts[1].toInt(&ok);
        if (!ok || (into.status != 503 && into.status != 429)) return badValue(flag, value);
    }
    if (parts.size() > 2) {
        into.retryAfterSeconds = parts[2].toInt(&ok);
        if (!ok || into.retryAfterSeconds < 0) return badValue(flag, value);
    }
    return true;
}

}  // namespace

std::string toString(BrokenToken token) {
    for (const auto& [value, name] : kTokenNames)
        if (value == token) return name;
    return "none";
}

std::optional<BrokenToken> brokenTokenFromName(const std::string& name) {
    for (const auto& [value, text] : kTokenNames)
        if (name == text) return value;
    return std::nullopt;
}

Result<bool> applyMisbehaviourFlag(Misbehaviour& into, const std::string& flag,
                                   const std::optional<std::string>& value) {
    const auto needValue = [&]() -> Result<std::string> {
        if (!value) return makeError(ErrorCode::InvalidInput, flag + " needs a value", "");
        return *value;
    };
    if (flag == "--broken-token") {
        auto name = needValue();
        if (!name) return name.error();
        auto token = brokenTokenFromName(*name);
        if (!token) return badValue(flag, *name);
        into.brokenToken = *token;
        return true;
    }
    if (flag == "--wrong-description-hash") return into.wrongDescriptionHash = true;
    if (flag == "--tls11-only" || flag == "--weak-suites" || flag == "--hostname-mismatch") {
        auto target = needValue();
        if (!target) return target.error();
        auto field = flag == "--tls11-only"    ? &TlsMisbehaviour::tls11Only
                     : flag == "--weak-suites" ? &TlsMisbehaviour::weakSuites
                                               : &TlsMisbehaviour::hostnameMismatch;
        return applyTls(into, flag, *target, field);
    }
    if (flag == "--abort-at") {
        auto name = needValue();
        if (!name) return name.error();
        auto step = paosStepFromName(QString::fromStdString(*name));
        if (!step || *step == PaosStep::StartPaosResponse) return badValue(flag, *name);
        into.abortInsteadOf = step;
        return true;
    }
    if (flag == "--abort-by-closing") return into.abortByClosingConnection = true;
    if (flag == "--slow") {
        auto milliseconds = needValue();
        if (!milliseconds) return milliseconds.error();
        bool ok = false;
        into.slowAnswerMilliseconds = QString::fromStdString(*milliseconds).toInt(&ok);
        if (!ok || into.slowAnswerMilliseconds < 0) return badValue(flag, *milliseconds);
        return true;
    }
    if (flag == "--overload" || flag == "--overload-eid-server") {
        auto spec = needValue();
        if (!spec) return spec.error();
        return applyOverload(flag == "--overload" ? into.eServiceOverload : into.eidServerOverload,
                             flag, *spec);
    }
    if (flag == "--no-initialize-framework") return !(into.initializeFramework = false);
    if (flag == "--sign-in-additional-input") return into.signInAdditionalInput = true;
    if (flag == "--no-resumption") return into.attachedWithoutResumption = true;
    return false;
}

bool misbehaviourFlagTakesValue(const std::string& flag) {
    return flag != "--wrong-description-hash" && flag != "--abort-by-closing" &&
           flag != "--no-initialize-framework" && flag != "--sign-in-additional-input" &&
           flag != "--no-resumption";
}

const char* misbehaviourUsage() {
    return "  misbehaviour:\n"
           "    --broken-token none|only-communication-error-address|\n"
           "        communication-error-address-http|empty-body|server-address-empty|\n"
           "        server-address-http|server-address-unreachable|psk-odd-length|\n"
           "        psk-invalid-characters|refresh-address-http\n"
           "    --wrong-description-hash\n"
           "    --tls11-only|--weak-suites|--hostname-mismatch eservice|eid-server|both\n"
           "    --abort-at initializeframework|eac1|eac2|eacadditionalinput|transmit\n"
           "    --abort-by-closing         (drop the connection instead of an error answer)\n"
           "    --slow MILLISECONDS        (every HTTP answer waits)\n"
           "    --overload FRACTION[:503|429[:RETRY_AFTER]]   (token endpoint, refresh page)\n"
           "    --overload-eid-server FRACTION[:503|429[:RETRY_AFTER]]   (first PAOS POST)\n"
           "    --no-initialize-framework, --sign-in-additional-input\n"
           "    --no-resumption            (attached: the endpoint never resumes TLS sessions)\n";
}

bool OverloadGate::turnAway(const Overload& overload) {
    if (overload.fraction <= 0) return false;
    if (!started_) {
        started_ = true;
        credit_ = 1.0 - overload.fraction;
    }
    credit_ += overload.fraction;
    if (credit_ >= 1.0 - 1e-9) {
        credit_ -= 1.0;
        return true;
    }
    return false;
}

}  // namespace oa::sim
