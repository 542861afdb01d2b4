#include <QCoreApplication>
#include <QDir>
#include <QSslCertificate>

#include "card/ReaderInfo.h"
#include "cli/CommandTable.h"
#include "cli/SecretInput.h"
#include "eid/DeveloperModeTrust.h"
#include "workflows/PinLetterWorkflow.h"

namespace oa::cli {
namespace {

struct PinLetterOptions {
    std::string action;  // order or activate
    QUrl service;
    std::string code;
    std::string reader;
    std::optional<std::string> canFile;
    std::optional<std::string> caFile;
    std::optional<std::string> stateDirectory;
    bool developerMode = false;
    bool changePin = false;
    std::optional<std::string> pinFile;     // the letter's PIN, for --change-pin
    std::optional<std::string> newPinFile;  // the PIN of the user's choice, for --change-pin
};

std::optional<std::string> takeOptions(Arguments& arguments, PinLetterOptions& options) {
    auto service = arguments.takeOption("--service");
    auto code = arguments.takeOption("--code");
    auto reader = arguments.takeOption("--reader");
    options.canFile = arguments.takeOption("--can-file");
    options.caFile = arguments.takeOption("--ca-file");
    options.stateDirectory = arguments.takeOption("--state-dir");
    options.developerMode = arguments.takeFlag("--developer-mode");
    options.changePin = arguments.takeFlag("--change-pin");
    options.pinFile = arguments.takeOption("--pin-file");
    options.newPinFile = arguments.takeOption("--new-pin-file");
    if (auto missing = arguments.missingValue()) return *missing + " needs a value";
    if (auto unknown = arguments.unknownOption()) return "unknown option " + *unknown;
    if (arguments.positional().size() != 1) return "say order or activate";
    options.action = arguments.positional().front();
    if (options.action != "order" && options.action != "activate")
        return "say order or activate, not " + options.action;
    if (!service) return "--service URL is needed";
    options.service = QUrl(QString::fromStdString(*service), QUrl::StrictMode);
    if (!options.service.isValid() || options.service.scheme() != QLatin1String("https") ||
        options.service.host().isEmpty())
        return "--service needs an https URL";
    options.service.setPath(options.service.path().chopped(options.service.path().endsWith('/')));
    if (options.action == "activate" && !code) return "activate needs --code CODE";
    if (options.action == "order" && (code || options.changePin))
        return "--code and --change-pin belong to activate";
    if (code) options.code = *code;
    if (reader) options.reader = *reader;
    return std::nullopt;
}

// The card part from the command line: the CAN from --can-file or the terminal, consent shown
// on stderr (the PIN reset service's rights are all required), progress on stderr.
class PinLetterInteraction : public workflows::Interaction {
public:
    PinLetterInteraction(const PinLetterOptions& options, std::ostream& err)
        : options_(options), err_(err) {}

