#include "sim/world/PinLetterService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>

#include "sim/world/TlsSetup.h"

namespace oa::sim {
namespace {

HttpAnswer json(int status, const QJsonObject& object) {
    HttpAnswer answer;
    answer.status = status;
    answer.contentType = "application/json";
    answer.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return answer;
}

HttpAnswer jsonError(int status, const char* error, const QString& message) {
    return json(status, {{"error", QLatin1String(error)}, {"message", message}});
}

QByteArray escape(const QString& text) {
    return text.toHtmlEscaped().toUtf8();
}

// Printable, 8 to 128 characters: a UUID or anything similar the client chose.
bool validKey(const QByteArray& key) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._~+/=-]{8,128}$"));
    return pattern.match(QString::fromLatin1(key)).hasMatch();
}

QString addresseeFrom(const eid::EidData& data) {
    QStringList lines;
    QString name = QString::fromStdString(data.givenNames.value_or("")) + QLatin1Char(' ') +
                   QString::fromStdString(data.familyNames.value_or(""));
    lines << name.trimmed();
    if (data.placeOfResidence)
        for (const auto& place : *data.placeOfResidence)
            lines << QString::fromStdString(eid::toDisplay(place));
    return lines.join(QStringLiteral(", "));
}

std::vector<eid::DataGroup> namesAndAddress() {
    return {eid::DataGroup::DG4, eid::DataGroup::DG5, eid::DataGroup::DG17};
}

}  // namespace

PinLetterService::PinLetterService(const TlsTestPki& tls, EidServer& eidServer,
                                   PinLetterOverload overload)
    : tls_(tls), eidServer_(eidServer) {
    setOverload(overload);
}

PinLetterService::~PinLetterService() = default;

Result<void> PinLetterService::listen(const QHostAddress& address, quint16 port) {
    listener_ = std::make_unique<HttpsListener>(
        eServiceTlsConfiguration(tls_, TlsMisbehaviour{}),
        [this](const HttpRequest& request) { return handle(request); });
    if (!listener_->listen(address, port))
        return makeError(
            ErrorCode::Network, "The PIN letter service could not start",
            "cannot listen on " + address.toString().toStdString() + ":" + std::to_string(port));
    return {};
}

quint16 PinLetterService::port() const {
    return listener_ ? listener_->port() : 0;
}

QUrl PinLetterService::origin() const {
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port()));
}

QUrl PinLetterService::mailboxUrl() const {
    return QUrl(origin().toString() + QStringLiteral("/mailbox"));
}

void PinLetterService::setOverload(const PinLetterOverload& overload) {
    overload_ = overload;
    overloadSetAt_ = std::chrono::steady_clock::now();
    turnAwayGate_ = {};
    dropGate_ = {};
}

bool PinLetterService::inOutage() const {
    if (overload_.outageLength.count() <= 0) return false;
    const auto start = overloadSetAt_ + overload_.outageStart;
    const auto now = std::chrono::steady_clock::now();
    return now >= start && now < start + overload_.outageLength;
}

PinLetterStore& PinLetterService::store() {
    return store_;
}

HttpAnswer PinLetterService::handle(const HttpRequest& request) {
    const QUrl url(QString::fromLatin1(request.target));
    const QString path = url.path();
    const bool alwaysUp = path.startsWith(QLatin1String("/mailbox")) ||
                          path == QLatin1String("/overload") || path == QLatin1String("/");
    if (alwaysUp) return route(request, path);
    ++statistics_.requests;
    HttpAnswer answer;
    if (auto refused = overloadAnswer())
        answer = *refused;
    else
        answer = route(request, path);
    answer.delayMilliseconds = overload_.latencyMilliseconds;
    return answer;
}

