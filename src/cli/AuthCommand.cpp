#include <QCoreApplication>
#include <QSslCertificate>
#include <algorithm>
#include <cctype>
#include <sstream>

#include "card/ReaderInfo.h"
#include "cli/CommandTable.h"
#include "cli/SecretInput.h"
#include "eac/CscaTrustList.h"
#include "eid/DeveloperModeTrust.h"
#include "workflows/AuthWorkflow.h"

namespace oa::cli {
namespace {

struct AuthOptions {
    QUrl tcTokenUrl;
    std::string reader;
    std::optional<std::string> pinFile;
    std::optional<std::string> canFile;
    std::string acceptOptional = "all";  // none, all, or a list of rights to keep
    std::optional<std::string> caFile;
    bool developerMode = false;
};

std::optional<std::string> takeOptions(Arguments& arguments, AuthOptions& options) {
    auto reader = arguments.takeOption("--reader");
    options.pinFile = arguments.takeOption("--pin-file");
    options.canFile = arguments.takeOption("--can-file");
    auto accept = arguments.takeOption("--accept-optional");
    options.caFile = arguments.takeOption("--ca-file");
    options.developerMode = arguments.takeFlag("--developer-mode");
    if (auto missing = arguments.missingValue()) return *missing + " needs a value";
    if (auto unknown = arguments.unknownOption()) return "unknown option " + *unknown;
    if (arguments.positional().size() != 1) return "give exactly one TC_TOKEN_URL";
    options.tcTokenUrl =
        QUrl(QString::fromStdString(arguments.positional().front()), QUrl::StrictMode);
    if (!options.tcTokenUrl.isValid()) return "TC_TOKEN_URL is not a URL";
    if (reader) options.reader = *reader;
    if (accept) options.acceptOptional = *accept;
    return std::nullopt;
}

std::string normalized(std::string text) {
    for (char& c : text)
        c = c == '-' || c == '_' ? ' '
                                 : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// "DG8" or "read-DG8" or "age-verification": the right's English name, read rights by DG alone.
bool named(eac::AccessRight right, const std::string& word) {
    const std::string name = normalized(std::string(eac::toString(right)));
    const std::string wanted = normalized(word);
    return name == wanted || name == "read " + wanted;
}

const char* secretName(workflows::SecretKind kind) {
    switch (kind) {
        case workflows::SecretKind::Can:
            return "CAN";
        case workflows::SecretKind::Puk:
            return "PUK";
        case workflows::SecretKind::Pin:
            break;
    }
    return "PIN";
}

// Answers the workflow from the command line: consent from --accept-optional, secrets from
// files or the terminal, progress on stderr.
class CommandLineInteraction : public workflows::Interaction {
public:
    CommandLineInteraction(const AuthOptions& options, std::ostream& err)
        : options_(options), err_(err) {}

    Result<std::string> chooseReader(const std::vector<ReaderInfo>& readers) override {
        if (!options_.reader.empty()) {
            for (const auto& reader : readers)
                if (reader.name == options_.reader) return reader.name;
            return makeError(ErrorCode::NoReader,
                             "The reader " + options_.reader + " is not connected");
        }
        for (const auto& reader : readers)
            if (reader.cardPresent) return reader.name;
        if (readers.empty()) return makeError(ErrorCode::NoReader, "No card reader is connected");
        return readers.front().name;
    }

    void waitingForCard(const std::string& reader) override {
        if (!waited_) err_ << "Place your ID card on the reader " << reader << " ...\n";
        waited_ = true;
    }

    Result<workflows::Consent> askConsent(const workflows::ConsentRequest& request) override {
        err_ << "Provider: " << request.providerName << " (" << request.providerUrl << ")\n"
             << "Certificate issued by: " << request.issuerName << ", valid " << request.validFrom
             << " to " << request.validUntil << "\n";
        if (!request.transactionInfo.empty())
            err_ << "Transaction: " << request.transactionInfo << "\n";
        err_ << "Terms of usage:\n" << request.termsOfUsage << "\n";
        workflows::Consent consent;
        for (auto right : request.requiredRights)
            err_ << "  required: " << eac::toString(right) << "\n";
        for (auto right : request.optionalRights) {
            const bool keep = keepOptional(right);
            err_ << "  optional: " << eac::toString(right) << (keep ? "" : " (declined)") << "\n";
            if (!keep) consent.deselected.push_back(right);
        }
        return consent;
    }

    Result<SecureBytes> askSecret(const workflows::SecretRequest& request) override {
        if (request.pinStatus.status != eid::PinStatus::Operational)
            err_ << request.pinStatus.title << ": " << request.pinStatus.message << "\n";
        const bool isCan = request.kind == workflows::SecretKind::Can;
        const auto& file = isCan ? options_.canFile : options_.pinFile;
        // A secret from a file was wrong once: asking the file again would only cost a try.
        if (file && request.attempt > 1)
            return workflows::cancelledByUser("the secret from the file was not accepted");
        if (request.onReaderPinpad) return secretOnPinpad(file, secretName(request.kind), err_);
        return readSecret(file, isCan ? "CAN: " : "PIN: ", err_);
    }

    void progress(workflows::AuthStep step) override {
        err_ << "openausweis-cli: " << workflows::toString(step) << "\n";
    }

    void finished(const workflows::AuthOutcome&) override {}
    bool cancelRequested() const override { return false; }

private:
    bool keepOptional(eac::AccessRight right) const {
        if (options_.acceptOptional == "all") return true;
        if (options_.acceptOptional == "none") return false;
        std::stringstream words(options_.acceptOptional);
        for (std::string word; std::getline(words, word, ',');)
            if (named(right, word)) return true;
        return false;
    }

    const AuthOptions& options_;
    std::ostream& err_;
    bool waited_ = false;
};

Result<workflows::AuthSettings> settingsFor(const AuthOptions& options, std::ostream& err) {
    workflows::AuthSettings settings;
    if (options.caFile) {
        settings.caCertificates =
            QSslCertificate::fromPath(QString::fromStdString(*options.caFile), QSsl::Pem);
        if (settings.caCertificates.isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             "No certificate could be read from " + *options.caFile);
    }
    if (options.developerMode) {
        err << "openausweis-cli: developer mode: the test CSCA is trusted and same-origin and "
               "description failures are only logged\n";
        settings.developerMode = true;
    }
    settings.verifyCardSecurity = eid::passiveAuthentication(eid::cscaTrust(options.developerMode));
    return settings;
}

int runAuth(Invocation& invocation) {
    const Command command = authCommand();
    AuthOptions options;
    if (auto problem = takeOptions(invocation.arguments, options))
        return usageError(invocation, command, *problem);
    if (options.acceptOptional.empty())
        return usageError(invocation, command, "--accept-optional needs none, all or a list");

    // The network steps block in local Qt event loops, which need an application object.
    static int argc = 1;
    static char name[] = "openausweis-cli";
    static char* argv[] = {name, nullptr};
    std::unique_ptr<QCoreApplication> application;
    if (!QCoreApplication::instance()) application = std::make_unique<QCoreApplication>(argc, argv);

    auto settings = settingsFor(options, invocation.err);
    if (!settings) return runtimeError(invocation, settings.error());
    CommandLineInteraction interaction(options, invocation.err);
    workflows::AuthWorkflow workflow(invocation.backend, interaction, std::move(*settings));
    const auto outcome = workflow.run(options.tcTokenUrl);
    if (outcome.ok()) {
        invocation.out << outcome.redirectUrl.toString().toStdString() << "\n";
        return kExitOk;
    }
    if (outcome.error) runtimeError(invocation, *outcome.error);
    if (!outcome.redirectUrl.isEmpty())
        invocation.out << outcome.redirectUrl.toString().toStdString() << "\n";
    else
        invocation.err << "openausweis-cli: no redirect (the browser would get HTTP "
                       << outcome.errorPageStatus << ")\n";
    return kExitRuntimeError;
}

}  // namespace

Command authCommand() {
    return {"auth",
            "auth TC_TOKEN_URL [--reader NAME] [--pin-file F] [--can-file F] "
            "[--accept-optional none|all|LIST] [--ca-file PEM] [--developer-mode]",
            "Online authentication headless: fetch the TC token, talk PAOS to the eID-Server, "
            "ask for the PIN, and print the redirect URL with ResultMajor (LIST: rights to keep, "
            "e.g. DG8,age-verification)",
            runAuth};
}

}  // namespace oa::cli
