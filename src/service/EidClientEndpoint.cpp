#include "service/EidClientEndpoint.h"

#include <QUrlQuery>
#include <array>

#include "service/ErrorPage.h"
#include "service/ServiceLog.h"

namespace oa::service {

namespace {

constexpr std::string_view kPath = "/eID-Client";

void allowCrossOrigin(HttpResponse& response) {
    // Web pages probe and start the eID-Client with fetch(); Chrome's Private Network Access asks
    // the loopback server for explicit consent in the pre-flight.
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("Access-Control-Allow-Private-Network", "true");
}

HttpResponse preflight() {
    HttpResponse response;
    response.status = 204;
    allowCrossOrigin(response);
    response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
    response.setHeader("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Type");
    response.setHeader("Access-Control-Max-Age", "600");
    return response;
}

void forbidCaching(HttpResponse& response) {
    response.setHeader("Cache-Control", "no-cache, no-store");
    response.setHeader("Pragma", "no-cache");
}

PageLanguage languageOf(const HttpRequest& request) {
    return preferredLanguage(request.header("Accept-Language"));
}

PageReason reasonForStatus(int status) {
    switch (status) {
        case 400:
            return PageReason::NoRedirect;
        case 404:
            return PageReason::TcTokenNotFound;
        case 409:
            return PageReason::Busy;
        default:
            return PageReason::InternalError;
    }
}

}  // namespace

EidClientQuery parseEidClientQuery(std::string_view query) {
    // Bytes that are not UTF-8 would be decoded to U+FFFD, and the workflow would fetch an address
    // the web page never named: such a value is malformed, not repaired.
    const bool rawUtf8 =
        QUtf8StringView(query.data(), static_cast<qsizetype>(query.size())).isValidUtf8();
    const QUrlQuery items(QString::fromUtf8(query.data(), static_cast<qsizetype>(query.size())));
    const auto decoded = items.queryItems(QUrl::FullyDecoded);
    const auto encoded = items.queryItems(QUrl::FullyEncoded);
    for (qsizetype i = 0; i < decoded.size(); ++i) {
        const auto& [key, value] = decoded[i];
        const QString upper = key.toUpper();
        EidClientQuery::Kind kind = EidClientQuery::Kind::None;
        if (upper == QLatin1String("TCTOKENURL")) kind = EidClientQuery::Kind::TcTokenUrl;
        if (upper == QLatin1String("STATUS")) kind = EidClientQuery::Kind::Status;
        if (upper == QLatin1String("SHOWUI")) kind = EidClientQuery::Kind::ShowUi;
        if (kind == EidClientQuery::Kind::None) continue;
        const QByteArray bytes = QByteArray::fromPercentEncoding(encoded[i].second.toLatin1());
        if (!rawUtf8 || !QUtf8StringView(bytes).isValidUtf8()) return {kind, {}, false, true};
        return {kind, value, !value.isEmpty()};
    }
    return {};
}

QString showUiModule(const QString& value) {
    static const std::array<QLatin1String, 9> known{QLatin1String("CURRENT"),
                                                    QLatin1String("DEFAULT"),
                                                    QLatin1String("IDENTIFY"),
                                                    QLatin1String("SETTINGS"),
                                                    QLatin1String("PINMANAGEMENT"),
                                                    QLatin1String("HELP"),
                                                    QLatin1String("SELF_AUTHENTICATION"),
                                                    QLatin1String("ONBOARDING"),
                                                    QLatin1String("UPDATEINFORMATION")};
    const QString module = value.toUpper().replace(QLatin1Char('-'), QLatin1Char('_'));
    for (const QLatin1String& name : known)
        if (module == name) return module;
    return QStringLiteral("DEFAULT");
}

EidClientEndpoint::EidClientEndpoint(ActivationHandler& activation, ServerIdentity identity,
                                     QObject* parent)
    : QObject(parent), activation_(activation), identity_(std::move(identity)) {}

void EidClientEndpoint::handle(const HttpRequest& request, HttpResponder responder) {
    if (request.upgrade && upgradeHandler) return upgradeHandler->handle(request, responder);
    const bool ourPath = request.path() == kPath;
    if (ourPath && (request.method == "OPTIONS" || request.method == "HEAD")) {
        responder.send(preflight());
        return;
    }
    const EidClientQuery query = parseEidClientQuery(request.query());
    if (!ourPath || request.method != "GET" || query.kind == EidClientQuery::Kind::None) {
        responder.send(errorPage(404, PageReason::UnknownRequest, languageOf(request),
                                 request.method + ' ' + request.target));
        return;
    }
    switch (query.kind) {
        case EidClientQuery::Kind::Status:
            answerStatus(request, query.value, responder);
            return;
        case EidClientQuery::Kind::ShowUi:
            answerShowUi(request, query.value, responder);
            return;
        case EidClientQuery::Kind::TcTokenUrl:
            startActivation(request, query.value, query.malformed, responder);
            return;
        case EidClientQuery::Kind::None:
            return;
    }
}

void EidClientEndpoint::answerStatus(const HttpRequest&, const QString& format,
                                     HttpResponder& responder) {
    HttpResponse response;
    const bool json = format.compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
    response.body = json ? identity_.statusJson() : identity_.statusText();
    response.setHeader("Content-Type", json ? "application/json" : "text/plain; charset=utf-8");
    allowCrossOrigin(response);
    forbidCaching(response);
    responder.send(std::move(response));
}

void EidClientEndpoint::answerShowUi(const HttpRequest& request, const QString& module,
                                     HttpResponder& responder) {
    const std::string* userAgent = request.header("User-Agent");
    HttpResponse response;
    allowCrossOrigin(response);
    forbidCaching(response);
    responder.send(std::move(response));
    emit showUiRequested(showUiModule(module),
                         userAgent ? QString::fromStdString(*userAgent) : QString());
}

void EidClientEndpoint::startActivation(const HttpRequest& request, const QString& tcTokenUrl,
                                        bool malformed, HttpResponder responder) {
    const PageLanguage language = languageOf(request);
    const QUrl url(tcTokenUrl, QUrl::StrictMode);
    if (malformed) {
        HttpResponse page = errorPage(400, PageReason::InvalidActivation, language,
                                      "tcTokenURL: not UTF-8 after percent-decoding");
        page.closeConnection = true;
        responder.send(std::move(page));
        return;
    }
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
        HttpResponse page =
            errorPage(400, PageReason::InvalidActivation, language,
                      tcTokenUrl.isEmpty() ? std::string("tcTokenURL: –")
                                           : "tcTokenURL: " + tcTokenUrl.toStdString());
        page.closeConnection = true;
        responder.send(std::move(page));
        return;
    }
    if (running_) {
        HttpResponse page = errorPage(409, PageReason::Busy, language, {}, request.target);
        page.closeConnection = true;
        responder.send(std::move(page));
        return;
    }
    running_ = true;
    const quint64 activation = ++activationSerial_;
    qCInfo(lcService).noquote() << "activation started for" << url.toString(QUrl::RemoveQuery);
    responder.sendInterim(102);
    responder.whenClosed(this, [this, activation] {
        if (!running_ || activation != activationSerial_) return;
        qCInfo(lcService) << "the browser left during the activation; cancelling it";
        emit browserLeft();
        activation_.cancel();
    });
    emit activationStarted(url);
    activation_.start(url, [this, activation, responder, language,
                            target = request.target](const ActivationOutcome& outcome) {
        finishActivation(activation, responder, language, target, outcome);
    });
}

void EidClientEndpoint::finishActivation(quint64 activation, HttpResponder responder,
                                         PageLanguage language, const std::string& target,
                                         const ActivationOutcome& outcome) {
    if (!running_ || activation != activationSerial_) return;
    running_ = false;
    HttpResponse response;
    if (outcome.redirect.isValid() && !outcome.redirect.isEmpty()) {
        response.status = 303;
        response.setHeader("Location", outcome.redirect.toString(QUrl::FullyEncoded).toStdString());
    } else {
        // 409: the app is busy with another user's workflow (the window or an SDK client).
        const int status =
            outcome.errorStatus == 400 || outcome.errorStatus == 404 || outcome.errorStatus == 409
                ? outcome.errorStatus
                : 500;
        response = errorPage(status, reasonForStatus(status), language,
                             outcome.errorDetail.toStdString(), status == 409 ? target : "");
    }
    forbidCaching(response);
    response.closeConnection = true;
    const int status = response.status;
    if (!responder.send(std::move(response)))
        qCInfo(lcService) << "the browser connection was lost; no automatic redirect possible";
    emit activationFinished(outcome.redirect, status == 303 ? 0 : status);
}

}  // namespace oa::service