std::optional<HttpAnswer> PinLetterService::overloadAnswer() {
    if (inOutage()) {
        ++statistics_.turnedAway;
        auto answer = jsonError(503, "unavailable", QStringLiteral("The service is down."));
        if (overload_.outageRetryAfterSeconds > 0)
            answer.headers.append(
                {"Retry-After", QByteArray::number(overload_.outageRetryAfterSeconds)});
        return answer;
    }
    if (dropGate_.turnAway(Overload{overload_.dropFraction, 503, 0})) {
        ++statistics_.dropped;
        HttpAnswer dropped;
        dropped.closeWithoutAnswer = true;
        return dropped;
    }
    if (turnAwayGate_.turnAway(overload_.turnAway)) {
        ++statistics_.turnedAway;
        auto answer = jsonError(overload_.turnAway.status, "busy",
                                QStringLiteral("Too many requests, try again later."));
        answer.headers.append(
            {"Retry-After", QByteArray::number(overload_.turnAway.retryAfterSeconds)});
        return answer;
    }
    return std::nullopt;
}

HttpAnswer PinLetterService::route(const HttpRequest& request, const QString& path) {
    const QUrl url(QString::fromLatin1(request.target));
    const bool post = request.method == "POST";
    const bool get = request.method == "GET";
    if (path == QLatin1String("/order") && post) return placeOrder(request);
    if (path.startsWith(QLatin1String("/orders/")) && get) return orderStatus(path.mid(8));
    if (path == QLatin1String("/activation") && post) return startActivation(request);
    if (path.startsWith(QLatin1String("/activations/")) && get)
        return activationStatus(path.mid(13));
    if (path == QLatin1String("/tcToken") && get) return tcToken(url);
    if (path == QLatin1String("/done") && get) return donePage(url);
    if (path == QLatin1String("/mailbox") && get) return mailbox(false);
    if (path == QLatin1String("/mailbox.json") && get) return mailbox(true);
    if (path == QLatin1String("/overload") && (get || post)) return overloadSwitch(request);
    if (path == QLatin1String("/") && get)
        return HttpAnswer::html(200,
                                "<!doctype html><title>PIN letter service</title><h1>PIN "
                                "letter service (simulation)</h1><p><a href=\"/mailbox\">"
                                "Mailbox</a></p>");
    return jsonError(404, "not-found", QStringLiteral("No such endpoint."));
}

HttpAnswer PinLetterService::placeOrder(const HttpRequest& request) {
    const QByteArray key = request.header("Idempotency-Key");
    if (!validKey(key))
        return jsonError(400, "idempotency-key-required",
                         QStringLiteral("An order needs an Idempotency-Key header (8 to 128 "
                                        "characters)."));
    const auto placed = store_.placeOrder(key);
    if (placed.created)
        ++statistics_.ordersCreated;
    else
        ++statistics_.orderRepeats;
    settle(*placed.order);
    return json(placed.created ? 201 : 200, describe(*placed.order));
}

HttpAnswer PinLetterService::orderStatus(const QString& reference) {
    PinLetterOrder* order = store_.order(reference);
    if (!order) return jsonError(404, "unknown-order", QStringLiteral("No such order."));
    settle(*order);
    return json(200, describe(*order));
}

HttpAnswer PinLetterService::startActivation(const HttpRequest& request) {
    const QByteArray key = request.header("Idempotency-Key");
    if (!validKey(key))
        return jsonError(400, "idempotency-key-required",
                         QStringLiteral("An activation needs an Idempotency-Key header."));
    QJsonParseError parseError{};
    const QJsonDocument body = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonValue code = body.object().value(QStringLiteral("activationCode"));
    if (parseError.error != QJsonParseError::NoError || !body.isObject() || !code.isString() ||
        body.object().size() != 1)
        return jsonError(400, "bad-request",
                         QStringLiteral("Send {\"activationCode\": \"...\"} as JSON."));
    auto started = store_.startActivation(key, code.toString());
    if (!started) {
        const std::string& reason = started.error().detail;
        const int status = reason == "activation-code-used"     ? 409
                           : reason == "idempotency-key-reused" ? 422
                                                                : 404;
        return jsonError(status, reason.c_str(), QString::fromStdString(started.error().message));
    }
    settle(*started->activation);
    return json(started->created ? 201 : 200, describe(*started->activation));
}

