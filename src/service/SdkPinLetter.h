#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>
#include <mutex>
#include <variant>

#include "card/ReaderBackend.h"
#include "service/SdkInteraction.h"
#include "workflows/AuthWorkflow.h"
#include "workflows/PinLetterWorkflow.h"

namespace oa::service {

// OpenAusweis's SDK extension for the replacement PIN (issue 8; the AusweisApp SDK has none):
// {"cmd":"RUN_PIN_LETTER","action":"order"|"activate","service":"https://...",
//  "activationCode":"..." (activate only),"developerMode":bool}. Progress and end are
// {"msg":"PIN_LETTER","stage":...} messages; the card part uses the usual SDK questions.
struct SdkPinLetterRequest {
    bool activate = false;
    QUrl service;
    QString activationCode;
    bool developerMode = false;
};

// The request, or the error text of a PIN_LETTER message (the SDK's "X cannot be undefined",
// "Invalid X", "Validation of X failed" wording).
std::variant<SdkPinLetterRequest, QString> parseSdkPinLetter(const QJsonObject& command);

QJsonObject sdkPinLetterStageMessage(workflows::PinLetterStage stage, int retryIn = -1);
QJsonObject sdkPinLetterResultMessage(const workflows::PinLetterOutcome& outcome);

// One RUN_PIN_LETTER on a worker thread: the PinLetterWorkflow with its store, its service
// client and the SDK interaction for the card part. run() blocks; cancel() is thread-safe.
class SdkPinLetterRun {
public:
    struct Setup {
        using ClientFactory =
            std::function<std::unique_ptr<net::ServiceClient>(const workflows::PinLetterSettings&)>;
        SdkPinLetterRequest request;
        workflows::PinLetterSettings settings;  // service filled in from the request
        workflows::AuthSettings auth;
        QString storePath;  // PendingOrderStore file
        ClientFactory client;
    };
    // `post` gets every PIN_LETTER message; `last` is true for the end.
    using Post = std::function<void(QJsonObject message, bool last)>;

    SdkPinLetterRun(ReaderBackend& backend, SdkInteraction& interaction, Setup setup, Post post);

    void run();
    void cancel();

private:
    void enter(workflows::PinLetterStage stage);

    ReaderBackend& backend_;
    SdkInteraction& interaction_;
    Setup setup_;
    Post post_;
    std::mutex mutex_;
    workflows::PinLetterWorkflow* workflow_ = nullptr;
    bool cancelled_ = false;
    workflows::PinLetterStage shown_ = workflows::PinLetterStage::Ordering;
};

}  // namespace oa::service
