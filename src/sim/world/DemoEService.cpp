#include "sim/world/DemoEService.h"

#include <QUrlQuery>

#include "sim/world/TlsSetup.h"

namespace oa::sim {
namespace {

QByteArray escape(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped().toUtf8();
}

QByteArray page(const QByteArray& title, const QByteArray& content) {
    return "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" + title +
           "</title></head>\n<body><h1>" + title + "</h1>\n" + content + "</body></html>\n";
}

QByteArray escapeBytes(const QByteArray& text) {
    return QString::fromUtf8(text).toHtmlEscaped().toUtf8();
}

// "DG4,DG5" or "4,5"; nothing for an empty value.
std::optional<std::vector<eid::DataGroup>> groupsFrom(const QString& text) {
    std::vector<eid::DataGroup> groups;
    for (const auto& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        auto group = eid::parseDataGroup(part.trimmed().toStdString());
        if (!group) return std::nullopt;
        groups.push_back(*group);
    }
    return groups;
}

bool isDate(const QString& text) {
    if (text.size() != 8) return false;
    for (QChar c : text)
        if (!c.isDigit()) return false;
    return true;
}

QByteArray groupList(const std::vector<eid::DataGroup>& groups) {
    QByteArray list;
    for (auto group : groups)
        list += (list.isEmpty() ? "" : " ") + QByteArray::fromStdString(eid::toString(group));
    return list;
}

}  // namespace

DemoEService::DemoEService(const TlsTestPki& tls, EidServer& eidServer,
                           std::shared_ptr<const Misbehaviour> misbehaviour, EidRequest request)
    : tls_(tls),
      eidServer_(eidServer),
      misbehaviour_(std::move(misbehaviour)),
      request_(std::move(request)) {}

DemoEService::~DemoEService() = default;

Result<void> DemoEService::listen(const QHostAddress& address, quint16 port) {
    listener_ = std::make_unique<HttpsListener>(
        eServiceTlsConfiguration(tls_, misbehaviour_->eServiceTls),
        [this](const HttpRequest& request) { return handle(request); });
    if (!listener_->listen(address, port))
        return makeError(
            ErrorCode::Network, "The demo eService could not start",
            "cannot listen on " + address.toString().toStdString() + ":" + std::to_string(port));
    return {};
}

Result<void> DemoEService::listenAttached(const QHostAddress& address, quint16 port) {
    OpenSslHttpsListener::Options options;
    options.resumption = !misbehaviour_->attachedWithoutResumption;
    options.hostnameMismatch = misbehaviour_->eServiceTls.hostnameMismatch;
    attachedListener_ = std::make_unique<OpenSslHttpsListener>(
        tls_, options, [this](const HttpRequest& request) { return handle(request); });
    return attachedListener_->listen(address, port);
}

int DemoEService::tlsHandshakes() const {
    if (attachedListener_) return attachedListener_->handshakesCompleted();
    return listener_ ? listener_->handshakesCompleted() : 0;
}

int DemoEService::attachedHandshakes() const {
    return attachedListener_ ? attachedListener_->handshakesCompleted() : 0;
}

int DemoEService::attachedHandshakesResumed() const {
    return attachedListener_ ? attachedListener_->handshakesResumed() : 0;
}

quint16 DemoEService::port() const {
    if (attachedListener_) return attachedListener_->port();
    return listener_ ? listener_->port() : 0;
}

QUrl DemoEService::origin() const {
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port()));
}

QUrl DemoEService::loginUrl() const {
    return QUrl(origin().toString() + QStringLiteral("/"));
}

QUrl DemoEService::tcTokenUrl() const {
    return QUrl(origin().toString() + QStringLiteral("/tcToken"));
}

