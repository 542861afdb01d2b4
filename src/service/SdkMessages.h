#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "eac/Chat.h"
#include "service/ServerIdentity.h"
#include "workflows/Interaction.h"

namespace oa::service {

// The AusweisApp SDK's JSON messages (docs/sdk/messages.rst; §3.3 of our digest), built from our
// own types. Only the shapes live here; SdkSession decides when each is sent.
inline constexpr int kSdkLowestApiLevel = 1;
inline constexpr int kSdkCurrentApiLevel = 3;

// A reader as the SDK describes it. `card` is absent for an empty reader.
struct SdkReader {
    struct Card {
        bool known = false;  // an eID card whose PIN state we know
        bool inoperative = false;
        bool deactivated = false;
        int retryCounter = -1;
    };
    std::string name;
    bool attached = true;
    bool insertable = false;  // the Simulator: SET_CARD places a card
    bool keypad = false;
    std::optional<Card> card;
};

QJsonObject sdkMessage(const char* msg);
QJsonObject sdkError(const char* msg, const QString& error);
QJsonObject sdkReaderObject(const SdkReader& reader, int apiLevel);
QJsonObject sdkReaderMessage(const SdkReader& reader, int apiLevel);
QJsonObject sdkReaderListMessage(const std::vector<SdkReader>& readers, int apiLevel);
QJsonObject sdkInfoMessage(const ServerIdentity& identity);
QJsonObject sdkApiLevelMessage(int current, const QString& error = {});

// AusweisApp's names of the access rights (AccessRight -> "FamilyName"); nullopt for rights the
// SDK has no name for.
std::optional<QString> sdkAccessRightName(eac::AccessRight right);
std::optional<eac::AccessRight> sdkAccessRightFromName(const QString& name);

QJsonObject sdkAccessRightsMessage(const workflows::ConsentRequest& request,
                                   const std::vector<eac::AccessRight>& deselected,
                                   const QString& error = {});
QJsonObject sdkCertificateMessage(const workflows::ConsentRequest& request);
QJsonObject sdkAuthResultMessage(const workflows::AuthOutcome& outcome);
QJsonObject sdkChangePinResultMessage(bool success, const std::string& reason);
// AusweisApp's FailureCode name for an error that ended a workflow.
QString sdkFailureReason(const Error& error);
// Rough share of the authentication done at this step, for STATUS.
int sdkProgress(workflows::AuthStep step);

}  // namespace oa::service
