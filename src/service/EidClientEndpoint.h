#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include "service/ActivationHandler.h"
#include "service/HttpHandler.h"
#include "service/ServerIdentity.h"

namespace oa::service {

// GET /eID-Client of TR-03124-1: ?tcTokenURL= (the browser activation), ?Status[=json],
// ?ShowUI[=MODULE]; OPTIONS/HEAD answer the CORS and Private-Network-Access pre-flight.
class EidClientEndpoint : public QObject, public HttpHandler {
    Q_OBJECT
public:
    explicit EidClientEndpoint(ActivationHandler& activation,
                               ServerIdentity identity = ServerIdentity::ours(),
                               QObject* parent = nullptr);

    void handle(const HttpRequest& request, HttpResponder responder) override;
    bool activationRunning() const { return running_; }
    // Takes WebSocket upgrade requests (the SDK's /eID-Kernel); without one they get 404.
    HttpHandler* upgradeHandler = nullptr;

signals:
    // MODULE upper-cased with '-' as '_' (e.g. PINMANAGEMENT, SETTINGS); DEFAULT when none or
    // unknown. userAgent tells a second instance of ours from a web page.
    void showUiRequested(const QString& module, const QString& userAgent);
    void activationStarted(const QUrl& tcTokenUrl);
    void activationFinished(const QUrl& redirect, int errorStatus);
    void browserLeft();

private:
    void answerStatus(const HttpRequest& request, const QString& format, HttpResponder& responder);
    void answerShowUi(const HttpRequest& request, const QString& module, HttpResponder& responder);
    void startActivation(const HttpRequest& request, const QString& tcTokenUrl, bool malformed,
                         HttpResponder responder);
    // `target` is the activation's request target, the "try again" link of a 409 page.
    void finishActivation(quint64 activation, HttpResponder responder, PageLanguage language,
                          const std::string& target, const ActivationOutcome& outcome);

    ActivationHandler& activation_;
    ServerIdentity identity_;
    bool running_ = false;
    quint64 activationSerial_ = 0;
};

// What the query of /eID-Client asks for: the first key that is one of ours wins
// (case-insensitive).
struct EidClientQuery {
    enum class Kind { None, TcTokenUrl, Status, ShowUi };
    Kind kind = Kind::None;
    QString value;
    bool hasValue = false;
    bool malformed = false;  // the value's bytes are not UTF-8 (raw or percent-encoded)
};
EidClientQuery parseEidClientQuery(std::string_view query);
QString showUiModule(const QString& value);

}  // namespace oa::service