HttpAnswer PinLetterService::activationStatus(const QString& reference) {
    PinLetterActivation* activation = store_.activation(reference);
    if (!activation)
        return jsonError(404, "unknown-activation", QStringLiteral("No such activation."));
    settle(*activation);
    return json(200, describe(*activation));
}

HttpAnswer PinLetterService::tcToken(const QUrl& url) {
    const QUrlQuery query(url);
    EidRequest request;
    request.terminal = TerminalProfile::PinReset;
    request.optional.clear();
    QString refresh = origin().toString() + QStringLiteral("/done?");
    if (query.hasQueryItem(QStringLiteral("order"))) {
        PinLetterOrder* order = store_.order(query.queryItemValue(QStringLiteral("order")));
        if (!order) return jsonError(404, "unknown-order", QStringLiteral("No such order."));
        settle(*order);
        if (order->status == PinLetterOrderStatus::LetterSent)
            return jsonError(409, "letter-sent", QStringLiteral("The letter is on its way."));
        request.required = namesAndAddress();
        const auto session = eidServer_.createSession(request);
        order->sessions.push_back(session.sessionIdentifier);
        HttpAnswer answer;
        answer.contentType = "text/xml; charset=utf-8";
        answer.body = tokenXml(session, refresh + QStringLiteral("order=") + order->reference);
        return answer;
    }
    PinLetterActivation* activation =
        store_.activation(query.queryItemValue(QStringLiteral("activation")));
    if (!activation)
        return jsonError(404, "unknown-activation", QStringLiteral("No such activation."));
    settle(*activation);
    const PinLetter* letter = store_.letterFor(*activation);
    if (activation->status == PinLetterActivationStatus::Activated || !letter)
        return jsonError(409, "activated", QStringLiteral("The PIN was already set."));
    request.required = {eid::DataGroup::DG4, eid::DataGroup::DG5};
    const QByteArray pin = letter->newPin.toLatin1();
    request.newPin = SecureBytes(ByteView(reinterpret_cast<const std::uint8_t*>(pin.constData()),
                                          static_cast<std::size_t>(pin.size())));
    request.activateEid = true;
    const auto session = eidServer_.createSession(request);
    activation->sessions.push_back(session.sessionIdentifier);
    HttpAnswer answer;
    answer.contentType = "text/xml; charset=utf-8";
    answer.body =
        tokenXml(session, refresh + QStringLiteral("activation=") + activation->reference);
    return answer;
}

QByteArray PinLetterService::tokenXml(const EidServer::NewSession& session,
                                      const QString& refresh) const {
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TCTokenType>\n";
    const auto element = [&xml](const char* name, const QString& value) {
        xml += QByteArray("  <") + name + ">" + escape(value) + "</" + name + ">\n";
    };
    element("ServerAddress", eidServer_.serverAddress().toString());
    element("SessionIdentifier", session.sessionIdentifier);
    element("RefreshAddress", refresh);
    element("CommunicationErrorAddress", origin().toString() + QStringLiteral("/done?error=1"));
    element("Binding", QStringLiteral("urn:liberty:paos:2006-08"));
    element("PathSecurity-Protocol", QStringLiteral("urn:ietf:rfc:4279"));
    xml += "  <PathSecurity-Parameters>\n    <PSK>" + session.pskHex +
           "</PSK>\n  </PathSecurity-Parameters>\n</TCTokenType>\n";
    return xml;
}

HttpAnswer PinLetterService::donePage(const QUrl& url) {
    const QUrlQuery query(url);
    QByteArray text = "<p>The authentication did not finish.</p>";
    if (PinLetterOrder* order = store_.order(query.queryItemValue(QStringLiteral("order")))) {
        settle(*order);
        text = "<p>Order " + escape(order->reference) + ": " + toString(order->status) + "</p>";
    } else if (PinLetterActivation* activation =
                   store_.activation(query.queryItemValue(QStringLiteral("activation")))) {
        settle(*activation);
        text = "<p>Activation " + escape(activation->reference) + ": " +
               toString(activation->status) + "</p>";
    }
    return HttpAnswer::html(200, "<!doctype html><title>PIN letter service</title>" + text);
}

