#include "service/SdkMessages.h"

#include <QJsonArray>
#include <algorithm>
#include <utility>

#include "net/EcardResult.h"
#include "service/SdkAuxiliaryData.h"

namespace oa::service {

using eac::AccessRight;

namespace {

const std::vector<std::pair<AccessRight, const char*>>& rightNames() {
    static const std::vector<std::pair<AccessRight, const char*>> names = {
        {AccessRight::ReadDg17, "Address"},
        {AccessRight::ReadDg13, "BirthName"},
        {AccessRight::ReadDg5, "FamilyName"},
        {AccessRight::ReadDg4, "GivenNames"},
        {AccessRight::ReadDg9, "PlaceOfBirth"},
        {AccessRight::ReadDg8, "DateOfBirth"},
        {AccessRight::ReadDg7, "DoctoralDegree"},
        {AccessRight::ReadDg6, "ArtisticName"},
        {AccessRight::RestrictedIdentification, "Pseudonym"},
        {AccessRight::ReadDg3, "ValidUntil"},
        {AccessRight::ReadDg10, "Nationality"},
        {AccessRight::ReadDg2, "IssuingCountry"},
        {AccessRight::ReadDg1, "DocumentType"},
        {AccessRight::ReadDg19, "ResidencePermitI"},
        {AccessRight::ReadDg20, "ResidencePermitII"},
        {AccessRight::ReadDg18, "CommunityID"},
        {AccessRight::CommunityIdVerification, "AddressVerification"},
        {AccessRight::AgeVerification, "AgeVerification"},
        {AccessRight::WriteDg17, "WriteAddress"},
        {AccessRight::WriteDg18, "WriteCommunityID"},
        {AccessRight::WriteDg19, "WriteResidencePermitI"},
        {AccessRight::WriteDg20, "WriteResidencePermitII"},
        {AccessRight::CanAllowed, "CanAllowed"},
        {AccessRight::PinManagement, "PinManagement"},
    };
    return names;
}

QJsonArray namesOf(const std::vector<AccessRight>& rights) {
    QJsonArray array;
    for (auto right : rights)
        if (auto name = sdkAccessRightName(right)) array.append(*name);
    return array;
}

bool contains(const std::vector<AccessRight>& rights, AccessRight right) {
    return std::find(rights.begin(), rights.end(), right) != rights.end();
}

QString minorUri(const net::BrowserResult& result) {
    switch (result.minor) {
        case net::BrowserResultMinor::CancellationByUser:
            return net::uriOf(net::ResultMinor::CancellationByUser);
        case net::BrowserResultMinor::TrustedChannelEstablishmentFailed:
            return net::uriOf(net::ResultMinor::TrustedChannelEstablishmentFailed);
        case net::BrowserResultMinor::CommunicationError:
            return net::uriOf(net::ResultMinor::CommunicationError);
        case net::BrowserResultMinor::ServerError:
        case net::BrowserResultMinor::ClientError:
            break;
    }
    return net::uriOf(net::ResultMinor::InternalError);
}

}  // namespace

QJsonObject sdkMessage(const char* msg) {
    return QJsonObject{{QStringLiteral("msg"), QString::fromLatin1(msg)}};
}

QJsonObject sdkError(const char* msg, const QString& error) {
    QJsonObject object = sdkMessage(msg);
    object.insert(QStringLiteral("error"), error);
    return object;
}

QJsonObject sdkReaderObject(const SdkReader& reader, int apiLevel) {
    QJsonObject object{{QStringLiteral("name"), QString::fromStdString(reader.name)},
                       {QStringLiteral("attached"), reader.attached}};
    if (!reader.attached) return object;
    object.insert(QStringLiteral("insertable"), reader.insertable);
    object.insert(QStringLiteral("keypad"), reader.keypad);
    if (!reader.card) {
        object.insert(QStringLiteral("card"), QJsonValue::Null);
    } else if (!reader.card->known) {
        // An unknown card is an empty object from level 3 on; earlier levels saw no card.
        object.insert(QStringLiteral("card"),
                      apiLevel >= 3 ? QJsonValue(QJsonObject{}) : QJsonValue(QJsonValue::Null));
    } else {
        object.insert(QStringLiteral("card"),
                      QJsonObject{{QStringLiteral("inoperative"), reader.card->inoperative},
                                  {QStringLiteral("deactivated"), reader.card->deactivated},
                                  {QStringLiteral("retryCounter"), reader.card->retryCounter}});
    }
    return object;
}

QJsonObject sdkReaderMessage(const SdkReader& reader, int apiLevel) {
    QJsonObject object = sdkReaderObject(reader, apiLevel);
    object.insert(QStringLiteral("msg"), QStringLiteral("READER"));
    return object;
}

QJsonObject sdkReaderListMessage(const std::vector<SdkReader>& readers, int apiLevel) {
    QJsonArray array;
    for (const auto& reader : readers)
        array.append(sdkReaderObject(reader, apiLevel));
    QJsonObject object = sdkMessage("READER_LIST");
    object.insert(apiLevel >= 2 ? QStringLiteral("readers") : QStringLiteral("reader"), array);
    return object;
}

QJsonObject sdkInfoMessage(const ServerIdentity& identity) {
    QJsonObject versionInfo;
    for (const auto& [key, value] : identity.statusFields())
        versionInfo.insert(QString::fromStdString(key), QString::fromStdString(value));
    QJsonObject object = sdkMessage("INFO");
    object.insert(QStringLiteral("VersionInfo"), versionInfo);
    return object;
}

QJsonObject sdkApiLevelMessage(int current, const QString& error) {
    QJsonObject object = sdkMessage("API_LEVEL");
    if (!error.isEmpty()) object.insert(QStringLiteral("error"), error);
    QJsonArray available;
    for (int level = kSdkLowestApiLevel; level <= kSdkCurrentApiLevel; ++level)
        available.append(level);
    object.insert(QStringLiteral("available"), available);
    object.insert(QStringLiteral("current"), current);
    return object;
}

std::optional<QString> sdkAccessRightName(AccessRight right) {
    for (const auto& [known, name] : rightNames())
        if (known == right) return QString::fromLatin1(name);
    return std::nullopt;
}

std::optional<AccessRight> sdkAccessRightFromName(const QString& name) {
    for (const auto& [right, known] : rightNames())
        if (name == QLatin1String(known)) return right;
    return std::nullopt;
}

QJsonObject sdkAccessRightsMessage(const workflows::ConsentRequest& request,
                                   const std::vector<AccessRight>& deselected,
                                   const QString& error) {
    std::vector<AccessRight> effective = request.requiredRights;
    for (auto right : request.optionalRights)
        if (!contains(deselected, right)) effective.push_back(right);
    QJsonObject object = sdkMessage("ACCESS_RIGHTS");
    if (!error.isEmpty()) object.insert(QStringLiteral("error"), error);
    object.insert(QStringLiteral("chat"),
                  QJsonObject{{QStringLiteral("effective"), namesOf(effective)},
                              {QStringLiteral("optional"), namesOf(request.optionalRights)},
                              {QStringLiteral("required"), namesOf(request.requiredRights)}});
    if (!request.transactionInfo.empty())
        object.insert(QStringLiteral("transactionInfo"),
                      QString::fromStdString(request.transactionInfo));
    if (!request.authenticatedAuxiliaryData.empty()) {
        // Malformed data leaves `aux` out; the card refuses it in MSE:Set AT anyway.
        auto aux = sdkAuxiliaryData(request.authenticatedAuxiliaryData, QDate::currentDate());
        if (aux && !aux->isEmpty()) object.insert(QStringLiteral("aux"), *aux);
    }
    return object;
}

QJsonObject sdkCertificateMessage(const workflows::ConsentRequest& request) {
    QJsonObject object = sdkMessage("CERTIFICATE");
    object.insert(
        QStringLiteral("description"),
        QJsonObject{{QStringLiteral("issuerName"), QString::fromStdString(request.issuerName)},
                    {QStringLiteral("issuerUrl"), QString::fromStdString(request.issuerUrl)},
                    {QStringLiteral("subjectName"), QString::fromStdString(request.providerName)},
                    {QStringLiteral("subjectUrl"), QString::fromStdString(request.providerUrl)},
                    {QStringLiteral("termsOfUsage"), QString::fromStdString(request.termsOfUsage)},
                    {QStringLiteral("purpose"), QString::fromStdString(request.purpose)}});
    object.insert(
        QStringLiteral("validity"),
        QJsonObject{
            {QStringLiteral("effectiveDate"), QString::fromStdString(request.validFrom)},
            {QStringLiteral("expirationDate"), QString::fromStdString(request.validUntil)}});
    return object;
}

QString sdkFailureReason(const Error& error) {
    switch (error.code) {
        case ErrorCode::Cancelled:
            return QStringLiteral("User_Cancelled");
        case ErrorCode::CardRemoved:
            return QStringLiteral("Card_Removed");
        case ErrorCode::NoCard:
            return QStringLiteral("Card_Not_Found");
        case ErrorCode::Network:
            return QStringLiteral("Network_Error");
        case ErrorCode::AuthenticationFailed:
            return QStringLiteral("Establish_Pace_Channel_Failed");
        default:
            return QStringLiteral("Workflow_Error_") + QString::fromLatin1(toString(error.code));
    }
}

QJsonObject sdkAuthResultMessage(const workflows::AuthOutcome& outcome) {
    QJsonObject result;
    if (outcome.ok()) {
        result.insert(QStringLiteral("major"), net::uriOf(net::ResultMajor::Ok));
    } else {
        result.insert(QStringLiteral("major"), net::uriOf(net::ResultMajor::Error));
        result.insert(QStringLiteral("minor"), minorUri(outcome.result));
        result.insert(QStringLiteral("language"), QStringLiteral("en"));
        const Error error = outcome.error.value_or(Error{});
        result.insert(QStringLiteral("description"), net::toString(outcome.result.minor));
        result.insert(QStringLiteral("message"), QString::fromStdString(error.message));
        result.insert(QStringLiteral("reason"), sdkFailureReason(error));
    }
    QJsonObject object = sdkMessage("AUTH");
    object.insert(QStringLiteral("result"), result);
    if (!outcome.redirectUrl.isEmpty())
        object.insert(QStringLiteral("url"), outcome.redirectUrl.toString(QUrl::FullyEncoded));
    return object;
}

QJsonObject sdkChangePinResultMessage(bool success, const std::string& reason) {
    QJsonObject object = sdkMessage("CHANGE_PIN");
    object.insert(QStringLiteral("success"), success);
    if (!reason.empty()) object.insert(QStringLiteral("reason"), QString::fromStdString(reason));
    return object;
}

int sdkProgress(workflows::AuthStep step) {
    const int last = static_cast<int>(workflows::AuthStep::Done);
    return static_cast<int>(step) * 100 / last;
}

}  // namespace oa::service
