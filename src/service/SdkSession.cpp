#include "service/SdkSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QThread>
#include <QUrl>
#include <algorithm>

#include "card/sim/SimulatorBackend.h"
#include "service/SdkChangePin.h"
#include "service/SdkSimulatorCard.h"
#include "sim/card/VirtualCard.h"
#include "workflows/AuthWorkflowThread.h"

namespace oa::service {

namespace {

const char* pendingName(int pending) {
    static const char* const names[] = {nullptr,     "ACCESS_RIGHTS", "INSERT_CARD",   "ENTER_PIN",
                                        "ENTER_CAN", "ENTER_PUK",     "ENTER_NEW_PIN", "PAUSE"};
    return names[pending];
}

bool allDigits(const QString& text) {
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c >= '0' && c <= '9'; });
}

}  // namespace

SdkSession::SdkSession(Environment environment, Send send, QObject* parent)
    : QObject(parent), environment_(std::move(environment)), send_(std::move(send)) {}

SdkSession::~SdkSession() {
    if (interaction_) interaction_->cancel();
    if (cancelThread_) cancelThread_();
    if (thread_) joinWorker();
}

void SdkSession::send(const QJsonObject& message) {
    send_(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

void SdkSession::handleCommand(const QByteArray& text) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return send(sdkError("INVALID", error.errorString()));
    if (!document.isObject()) return send(sdkError("INVALID", QStringLiteral("Invalid JSON")));
    const QJsonObject command = document.object();
    const QJsonValue cmd = command.value(QStringLiteral("cmd"));
    if (cmd.isUndefined())
        return send(sdkError("INVALID", QStringLiteral("Command cannot be undefined")));
    if (!cmd.isString()) return send(sdkError("INVALID", QStringLiteral("Invalid command")));
    dispatch(cmd.toString(), command);
}

void SdkSession::badState(const QString& cmd) {
    send(sdkError("BAD_STATE", cmd));
}

void SdkSession::unknownCommand(const QString& cmd) {
    send(sdkError("UNKNOWN_COMMAND", cmd));
}

void SdkSession::dispatch(const QString& cmd, const QJsonObject& command) {
    const bool inAccessRights = pending_ == Pending::AccessRights;
    if (cmd == "GET_INFO") return send(sdkInfoMessage(environment_.identity));
    if (cmd == "GET_STATUS") return apiLevel_ >= 2 ? send(statusMessage()) : unknownCommand(cmd);
    if (cmd == "GET_API_LEVEL") return send(sdkApiLevelMessage(apiLevel_));
    if (cmd == "SET_API_LEVEL") return setApiLevel(command);
    if (cmd == "GET_READER") return getReader(command);
    if (cmd == "GET_READER_LIST") return send(sdkReaderListMessage(readers(), apiLevel_));
    if (cmd == "RUN_AUTH") return workflowRunning() ? badState(cmd) : runAuth(command);
    if (cmd == "RUN_CHANGE_PIN") return workflowRunning() ? badState(cmd) : runChangePin(command);
    if (cmd == "RUN_PIN_LETTER") return workflowRunning() ? badState(cmd) : runPinLetter(command);
    if (cmd == "GET_ACCESS_RIGHTS")
        return inAccessRights ? send(accessRightsMessage()) : badState(cmd);
    if (cmd == "SET_ACCESS_RIGHTS")
        return inAccessRights ? setAccessRights(command) : badState(cmd);
    if (cmd == "GET_CERTIFICATE")
        return inAccessRights ? send(sdkCertificateMessage(*consent_)) : badState(cmd);
    if (cmd == "ACCEPT") {
        if (!inAccessRights) return badState(cmd);
        pending_ = Pending::None;
        return interaction_->answerConsent({deselected_});
    }
    if (cmd == "SET_CARD") {
        if (apiLevel_ < 2) return unknownCommand(cmd);
        return pending_ == Pending::InsertCard ? setCard(command) : badState(cmd);
    }
    if (cmd == "CONTINUE") {
        if (apiLevel_ < 3) return unknownCommand(cmd);
        if (pending_ != Pending::Pause) return badState(cmd);
        pending_ = Pending::None;
        return interaction_->answerContinue(true);
    }
    if (cmd == "CANCEL") return workflowRunning() ? cancel() : badState(cmd);
    if (cmd == "INTERRUPT") {
        const bool asking = pending_ == Pending::EnterPin || pending_ == Pending::EnterCan ||
                            pending_ == Pending::EnterPuk || pending_ == Pending::EnterNewPin;
        if (!asking) return badState(cmd);
        return send(
            sdkError("INTERNAL_ERROR", QStringLiteral("INTERRUPT is only supported on iOS")));
    }
    if (cmd == "SET_PIN" || cmd == "SET_NEW_PIN" || cmd == "SET_CAN" || cmd == "SET_PUK")
        return setNumber(cmd, command);
#ifndef NDEBUG
    if (cmd == "GET_LOG") {
        QJsonObject log = sdkMessage("LOG");
        log.insert(QStringLiteral("data"), QString());
        return send(log);
    }
#endif
    unknownCommand(cmd);
}

void SdkSession::setApiLevel(const QJsonObject& command) {
    const QJsonValue level = command.value(QStringLiteral("level"));
    if (level.isUndefined())
        return send(sdkApiLevelMessage(apiLevel_, QStringLiteral("Level cannot be undefined")));
    const double value = level.toDouble(-1);
    if (!level.isDouble() || value != static_cast<double>(static_cast<int>(value)))
        return send(sdkApiLevelMessage(apiLevel_, QStringLiteral("Invalid level")));
    if (value < kSdkLowestApiLevel || value > kSdkCurrentApiLevel)
        return send(sdkApiLevelMessage(apiLevel_, QStringLiteral("Unknown level")));
    apiLevel_ = static_cast<int>(value);
    send(sdkApiLevelMessage(apiLevel_));
}

void SdkSession::getReader(const QJsonObject& command) {
    const QJsonValue name = command.value(QStringLiteral("name"));
    if (name.isUndefined())
        return send(sdkError("READER", QStringLiteral("Name cannot be undefined")));
    if (!name.isString()) return send(sdkError("READER", QStringLiteral("Invalid name")));
    send(sdkReaderMessage(reader(name.toString().toStdString()), apiLevel_));
}

std::vector<SdkReader> SdkSession::readers() const {
    std::vector<SdkReader> result;
    if (!environment_.backend) return result;
    auto infos = environment_.backend->readers();
    if (!infos) return result;
    for (const ReaderInfo& info : *infos) {
        SdkReader reader;
        reader.name = info.name;
        reader.insertable = environment_.simulator && info.name == SimulatorBackend::kReaderName;
        reader.keypad = info.pinpad;
        if (info.cardPresent) {
            reader.card = SdkReader::Card{};
            auto card = reader.insertable ? environment_.simulator->card() : nullptr;
            if (card) {
                const auto state = card->pinState();
                reader.card = SdkReader::Card{true, state.pukUsesLeft == 0, state.eidDeactivated,
                                              state.retryCounter};
            }
        }
        result.push_back(std::move(reader));
    }
    return result;
}

SdkReader SdkSession::reader(const std::string& name) const {
    for (auto& reader : readers())
        if (reader.name == name) return reader;
    SdkReader missing;
    missing.name = name;
    missing.attached = false;
    return missing;
}

void SdkSession::startInteraction(Workflow workflow) {
    workflow_ = workflow;
    pending_ = Pending::None;
    progress_ = workflow == Workflow::Auth ? std::optional<int>(0) : std::nullopt;
    consent_.reset();
    deselected_.clear();
    cardReader_.clear();
    keypad_ = false;
    const quint64 generation = ++generation_;
    interaction_ = std::make_shared<SdkInteraction>([this, generation](SdkEvent event) {
        postFromWorker([this, generation, event = std::move(event)]() mutable {
            onEvent(generation, std::move(event));
        });
    });
}

// The hand-off goes through our own mutex rather than a functor in Qt's event queue: Qt guards
// that queue with a futex-based QMutex that ThreadSanitizer cannot see in Debian's uninstrumented
// Qt, so every event would be reported as a race. One queued call per task keeps the order and the
// one-at-a-time delivery.
void SdkSession::postFromWorker(std::function<void()> task) {
    {
        std::lock_guard lock(postedMutex_);
        posted_.push_back(std::move(task));
    }
    QMetaObject::invokeMethod(this, "runNextPosted", Qt::QueuedConnection);
}

void SdkSession::runNextPosted() {
    std::function<void()> task;
    {
        std::lock_guard lock(postedMutex_);
        if (posted_.empty()) return;
        task = std::move(posted_.front());
        posted_.pop_front();
    }
    task();
}

// QThread::wait() returns without a lock ThreadSanitizer sees when the thread has already ended,
// so the worker passes through postedMutex_ as its last step and joinWorker() takes it after the
// wait: everything the worker did is then ordered before the session touches or frees it.
void SdkSession::startWorker() {
    connect(
        thread_.get(), &QThread::finished, thread_.get(),
        [this] { std::lock_guard lock(postedMutex_); }, Qt::DirectConnection);
    thread_->start();
}

void SdkSession::joinWorker() {
    thread_->wait();
    std::lock_guard lock(postedMutex_);
}

void SdkSession::runAuth(const QJsonObject& command) {
    const QJsonValue url = command.value(QStringLiteral("tcTokenURL"));
    if (url.isUndefined())
        return send(sdkError("AUTH", QStringLiteral("tcTokenURL cannot be undefined")));
    if (!url.isString()) return send(sdkError("AUTH", QStringLiteral("Invalid tcTokenURL")));
    const QUrl tcTokenUrl(url.toString(), QUrl::StrictMode);
    if (!tcTokenUrl.isValid() || tcTokenUrl.host().isEmpty() ||
        (tcTokenUrl.scheme() != "https" && tcTokenUrl.scheme() != "http"))
        return send(sdkError("AUTH", QStringLiteral("Validation of tcTokenURL failed")));
    statusMessages_ = apiLevel_ >= 2 && command.value(QStringLiteral("status")).toBool(true);
    const bool developerMode = command.value(QStringLiteral("developerMode")).toBool(false);
    startInteraction(Workflow::Auth);
    send(sdkMessage("AUTH"));
    if (!environment_.runWorkflows || !environment_.backend) return;
    workflows::AuthSettings settings;
    if (environment_.authSettings) settings = environment_.authSettings(developerMode);
    settings.developerMode = developerMode;
    auto thread = std::make_unique<workflows::AuthWorkflowThread>(
        *environment_.backend, *interaction_, settings, tcTokenUrl);
    cancelThread_ = [raw = thread.get()] { raw->cancel(); };
    thread_ = std::move(thread);
    startWorker();
}

void SdkSession::runChangePin(const QJsonObject& command) {
    statusMessages_ = apiLevel_ >= 2 && command.value(QStringLiteral("status")).toBool(true);
    startInteraction(Workflow::ChangePin);
    send(sdkMessage("CHANGE_PIN"));
    if (!environment_.runWorkflows || !environment_.backend) return;
    auto interaction = interaction_;
    ReaderBackend* backend = environment_.backend;
    const auto cardWait = environment_.cardWait;
    thread_.reset(QThread::create(
        [backend, interaction, cardWait] { runSdkChangePin(*backend, *interaction, cardWait); }));
    startWorker();
}

void SdkSession::runPinLetter(const QJsonObject& command) {
    auto parsed = parseSdkPinLetter(command);
    if (auto* error = std::get_if<QString>(&parsed)) return send(sdkError("PIN_LETTER", *error));
    statusMessages_ = apiLevel_ >= 2 && command.value(QStringLiteral("status")).toBool(true);
    startInteraction(Workflow::PinLetter);
    send(sdkPinLetterStageMessage(workflows::PinLetterStage::Ordering));
    if (!environment_.runWorkflows || !environment_.backend) return;
    SdkPinLetterRun::Setup setup;
    setup.request = std::get<SdkPinLetterRequest>(std::move(parsed));
    if (environment_.pinLetterSettings) setup.settings = environment_.pinLetterSettings();
    if (environment_.authSettings)
        setup.auth = environment_.authSettings(setup.request.developerMode);
    setup.client = environment_.pinLetterClient;
    setup.storePath = environment_.pinLetterStorePath.isNull()
                          ? workflows::PendingOrderStore::defaultPath()
                          : environment_.pinLetterStorePath;
    const quint64 generation = generation_;
    auto run = std::make_shared<SdkPinLetterRun>(
        *environment_.backend, *interaction_, std::move(setup),
        [this, generation](QJsonObject message, bool last) {
            postFromWorker([this, generation, message = std::move(message), last] {
                onPinLetter(generation, message, last);
            });
        });
    cancelThread_ = [run] { run->cancel(); };
    auto interaction = interaction_;  // outlives the run: the thread holds both
    thread_.reset(QThread::create([run, interaction] { run->run(); }));
    startWorker();
}

void SdkSession::onPinLetter(quint64 generation, const QJsonObject& message, bool last) {
    if (generation != generation_ || !workflowRunning()) return;
    if (last) return finishWorkflow(message);
    send(message);
}

QJsonObject SdkSession::accessRightsMessage(const QString& error) const {
    return sdkAccessRightsMessage(*consent_, deselected_, error);
}

void SdkSession::setAccessRights(const QJsonObject& command) {
    const QJsonValue chat = command.value(QStringLiteral("chat"));
    if (chat.isUndefined())
        return send(accessRightsMessage(QStringLiteral("'chat' cannot be undefined")));
    if (!chat.isArray()) return send(accessRightsMessage(QStringLiteral("Invalid 'chat' data")));
    const auto& optional = consent_->optionalRights;
    const QJsonArray entries = chat.toArray();
    if (optional.empty() && !entries.isEmpty())
        return send(accessRightsMessage(QStringLiteral("No optional access rights available")));
    std::vector<eac::AccessRight> chosen;
    for (const QJsonValue& entry : entries) {
        if (!entry.isString())
            return send(
                accessRightsMessage(QStringLiteral("Entry in 'chat' data needs to be string")));
        const auto right = sdkAccessRightFromName(entry.toString());
        if (!right)
            return send(accessRightsMessage(QStringLiteral("Entry in 'chat' data is invalid")));
        if (std::find(optional.begin(), optional.end(), *right) == optional.end())
            return send(
                accessRightsMessage(QStringLiteral("Entry in 'chat' data is not available")));
        chosen.push_back(*right);
    }
    deselected_.clear();
    for (auto right : optional)
        if (std::find(chosen.begin(), chosen.end(), right) == chosen.end())
            deselected_.push_back(right);
    send(accessRightsMessage());
}

void SdkSession::setCard(const QJsonObject& command) {
    const QJsonValue name = command.value(QStringLiteral("name"));
    if (name.isUndefined())
        return send(sdkError("INSERT_CARD", QStringLiteral("Name cannot be undefined")));
    if (!name.isString()) return send(sdkError("INSERT_CARD", QStringLiteral("Invalid name")));
    const SdkReader target = reader(name.toString().toStdString());
    if (!target.attached)
        return send(sdkError("INSERT_CARD", QStringLiteral("Unknown reader name")));
    if (!target.insertable)
        return send(sdkError("INSERT_CARD", QStringLiteral("Card is not insertable")));
    auto parsed = parseSdkSimulatorCard(command.value(QStringLiteral("simulator")));
    if (!parsed)
        return send(sdkError("INSERT_CARD", QStringLiteral("Parameter 'simulator' is invalid")));
    auto card = makeSdkSimulatorCard(*parsed);
    if (!card)
        return send(sdkError("INSERT_CARD", QStringLiteral("Parameter 'simulator' is invalid")));
    pending_ = Pending::None;
    cardReader_ = target.name;
    interaction_->preferReader(target.name);
    environment_.simulator->insertCard(std::move(*card));
}

void SdkSession::setNumber(const QString& cmd, const QJsonObject& command) {
    struct Rule {
        const char* cmd;
        Pending pending;
        int minDigits, maxDigits;
    };
    const bool changePin = workflow_ == Workflow::ChangePin;
    const Rule rules[] = {{"SET_PIN", Pending::EnterPin, changePin ? 5 : 6, 6},
                          {"SET_NEW_PIN", Pending::EnterNewPin, 6, 6},
                          {"SET_CAN", Pending::EnterCan, 6, 6},
                          {"SET_PUK", Pending::EnterPuk, 10, 10}};
    const Rule* rule = std::find_if(std::begin(rules), std::end(rules),
                                    [&](const Rule& r) { return cmd == QLatin1String(r.cmd); });
    if (pending_ != rule->pending) return badState(cmd);
    const QJsonValue value = command.value(QStringLiteral("value"));
    if (keypad_) {
        // The user types the secret on the reader; it never passes through the client.
        if (!value.isUndefined())
            return send(enterMessage(pending_, QStringLiteral("Value cannot be defined")));
        pending_ = Pending::None;
        return interaction_->answerSecret(SecureBytes());
    }
    if (value.isUndefined())
        return send(enterMessage(pending_, QStringLiteral("Value cannot be undefined")));
    if (!value.isString()) return send(enterMessage(pending_, QStringLiteral("Invalid value")));
    const QString text = value.toString();
    if (!allDigits(text) || text.size() < rule->minDigits || text.size() > rule->maxDigits) {
        const QString error =
            rule->minDigits == rule->maxDigits
                ? QStringLiteral("You must provide %1 digits").arg(rule->minDigits)
                : QStringLiteral("You must provide %1 - %2 digits")
                      .arg(rule->minDigits)
                      .arg(rule->maxDigits);
        return send(enterMessage(pending_, error));
    }
    pending_ = Pending::None;
    const QByteArray digits = text.toLatin1();
    interaction_->answerSecret(
        SecureBytes::fromAscii(std::string_view(digits.data(), digits.size())));
}

void SdkSession::cancel() {
    pending_ = Pending::None;
    if (interaction_) interaction_->cancel();
    if (cancelThread_) cancelThread_();
    if (thread_) return;  // the workflow reports its cancelled end
    if (workflow_ == Workflow::Auth) {
        workflows::AuthOutcome outcome;
        outcome.result = net::BrowserResult::failure(net::BrowserResultMinor::CancellationByUser);
        outcome.error = workflows::cancelledByUser("the SDK client cancelled");
        finishWorkflow(sdkAuthResultMessage(outcome));
    } else if (workflow_ == Workflow::PinLetter) {
        workflows::PinLetterOutcome outcome;
        outcome.stage = workflows::PinLetterStage::Cancelled;
        finishWorkflow(sdkPinLetterResultMessage(outcome));
    } else {
        finishWorkflow(sdkChangePinResultMessage(false, "User_Cancelled"));
    }
}

void SdkSession::cancelWorkflow() {
    if (workflowRunning()) cancel();
}

QJsonObject SdkSession::enterMessage(Pending pending, const QString& error) const {
    QJsonObject message = sdkMessage(pendingName(static_cast<int>(pending)));
    if (!error.isEmpty()) message.insert(QStringLiteral("error"), error);
    std::string name = cardReader_;
    if (name.empty())
        for (const auto& reader : readers())
            if (reader.card) {
                name = reader.name;
                break;
            }
    SdkReader shown = reader(name);
    if (keypad_) shown.keypad = true;
    message.insert(QStringLiteral("reader"), sdkReaderObject(shown, apiLevel_));
    return message;
}

QJsonObject SdkSession::statusMessage() const {
    QJsonObject message = sdkMessage("STATUS");
    message.insert(QStringLiteral("workflow"),
                   workflow_ == Workflow::Auth        ? QJsonValue(QStringLiteral("AUTH"))
                   : workflow_ == Workflow::ChangePin ? QJsonValue(QStringLiteral("CHANGE_PIN"))
                   : workflow_ == Workflow::PinLetter ? QJsonValue(QStringLiteral("PIN_LETTER"))
                                                      : QJsonValue(QJsonValue::Null));
    message.insert(QStringLiteral("progress"),
                   progress_ ? QJsonValue(*progress_) : QJsonValue(QJsonValue::Null));
    const char* state = pendingName(static_cast<int>(pending_));
    message.insert(QStringLiteral("state"),
                   state ? QJsonValue(QString::fromLatin1(state)) : QJsonValue(QJsonValue::Null));
    return message;
}

void SdkSession::onEvent(quint64 generation, SdkEvent event) {
    if (generation != generation_ || !workflowRunning()) return;
    using Kind = SdkEvent::Kind;
    switch (event.kind) {
        case Kind::Progress: {
            const int progress = sdkProgress(event.step);
            if (progress_ == progress) return;
            progress_ = progress;
            if (statusMessages_) send(statusMessage());
            return;
        }
        case Kind::InsertCard:
            pending_ = Pending::InsertCard;
            return send(sdkMessage("INSERT_CARD"));
        case Kind::AccessRights:
            consent_ = event.consent;
            deselected_.clear();
            pending_ = Pending::AccessRights;
            return send(accessRightsMessage());
        case Kind::EnterPin:
            pending_ = Pending::EnterPin;
            break;
        case Kind::EnterCan:
            pending_ = Pending::EnterCan;
            break;
        case Kind::EnterPuk:
            pending_ = Pending::EnterPuk;
            break;
        case Kind::EnterNewPin:
            pending_ = Pending::EnterNewPin;
            break;
        case Kind::Pause: {
            if (apiLevel_ < 3) return interaction_->answerContinue(false);
            pending_ = Pending::Pause;
            QJsonObject pause = sdkMessage("PAUSE");
            pause.insert(QStringLiteral("cause"), QStringLiteral("BadCardPosition"));
            return send(pause);
        }
        case Kind::AuthFinished:
            // Inside RUN_PIN_LETTER the authentication is one step; PIN_LETTER reports the end.
            if (workflow_ == Workflow::PinLetter) {
                pending_ = Pending::None;
                return;
            }
            return finishWorkflow(sdkAuthResultMessage(event.outcome));
        case Kind::ChangePinFinished:
            return finishWorkflow(sdkChangePinResultMessage(event.success, event.reason));
    }
    keypad_ = event.secret.onReaderPinpad;
    if (!event.reader.empty()) cardReader_ = event.reader;
    send(enterMessage(pending_));
}

void SdkSession::finishWorkflow(const QJsonObject& result) {
    if (thread_) joinWorker();
    cancelThread_ = nullptr;
    thread_.reset();
    interaction_.reset();
    workflow_ = Workflow::None;
    pending_ = Pending::None;
    progress_.reset();
    consent_.reset();
    send(result);
    emit workflowFinished();
}

}  // namespace oa::service
