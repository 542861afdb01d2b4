#include "sim/world/EidServer.h"

#include <QUuid>

#include "crypto/Random.h"
#include "sim/world/TlsSetup.h"

namespace oa::sim {
namespace {

constexpr std::size_t kPskBytes = 32;

QByteArray randomHex(std::size_t bytes) {
    auto random = crypto::randomBytes(bytes);
    const Bytes value = random ? *random : Bytes(bytes, 0);
    return QByteArray::fromStdString(toHex(value)).toLower();
}

}  // namespace

EidServer::EidServer(const TlsTestPki& tls, eac::CscaTrustList trust,
                     std::shared_ptr<const Misbehaviour> misbehaviour)
    : tls_(tls), trust_(std::move(trust)), misbehaviour_(std::move(misbehaviour)) {}

EidServer::~EidServer() = default;

Result<void> EidServer::listen(const QHostAddress& address, quint16 port) {
    listener_ = std::make_unique<HttpsListener>(
        eidServerTlsConfiguration(tls_, misbehaviour_->eidServerTls),
        [this](const HttpRequest& request) { return handle(request); },
        [this](const QByteArray& identity) -> std::optional<QByteArray> {
            const auto found = psks_.find(QString::fromLatin1(identity));
            if (found == psks_.end()) return std::nullopt;
            return QByteArray::fromHex(found->second);
        });
    if (!listener_->listen(address, port))
        return makeError(
            ErrorCode::Network, "The test eID-Server could not start",
            "cannot listen on " + address.toString().toStdString() + ":" + std::to_string(port));
    return {};
}

quint16 EidServer::port() const {
    return listener_ ? listener_->port() : 0;
}

QUrl EidServer::serverAddress() const {
    return QUrl(QStringLiteral("https://127.0.0.1:%1/paos").arg(port()));
}

void EidServer::setServiceCertificates(std::shared_ptr<const ServiceCertificates> certificates,
                                       std::shared_ptr<const ServiceCertificates> wrongHash) {
    certificates_ = std::move(certificates);
    wrongHash_ = std::move(wrongHash);
}

void EidServer::setPinResetCertificates(std::shared_ptr<const ServiceCertificates> certificates) {
    pinResetCertificates_ = std::move(certificates);
}

EidServer::NewSession EidServer::createSession(const EidRequest& request) {
    NewSession created{QUuid::createUuid().toString(QUuid::Id128), randomHex(kPskBytes)};
    SessionBehaviour behaviour;
    behaviour.initializeFramework = misbehaviour_->initializeFramework;
    behaviour.signInAdditionalInput = misbehaviour_->signInAdditionalInput;
    behaviour.abortInsteadOf = misbehaviour_->abortInsteadOf;
    behaviour.abortByClosingConnection = misbehaviour_->abortByClosingConnection;
    auto certificates =
        misbehaviour_->wrongDescriptionHash && wrongHash_ ? wrongHash_ : certificates_;
    if (request.terminal == TerminalProfile::PinReset) certificates = pinResetCertificates_;
    sessions_[created.sessionIdentifier] = std::make_unique<EidSession>(
        created.sessionIdentifier, request, certificates, trust_, behaviour);
    psks_[created.sessionIdentifier] = created.pskHex;
    return created;
}

const EidSession* EidServer::session(const QString& sessionIdentifier) const {
    const auto found = sessions_.find(sessionIdentifier);
    return found == sessions_.end() ? nullptr : found->second.get();
}

int EidServer::handshakesCompleted() const {
    return listener_ ? listener_->handshakesCompleted() : 0;
}

int EidServer::handshakesFailed() const {
    return listener_ ? listener_->handshakesFailed() : 0;
}

HttpAnswer EidServer::handle(const HttpRequest& request) {
    return answerPaos(request, QString::fromLatin1(request.pskIdentity));
}

HttpAnswer EidServer::answerPaos(const HttpRequest& request, const QString& sessionIdentifier) {
    if (request.method != "POST") return HttpAnswer::html(405, "<p>PAOS needs POST</p>");
    if (!request.target.startsWith("/paos")) return HttpAnswer::html(404, "<p>Not found</p>");
    const auto found = sessions_.find(sessionIdentifier);
    if (found == sessions_.end()) return HttpAnswer::html(400, "<p>Unknown session</p>");
    EidSession& session = *found->second;
    if (session.stepsSent().empty() && overload_.turnAway(misbehaviour_->eidServerOverload)) {
        HttpAnswer busy = HttpAnswer::html(misbehaviour_->eidServerOverload.status,
                                           "<p>The eID-Server is busy</p>");
        busy.headers.append(
            {"Retry-After",
             QByteArray::number(misbehaviour_->eidServerOverload.retryAfterSeconds)});
        return busy;
    }
    const EidSession::Reply reply = session.handle(request.body);
    HttpAnswer answer;
    answer.closeWithoutAnswer = reply.closeConnection;
    answer.contentType = "application/vnd.paos+xml; charset=UTF-8";
    answer.body = reply.body;
    answer.delayMilliseconds = misbehaviour_->slowAnswerMilliseconds;
    return answer;
}

}  // namespace oa::sim
