#pragma once

#include <QString>
#include <QStringView>
#include <optional>
#include <string>

namespace oa::net {

// eCard-API result codes (TR-03112-1 4.2) as carried in a PAOS dss:Result.
enum class ResultMajor { Ok, Warning, Error };

enum class ResultMinor {
    // al/common
    UnknownError,
    NoPermission,
    InternalError,
    ParameterError,
    UnknownApiFunction,
    NotInitialized,
    WarningConnectionDisconnected,
    SessionTerminatedWarning,
    CommunicationError,
    // dp
    Timeout,
    UnknownChannelHandle,
    DpCommunicationError,
    TrustedChannelEstablishmentFailed,
    UnknownProtocol,
    UnknownCipherSuite,
    UnknownWebserviceBinding,
    NodeNotReachable,
    // ifdl
    TimeoutError,
    UnknownSlot,
    InvalidSlotHandle,
    IfdlCancellationByUser,
    IfdSharingViolation,
    NoCard,
    RepeatedDataMismatch,
    UnknownPinFormat,
    // il
    InvalidCertificatePath,
    KeyGenerationNotPossible,
    // sal
    CancellationByUser,
    InvalidKey,
    SecurityConditionNotSatisfied,
    AgeVerificationFailedWarning,
    CommunityVerificationFailedWarning,
    DocumentValidityVerificationFailed,
};

QString uriOf(ResultMajor major);
QString uriOf(ResultMinor minor);
std::optional<ResultMajor> resultMajorFromUri(QStringView uri);
std::optional<ResultMinor> resultMinorFromUri(QStringView uri);
// What the user reads when this minor ends an authentication.
std::string userMessage(ResultMinor minor);

struct EcardResult {
    ResultMajor major = ResultMajor::Ok;
    std::optional<ResultMinor> minor;
    QString unknownMinorUri;  // a minor from the server that is not in our table, kept for the log
    QString message;          // ResultMessage
    QString messageLanguage = QStringLiteral("en");

    static EcardResult ok() { return {}; }
    static EcardResult error(ResultMinor minor, QString message = {});

    bool isOk() const { return major == ResultMajor::Ok; }
    QString minorUri() const { return minor ? uriOf(*minor) : unknownMinorUri; }
    // One line for the log: major, minor and message.
    std::string describe() const;
};

// The short result vocabulary of the browser redirect (TR-03124-1, §2.4 of our digest).
enum class BrowserResultMinor {
    CommunicationError,
    TrustedChannelEstablishmentFailed,
    CancellationByUser,
    ServerError,
    ClientError,
};

struct BrowserResult {
    bool ok = true;
    BrowserResultMinor minor = BrowserResultMinor::ClientError;  // meaningful only when !ok

    static BrowserResult success() { return {}; }
    static BrowserResult failure(BrowserResultMinor minor) { return {false, minor}; }
    bool operator==(const BrowserResult&) const = default;
};

QString toString(BrowserResultMinor minor);

// Who produced an error result: it decides between serverError and clientError.
enum class ResultOrigin { Client, Server };

// Communication, trusted-channel and cancellation minors pass through; any other error becomes
// serverError or clientError by origin. Warnings count as success.
BrowserResult browserResultFor(const EcardResult& result, ResultOrigin origin);

}  // namespace oa::net