HttpAnswer PinLetterService::mailbox(bool asJson) {
    QJsonArray letters;
    QByteArray rows;
    for (const PinLetter& letter : store_.letters()) {
        letters.append(QJsonObject{{"order", letter.orderReference},
                                   {"newPin", letter.newPin},
                                   {"activationCode", letter.activationCode},
                                   {"addressee", letter.addressee},
                                   {"used", letter.used}});
        rows += "<tr><td>" + escape(letter.orderReference) + "</td><td>" +
                escape(letter.addressee) + "</td><td class=\"pin\">" + escape(letter.newPin) +
                "</td><td class=\"code\">" + escape(letter.activationCode) + "</td><td>" +
                (letter.used ? "used" : "not used yet") + "</td></tr>\n";
    }
    if (asJson) return json(200, {{"letters", letters}});
    return HttpAnswer::html(
        200,
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Mailbox</title></head>"
        "<body><h1>Mailbox (simulation only)</h1>\n<p>The letters the PIN letter service "
        "has posted. A real letter goes by registered mail to the address on the card.</p>\n"
        "<table><tr><th>Order</th><th>To</th><th>New PIN</th><th>Activation code</th>"
        "<th>State</th></tr>\n" +
            rows + "</table></body></html>\n");
}

HttpAnswer PinLetterService::overloadSwitch(const HttpRequest& request) {
    if (request.method == "POST") {
        QJsonParseError parseError{};
        const QJsonDocument body = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !body.isObject())
            return jsonError(400, "bad-request", QStringLiteral("Send the switch as JSON."));
        auto overload = PinLetterOverload::fromJson(body.object());
        if (!overload)
            return jsonError(400, "bad-request", QString::fromStdString(overload.error().message));
        setOverload(*overload);
    }
    QJsonObject state = overload_.toJson();
    state.insert(QStringLiteral("inOutage"), inOutage());
    return json(200, state);
}

void PinLetterService::settle(PinLetterOrder& order) {
    if (order.status == PinLetterOrderStatus::LetterSent) return;
    for (const QString& id : order.sessions) {
        const EidSession* session = eidServer_.session(id);
        if (!session || !session->finished() || !session->result().ok) continue;
        const auto& data = session->result().data;
        if (!data.placeOfResidence) continue;  // no address, no letter
        store_.sendLetter(order, addresseeFrom(data), [](int bound) {
            return static_cast<int>(QRandomGenerator::system()->bounded(bound));
        });
        return;
    }
}

void PinLetterService::settle(PinLetterActivation& activation) {
    if (activation.status == PinLetterActivationStatus::Activated) return;
    for (const QString& id : activation.sessions) {
        const EidSession* session = eidServer_.session(id);
        if (!session || !session->finished() || !session->result().ok) continue;
        if (!session->result().pinSet) continue;
        activation.status = PinLetterActivationStatus::Activated;
        if (PinLetter* letter = store_.letterFor(activation)) letter->used = true;
        return;
    }
}

QJsonObject PinLetterService::describe(const PinLetterOrder& order) const {
    return {
        {"order", order.reference},
        {"status", QLatin1String(toString(order.status))},
        {"tcTokenUrl", origin().toString() + QStringLiteral("/tcToken?order=") + order.reference},
        {"statusUrl", origin().toString() + QStringLiteral("/orders/") + order.reference}};
}

QJsonObject PinLetterService::describe(const PinLetterActivation& activation) const {
    return {{"activation", activation.reference},
            {"order", activation.orderReference},
            {"status", QLatin1String(toString(activation.status))},
            {"tcTokenUrl",
             origin().toString() + QStringLiteral("/tcToken?activation=") + activation.reference},
            {"statusUrl",
             origin().toString() + QStringLiteral("/activations/") + activation.reference}};
}

}  // namespace oa::sim
