#include "net/EcardResult.h"

#include <array>

#include "net/XmlDocument.h"

namespace oa::net {
namespace {

const QString kMajorPrefix = QStringLiteral("http://www.bsi.bund.de/ecard/api/1.1/resultmajor#");
const QString kMinorPrefix = QStringLiteral("http://www.bsi.bund.de/ecard/api/1.1/resultminor");

struct MinorEntry {
    ResultMinor minor;
    const char* suffix;  // after the resultminor prefix
    const char* message;
};

constexpr std::array kMinors{
    MinorEntry{ResultMinor::UnknownError, "/al/common#unknownError", "An unknown error occurred."},
    MinorEntry{ResultMinor::NoPermission, "/al/common#noPermission",
               "The operation is not permitted."},
    MinorEntry{ResultMinor::InternalError, "/al/common#internalError",
               "An internal error occurred."},
    MinorEntry{ResultMinor::ParameterError, "/al/common#parameterError",
               "A message contained invalid parameters."},
    MinorEntry{ResultMinor::UnknownApiFunction, "/al/common#unknownAPIFunction",
               "The requested function is not supported."},
    MinorEntry{ResultMinor::NotInitialized, "/al/common#notInitialized",
               "The framework is not initialized."},
    MinorEntry{ResultMinor::WarningConnectionDisconnected,
               "/al/common#warningConnectionDisconnected", "The connection was closed."},
    MinorEntry{ResultMinor::SessionTerminatedWarning, "/al/common#SessionTerminatedWarning",
               "The session was terminated."},
    MinorEntry{ResultMinor::CommunicationError, "/al/common#communicationError",
               "The communication with the server failed."},
    MinorEntry{ResultMinor::Timeout, "/dp#timeout", "The server did not answer in time."},
    MinorEntry{ResultMinor::UnknownChannelHandle, "/dp#unknownChannelHandle",
               "The connection to the server is unknown."},
    MinorEntry{ResultMinor::DpCommunicationError, "/dp#communicationError",
               "The communication with the server failed."},
    MinorEntry{ResultMinor::TrustedChannelEstablishmentFailed,
               "/dp#trustedChannelEstablishmentFailed",
               "A secure connection to the server could not be established."},
    MinorEntry{ResultMinor::UnknownProtocol, "/dp#unknownProtocol",
               "The server uses an unknown protocol."},
    MinorEntry{ResultMinor::UnknownCipherSuite, "/dp#unknownCipherSuite",
               "The server uses an unsupported encryption."},
    MinorEntry{ResultMinor::UnknownWebserviceBinding, "/dp#unknownWebserviceBinding",
               "The server uses an unsupported connection type."},
    MinorEntry{ResultMinor::NodeNotReachable, "/dp#nodeNotReachable",
               "The server could not be reached."},
    MinorEntry{ResultMinor::TimeoutError, "/ifdl/common#timeoutError",
               "The card reader did not answer in time."},
    MinorEntry{ResultMinor::UnknownSlot, "/ifdl/terminal#unknownSlot",
               "The card reader is unknown."},
    MinorEntry{ResultMinor::InvalidSlotHandle, "/ifdl/common#invalidSlotHandle",
               "The card reader is no longer available."},
    MinorEntry{ResultMinor::IfdlCancellationByUser, "/ifdl#cancellationByUser",
               "The process was cancelled by the user."},
    MinorEntry{ResultMinor::IfdSharingViolation, "/ifdl/terminal#IFDSharingViolation",
               "The card is in use by another program."},
    MinorEntry{ResultMinor::NoCard, "/ifdl/terminal#noCard", "No ID card was found."},
    MinorEntry{ResultMinor::RepeatedDataMismatch, "/ifdl/IO#repeatedDataMismatch",
               "The repeated entry does not match."},
    MinorEntry{ResultMinor::UnknownPinFormat, "/ifdl/IO#unknownPINFormat",
               "The PIN format is not supported."},
    MinorEntry{ResultMinor::InvalidCertificatePath, "/il/signature#invalidCertificatePath",
               "The certificates of the provider could not be verified."},
    MinorEntry{ResultMinor::KeyGenerationNotPossible, "/il/key#keyGenerationNotPossible",
               "A key could not be generated."},
    MinorEntry{ResultMinor::CancellationByUser, "/sal#cancellationByUser",
               "The process was cancelled by the user."},
    MinorEntry{ResultMinor::InvalidKey, "/sal#invalidKey", "A key was rejected."},
    MinorEntry{ResultMinor::SecurityConditionNotSatisfied, "/sal#securityConditionNotSatisfied",
               "The ID card refused the access."},
    MinorEntry{ResultMinor::AgeVerificationFailedWarning, "/sal/mEAC#AgeVerificationFailedWarning",
               "The age verification was not successful."},
    MinorEntry{ResultMinor::CommunityVerificationFailedWarning,
               "/sal/mEAC#CommunityVerificationFailedWarning",
               "The place of residence verification was not successful."},
    MinorEntry{ResultMinor::DocumentValidityVerificationFailed,
               "/sal/mEAC#DocumentValidityVerificationFailed", "The ID card is not valid."},
};

const MinorEntry& entryOf(ResultMinor minor) {
    for (const auto& entry : kMinors)
        if (entry.minor == minor) return entry;
    return kMinors.front();
}

}  // namespace

QString uriOf(ResultMajor major) {
    switch (major) {
        case ResultMajor::Ok:
            return kMajorPrefix + QStringLiteral("ok");
        case ResultMajor::Warning:
            return kMajorPrefix + QStringLiteral("warning");
        case ResultMajor::Error:
            break;
    }
    return kMajorPrefix + QStringLiteral("error");
}

QString uriOf(ResultMinor minor) {
    return kMinorPrefix + QLatin1String(entryOf(minor).suffix);
}

std::optional<ResultMajor> resultMajorFromUri(QStringView uri) {
    for (auto major : {ResultMajor::Ok, ResultMajor::Warning, ResultMajor::Error})
        if (uri == uriOf(major)) return major;
    return std::nullopt;
}

std::optional<ResultMinor> resultMinorFromUri(QStringView uri) {
    if (!uri.startsWith(kMinorPrefix)) return std::nullopt;
    const QStringView suffix = uri.mid(kMinorPrefix.size());
    for (const auto& entry : kMinors)
        if (suffix == QLatin1String(entry.suffix)) return entry.minor;
    return std::nullopt;
}

std::string userMessage(ResultMinor minor) {
    return entryOf(minor).message;
}

EcardResult EcardResult::error(ResultMinor minor, QString message) {
    EcardResult result;
    result.major = ResultMajor::Error;
    result.minor = minor;
    result.message = std::move(message);
    return result;
}

std::string EcardResult::describe() const {
    // The minor URI and the message may come from the eID-Server: only an excerpt is logged.
    std::string text = uriOf(major).toStdString();
    if (minor)
        text += " " + uriOf(*minor).toStdString();
    else if (!unknownMinorUri.isEmpty())
        text += " " + logExcerpt(unknownMinorUri);
    if (!message.isEmpty()) text += " (" + logExcerpt(message) + ")";
    return text;
}

QString toString(BrowserResultMinor minor) {
    switch (minor) {
        case BrowserResultMinor::CommunicationError:
            return QStringLiteral("communicationError");
        case BrowserResultMinor::TrustedChannelEstablishmentFailed:
            return QStringLiteral("trustedChannelEstablishmentFailed");
        case BrowserResultMinor::CancellationByUser:
            return QStringLiteral("cancellationByUser");
        case BrowserResultMinor::ServerError:
            return QStringLiteral("serverError");
        case BrowserResultMinor::ClientError:
            break;
    }
    return QStringLiteral("clientError");
}

BrowserResult browserResultFor(const EcardResult& result, ResultOrigin origin) {
    if (result.major != ResultMajor::Error) return BrowserResult::success();
    if (result.minor) {
        switch (*result.minor) {
            case ResultMinor::CommunicationError:
            case ResultMinor::DpCommunicationError:
                return BrowserResult::failure(BrowserResultMinor::CommunicationError);
            case ResultMinor::TrustedChannelEstablishmentFailed:
                return BrowserResult::failure(
                    BrowserResultMinor::TrustedChannelEstablishmentFailed);
            case ResultMinor::CancellationByUser:
            case ResultMinor::IfdlCancellationByUser:
                return BrowserResult::failure(BrowserResultMinor::CancellationByUser);
            default:
                break;
        }
    }
    return BrowserResult::failure(origin == ResultOrigin::Server ? BrowserResultMinor::ServerError
                                                                 : BrowserResultMinor::ClientError);
}

}  // namespace oa::net