QUrl DemoEService::activationUrl() const {
    QUrl url(QStringLiteral("http://127.0.0.1:24727/eID-Client"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("tcTokenURL"),
                       QString::fromLatin1(QUrl::toPercentEncoding(tcTokenUrl().toString())));
    url.setQuery(query);
    return url;
}

HttpAnswer DemoEService::handle(const HttpRequest& request) {
    HttpAnswer answer;
    const QUrl url(QString::fromLatin1(request.target));
    const QString path = url.path();
    const bool overloadable =
        path == QLatin1String("/tcToken") || path == QLatin1String("/refresh");
    if (attached() && path == QLatin1String("/paos")) return attachedPaos(request);
    if (request.method != "GET" && request.method != "HEAD") {
        answer = HttpAnswer::html(405, page("Method not allowed", ""));
    } else if (overloadable && overload_.turnAway(misbehaviour_->eServiceOverload)) {
        ++turnedAway_;
        answer = HttpAnswer::html(misbehaviour_->eServiceOverload.status,
                                  page("Busy", "<p>The demo eService is overloaded.</p>"));
        answer.headers.append(
            {"Retry-After", QByteArray::number(misbehaviour_->eServiceOverload.retryAfterSeconds)});
    } else if (path == QLatin1String("/") || path == QLatin1String("/login")) {
        answer = loginPage();
    } else if (path == QLatin1String("/tcToken")) {
        auto eidRequest = requestFrom(url);
        answer = eidRequest ? tcToken(*eidRequest, request.tlsSessionId)
                            : HttpAnswer::html(400, page("Bad request",
                                                         "<p>read, optional: data groups like "
                                                         "DG4,DG5; age, valid: YYYYMMDD</p>"));
    } else if (path == QLatin1String("/refresh")) {
        answer = refreshPage(url);
    } else if (path == QLatin1String("/error")) {
        answer = errorPage(url);
    } else {
        answer = HttpAnswer::html(404, page("Not found", ""));
    }
    answer.delayMilliseconds = misbehaviour_->slowAnswerMilliseconds;
    if (request.method == "HEAD") answer.body.clear();
    return answer;
}

HttpAnswer DemoEService::loginPage() const {
    const QByteArray link = activationUrl().toString(QUrl::FullyEncoded).toLatin1();
    return HttpAnswer::html(
        200, page("OpenAusweis demo eService",
                  "<p>A test service of the OpenAusweis simulation world, not for production.</p>\n"
                  "<p><a id=\"login\" href=\"" +
                      escapeBytes(link) + "\">Log in with ID card</a></p>\n"));
}

QByteArray DemoEService::tokenXml(const QString& serverAddress, const QString& session,
                                  const QString& refresh, const QString& communicationError,
                                  const QByteArray& psk) const {
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TCTokenType>\n";
    const auto element = [&xml](const char* name, const QString& value) {
        xml +=
            QByteArray("  <") + name + ">" + value.toHtmlEscaped().toUtf8() + "</" + name + ">\n";
    };
    element("ServerAddress", serverAddress);
    element("SessionIdentifier", session);
    element("RefreshAddress", refresh);
    element("CommunicationErrorAddress", communicationError);
    element("Binding", QStringLiteral("urn:liberty:paos:2006-08"));
    if (!psk.isNull()) {
        element("PathSecurity-Protocol", QStringLiteral("urn:ietf:rfc:4279"));
        xml += "  <PathSecurity-Parameters>\n    <PSK>" + psk +
               "</PSK>\n  </PathSecurity-Parameters>\n";
    }
    xml += "</TCTokenType>\n";
    return xml;
}

std::optional<EidRequest> DemoEService::requestFrom(const QUrl& url) const {
    const QUrlQuery query(url);
    EidRequest request = request_;
    if (query.hasQueryItem(QStringLiteral("read"))) {
        auto groups = groupsFrom(query.queryItemValue(QStringLiteral("read")));
        if (!groups) return std::nullopt;
        request.required = std::move(*groups);
    }
    if (query.hasQueryItem(QStringLiteral("optional"))) {
        auto groups = groupsFrom(query.queryItemValue(QStringLiteral("optional")));
        if (!groups) return std::nullopt;
        request.optional = std::move(*groups);
    }
    for (const auto& [key, field] : {std::pair{QStringLiteral("age"), &EidRequest::bornOnOrBefore},
                                     std::pair{QStringLiteral("valid"), &EidRequest::validOn}}) {
        if (!query.hasQueryItem(key)) continue;
        const QString date = query.queryItemValue(key);
        if (!isDate(date)) return std::nullopt;
        request.*field = date.toStdString();
    }
    return request;
}

HttpAnswer DemoEService::attachedPaos(const HttpRequest& request) {
    // TLS-2 must run in the TLS session that carried the token: resumed on a new connection, or
    // the token's own connection kept alive (Qt's HTTP stack reuses it; AusweisApp2 1.26 sends
    // StartPAOS that way). A full handshake always gets a new session ID, so the ID decides.
    const auto found = attachedSessions_.find(request.tlsSessionId);
    if (found == attachedSessions_.end()) {
        ++paosRefused_;
        HttpAnswer refused;
        refused.closeWithoutAnswer = true;
        return refused;
    }
    return eidServer_.answerPaos(request, found->second);
}

HttpAnswer DemoEService::tcToken(const EidRequest& request, const QByteArray& tlsSessionId) {
    const QString base = origin().toString();
    QString communicationError = base + QStringLiteral("/error");
    HttpAnswer answer;
    answer.contentType = "text/xml; charset=utf-8";
    const BrokenToken broken = misbehaviour_->brokenToken;
    if (broken == BrokenToken::EmptyBody) return answer;
    if (broken == BrokenToken::OnlyCommunicationErrorAddress ||
        broken == BrokenToken::CommunicationErrorAddressHttp) {
        if (broken == BrokenToken::CommunicationErrorAddressHttp)
            communicationError = QStringLiteral("http://127.0.0.1:%1/error").arg(port());
        answer.body = tokenXml({}, {}, {}, communicationError, QByteArray());
        return answer;
    }
    const EidServer::NewSession session = eidServer_.createSession(request);
    lastSession_ = session.sessionIdentifier;
    ++tokensIssued_;
    QString serverAddress = eidServer_.serverAddress().toString();
    QString refresh = base + QStringLiteral("/refresh?session=") + session.sessionIdentifier;
    QByteArray psk = session.pskHex;
    if (attached()) {
        // TR-03130-4: an attached eID-Server's token has no PathSecurity elements.
        serverAddress = base + QStringLiteral("/paos");
        psk = QByteArray();
        attachedSessions_[tlsSessionId] = session.sessionIdentifier;
    }
    switch (broken) {
        case BrokenToken::ServerAddressEmpty:
            serverAddress.clear();
            break;
        case BrokenToken::ServerAddressHttp:
            serverAddress.replace(0, 5, QStringLiteral("http"));
            break;
        case BrokenToken::ServerAddressUnreachable:
            serverAddress = base + QStringLiteral("/nowhere");
            break;
        case BrokenToken::PskOddLength:
            if (!psk.isEmpty()) psk.chop(1);
            break;
        case BrokenToken::PskInvalidCharacters:
            if (!psk.isEmpty()) psk[0] = 'x';
            break;
        case BrokenToken::RefreshAddressHttp:
            refresh.replace(0, 5, QStringLiteral("http"));
            break;
        default:
            break;
    }
    answer.body =
        tokenXml(serverAddress, session.sessionIdentifier, refresh, communicationError, psk);
    return answer;
}

HttpAnswer DemoEService::refreshPage(const QUrl& url) const {
    const QUrlQuery query(url);
    const QString sessionId = query.queryItemValue(QStringLiteral("session"));
    const QByteArray major = query.queryItemValue(QStringLiteral("ResultMajor")).toUtf8();
    const QByteArray minor = query.queryItemValue(QStringLiteral("ResultMinor")).toUtf8();
    QByteArray content = "<p id=\"browser-result\">ResultMajor=" + escapeBytes(major) +
                         (minor.isEmpty() ? "" : " ResultMinor=" + escapeBytes(minor)) + "</p>\n";
    const EidSession* session = eidServer_.session(sessionId);
    if (session == nullptr) return HttpAnswer::html(404, page("Unknown session", content));
    const EidSessionResult& result = session->result();
    if (!result.finished) {
        content += "<p id=\"status\">unfinished</p>\n";
    } else if (!result.ok) {
        content += "<p id=\"status\">error</p>\n<p id=\"error\">" + escape(result.error) +
                   "</p>\n<pre id=\"detail\">" + escape(result.errorDetail) + "</pre>\n";
    } else {
        content += "<p id=\"status\">ok</p>\n<p>Document signer: " + escape(result.documentSigner) +
                   "</p>\n<table id=\"data\">\n";
        for (const auto& [label, value] : result.data.describe())
            content += "<tr><th>" + escape(label) + "</th><td>" + escape(value) + "</td></tr>\n";
        content += "</table>\n<p id=\"read\">read: " + groupList(result.read) + "</p>\n";
        content += "<p id=\"absent\">absent: " + groupList(result.absent) + "</p>\n";
        content += "<p id=\"not-allowed\">not released: " + groupList(result.notAllowed) + "</p>\n";
        const auto verdict = [](const std::optional<bool>& value) -> QByteArray {
            return value ? (*value ? "yes" : "no") : "not verified";
        };
        if (session->request().bornOnOrBefore)
            content += "<p id=\"age\">born on or before " +
                       escape(*session->request().bornOnOrBefore) + ": " +
                       verdict(result.ageVerified) + "</p>\n";
        if (session->request().validOn)
            content += "<p id=\"validity\">valid on " + escape(*session->request().validOn) + ": " +
                       verdict(result.documentValidity) + "</p>\n";
    }
    return HttpAnswer::html(200, page("Demo eService: what the eID-Server read", content));
}

HttpAnswer DemoEService::errorPage(const QUrl& url) const {
    const QUrlQuery query(url);
    const QByteArray major = query.queryItemValue(QStringLiteral("ResultMajor")).toUtf8();
    const QByteArray minor = query.queryItemValue(QStringLiteral("ResultMinor")).toUtf8();
    return HttpAnswer::html(200, page("Demo eService: communication error",
                                      "<p id=\"browser-result\">ResultMajor=" + escapeBytes(major) +
                                          " ResultMinor=" + escapeBytes(minor) + "</p>\n"));
}

}  // namespace oa::sim
