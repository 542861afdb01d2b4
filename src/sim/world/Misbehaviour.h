#pragma once

#include <optional>
#include <string>

#include "base/Result.h"
#include "sim/world/EidSession.h"

namespace oa::sim {

// The rows of the broken-token table (spec digest §4.3) the demo eService can hand out.
enum class BrokenToken {
    None,
    OnlyCommunicationErrorAddress,  // the eService could not create a session
    CommunicationErrorAddressHttp,  // the same, and that address is http
    EmptyBody,
    ServerAddressEmpty,
    ServerAddressHttp,
    ServerAddressUnreachable,  // https, but answers 404
    PskOddLength,
    PskInvalidCharacters,
    RefreshAddressHttp,
};
std::string toString(BrokenToken token);
std::optional<BrokenToken> brokenTokenFromName(const std::string& name);

// TLS faults of one listener.
struct TlsMisbehaviour {
    bool tls11Only = false;         // offers TLS 1.1 and nothing else
    bool weakSuites = false;        // no forward secrecy (eService) / plain PSK (eID-Server)
    bool hostnameMismatch = false;  // certificate for wrong.example (pinned all the same)
};

// 503 or 429 with Retry-After for a fraction of requests, deterministically: with 0.5 every
// second request (the first one included) is turned away.
struct Overload {
    double fraction = 0;
    int status = 503;
    int retryAfterSeconds = 1;
};

// Everything the test world can do wrong, switched on through the API or `openausweis-sim up`.
struct Misbehaviour {
    BrokenToken brokenToken = BrokenToken::None;
    bool wrongDescriptionHash = false;  // the terminal certificate names another description
    TlsMisbehaviour eServiceTls;
    TlsMisbehaviour eidServerTls;
    std::optional<PaosStep> abortInsteadOf;
    bool abortByClosingConnection = false;
    int slowAnswerMilliseconds = 0;  // every HTTP answer of both servers waits this long
    Overload eServiceOverload;       // token endpoint and refresh page
    Overload eidServerOverload;      // PAOS (only ever the first POST of a session)
    bool initializeFramework = true;
    bool signInAdditionalInput = false;
    // Attached model only: the eService/eID-Server endpoint never resumes a TLS session.
    bool attachedWithoutResumption = false;
};

// Applies one command-line switch ("--broken-token", "psk-odd-length"); false if unknown.
Result<bool> applyMisbehaviourFlag(Misbehaviour& into, const std::string& flag,
                                   const std::optional<std::string>& value);
bool misbehaviourFlagTakesValue(const std::string& flag);
// The flags for the usage text.
const char* misbehaviourUsage();

// Decides, request by request, whether an Overload turns a request away.
class OverloadGate {
public:
    bool turnAway(const Overload& overload);

private:
    double credit_ = 0;
    bool started_ = false;
};

}  // namespace oa::sim