    Result<std::string> chooseReader(const std::vector<ReaderInfo>& readers) override {
        for (const auto& reader : readers)
            if (options_.reader.empty() ? reader.cardPresent : reader.name == options_.reader)
                return reader.name;
        if (!options_.reader.empty())
            return makeError(ErrorCode::NoReader,
                             "The reader " + options_.reader + " is not connected");
        if (readers.empty()) return makeError(ErrorCode::NoReader, "No card reader is connected");
        return readers.front().name;
    }
    void waitingForCard(const std::string& reader) override {
        err_ << "Place your ID card on the reader " << reader << " ...\n";
    }
    Result<workflows::Consent> askConsent(const workflows::ConsentRequest& request) override {
        err_ << "Provider: " << request.providerName << " (" << request.providerUrl << ")\n";
        for (auto right : request.requiredRights)
            err_ << "  required: " << eac::toString(right) << "\n";
        workflows::Consent consent;
        for (auto right : request.optionalRights) {
            err_ << "  optional: " << eac::toString(right) << " (declined)\n";
            consent.deselected.push_back(right);
        }
        return consent;
    }
    Result<SecureBytes> askSecret(const workflows::SecretRequest& request) override {
        if (request.kind != workflows::SecretKind::Can)
            return workflows::cancelledByUser("the PIN letter service asked for the PIN");
        if (options_.canFile && request.attempt > 1)
            return workflows::cancelledByUser("the CAN from the file was not accepted");
        err_ << "The 6-digit card access number (CAN) is printed on the front of your card.\n";
        return readSecret(options_.canFile, "CAN: ", err_);
    }
    void progress(workflows::AuthStep step) override {
        err_ << "openausweis-cli: " << workflows::toString(step) << "\n";
    }
    void finished(const workflows::AuthOutcome&) override {}
    bool cancelRequested() const override { return false; }

private:
    const PinLetterOptions& options_;
    std::ostream& err_;
};

Result<workflows::AuthSettings> authSettings(const PinLetterOptions& options,
                                             const QList<QSslCertificate>& ca) {
    workflows::AuthSettings settings;
    settings.caCertificates = ca;
    settings.developerMode = options.developerMode;
    settings.verifyCardSecurity = eid::passiveAuthentication(eid::cscaTrust(options.developerMode));
    return settings;
}

std::string readerWithCard(Invocation& invocation, const std::string& wanted) {
    if (!wanted.empty()) return wanted;
    if (auto readers = invocation.backend.readers())
        for (const auto& reader : *readers)
            if (reader.cardPresent) return reader.name;
    return {};
}

int changeToOwnPin(Invocation& invocation, const PinLetterOptions& options) {
    std::vector<std::string> words{"--reader", readerWithCard(invocation, options.reader)};
    if (options.pinFile) words.insert(words.end(), {"--pin-file", *options.pinFile});
    if (options.newPinFile) words.insert(words.end(), {"--new-pin-file", *options.newPinFile});
    invocation.err << "Now the letter's PIN is replaced by one of your choice.\n";
    Invocation changePin{Arguments(std::move(words)), invocation.out, invocation.err,
                         invocation.backend};
    return findCommand("change-pin")->run(changePin);
}

int runPinLetter(Invocation& invocation) {
    const Command command = pinLetterCommand();
    PinLetterOptions options;
    if (auto problem = takeOptions(invocation.arguments, options))
        return usageError(invocation, command, *problem);

    static int argc = 1;
    static char name[] = "openausweis-cli";
    static char* argv[] = {name, nullptr};
    std::unique_ptr<QCoreApplication> application;
    if (!QCoreApplication::instance()) application = std::make_unique<QCoreApplication>(argc, argv);

    workflows::PinLetterSettings settings;
    settings.service = options.service;
    if (options.caFile) {
        settings.caCertificates =
            QSslCertificate::fromPath(QString::fromStdString(*options.caFile), QSsl::Pem);
        if (settings.caCertificates.isEmpty())
            return runtimeError(invocation,
                                makeError(ErrorCode::InvalidInput,
                                          "No certificate could be read from " + *options.caFile));
    }
    const QString statePath =
        options.stateDirectory
            ? QDir(QString::fromStdString(*options.stateDirectory)).filePath("pin-letter.json")
            : workflows::PendingOrderStore::defaultPath();
    workflows::PendingOrderStore store(statePath);
    if (auto loaded = store.load(); !loaded)
        invocation.err << "openausweis-cli: " << loaded.error().message << " ("
                       << loaded.error().detail << ")\n";
    auto auth = authSettings(options, settings.caCertificates);
    if (!auth) return runtimeError(invocation, auth.error());
    PinLetterInteraction interaction(options, invocation.err);
    auto client = workflows::PinLetterWorkflow::serviceClientFor(settings);
    workflows::PinLetterObserver observer;
    observer.stage = [&invocation](workflows::PinLetterStage stage) {
        if (stage != workflows::PinLetterStage::Waiting) return;
        invocation.err << "openausweis-cli: the PIN letter service is busy; trying again in ";
    };
    observer.countdown = [&invocation](int seconds) {
        invocation.err << seconds << (seconds > 1 ? " " : " s\n") << std::flush;
    };
    workflows::PinLetterWorkflow workflow(
        settings, *client,
        workflows::PinLetterWorkflow::authenticateWith(invocation.backend, interaction, *auth),
        store, observer);
    const auto outcome = options.action == "order"
                             ? workflow.order()
                             : workflow.activate(QString::fromStdString(options.code));
    if (!outcome.ok()) {
        if (outcome.error) runtimeError(invocation, *outcome.error);
        if (!outcome.orderReference.isEmpty())
            invocation.err << "openausweis-cli: order reference "
                           << outcome.orderReference.toStdString() << "\n";
        return kExitRuntimeError;
    }
    if (options.action == "order") {
        invocation.out << outcome.orderReference.toStdString() << "\n";
        invocation.err << "The PIN letter is on its way to the address on your card (order "
                       << outcome.orderReference.toStdString() << ").\n";
        return kExitOk;
    }
    invocation.out << "activated " << outcome.orderReference.toStdString() << "\n";
    invocation.err << "The PIN from your letter is now set and the online ID function is on.\n";
    if (!options.changePin) {
        invocation.err << "You can replace it by a PIN of your choice: openausweis-cli "
                          "change-pin --reader NAME (or run activate with --change-pin).\n";
        return kExitOk;
    }
    return changeToOwnPin(invocation, options);
}

}  // namespace

Command pinLetterCommand() {
    return {"pin-letter",
            "pin-letter order|activate --service URL [--code CODE] [--reader NAME] "
            "[--can-file F] [--ca-file PEM] [--state-dir D] [--developer-mode] [--change-pin "
            "[--pin-file F] [--new-pin-file F]]",
            "Order a PIN reset letter with the CAN (prints the order reference), or activate it "
            "with the letter's code; busy services are retried with a countdown, a pending "
            "order is kept in --state-dir and resumed",
            runPinLetter};
}

}  // namespace oa::cli
