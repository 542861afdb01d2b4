#include <sstream>

#include "cli/CommandTable.h"
#include "cli/PinOutcome.h"
#include "cli/SecretInput.h"
#include "eac/CscaTrustList.h"
#include "eid/DeveloperModeTrust.h"
#include "eid/SelfAuthentication.h"

namespace oa::cli {
namespace {

struct SelfReadOptions {
    std::string reader;
    std::string terminalChain;
    std::string terminalKey;
    std::vector<eid::DataGroup> dataGroups;
    bool developerMode = false;
    std::optional<std::string> pinFile;
    std::optional<std::string> canFile;
};

// Every data group the eID application defines except the reserved DG16.
std::vector<eid::DataGroup> defaultDataGroups() {
    std::vector<eid::DataGroup> groups;
    for (auto group : eid::allDataGroups())
        if (group != eid::DataGroup::DG16) groups.push_back(group);
    return groups;
}

std::optional<std::vector<eid::DataGroup>> parseDataGroups(const std::string& list) {
    std::vector<eid::DataGroup> groups;
    std::stringstream words(list);
    for (std::string word; std::getline(words, word, ',');) {
        auto group = eid::parseDataGroup(word);
        if (!group) return std::nullopt;
        if (std::find(groups.begin(), groups.end(), *group) == groups.end())
            groups.push_back(*group);
    }
    if (groups.empty()) return std::nullopt;
    return groups;
}

// Parses the options; an error text for usageError, or nothing.
std::optional<std::string> takeOptions(Arguments& arguments, SelfReadOptions& options) {
    auto reader = arguments.takeOption("--reader");
    auto chain = arguments.takeOption("--terminal-chain");
    auto key = arguments.takeOption("--terminal-key");
    auto data = arguments.takeOption("--data");
    options.pinFile = arguments.takeOption("--pin-file");
    options.canFile = arguments.takeOption("--can-file");
    options.developerMode = arguments.takeFlag("--developer-mode");
    if (auto missing = arguments.missingValue()) return *missing + " needs a value";
    if (auto unknown = arguments.unknownOption()) return "unknown option " + *unknown;
    if (!arguments.positional().empty()) return "secrets are never taken from the command line";
    if (!reader) return "--reader NAME is required";
    if (!chain || !key) return "--terminal-chain DIR and --terminal-key FILE are required";
    options.reader = *reader;
    options.terminalChain = *chain;
    options.terminalKey = *key;
    if (!data) {
        options.dataGroups = defaultDataGroups();
    } else if (auto groups = parseDataGroups(*data)) {
        options.dataGroups = std::move(*groups);
    } else {
        return "--data expects data groups like DG1,DG4,DG17, got '" + *data + "'";
    }
    return std::nullopt;
}

// The German production CSCAs; in developer mode also the test PKI's CSCA, which signs the
// simulated cards' EF.CardSecurity.
eac::CscaTrustList trustList(bool developerMode, std::ostream& err) {
    if (developerMode)
        err << "openausweis-cli: developer mode: the test CSCA is trusted; test cards pass as "
               "genuine\n";
    return eid::cscaTrust(developerMode);
}

void printResult(std::ostream& out, const eid::SelfAuthenticationResult& result,
                 const eid::TerminalIdentity& terminal) {
    out << "Card verified as genuine (document signer: " << result.documentSigner << ")\n"
        << "Read by terminal " << terminal.terminalCertificate().holderReference() << "\n\n";
    for (const auto& [label, value] : result.data.describe())
        out << label << ": " << value << "\n";
    if (!result.absent.empty()) {
        out << "\nNot on this card:";
        for (auto group : result.absent)
            out << " " << eid::toString(group);
        out << "\n";
    }
}

int runSelfRead(Invocation& invocation) {
    const Command command = selfReadCommand();
    SelfReadOptions options;
    if (auto problem = takeOptions(invocation.arguments, options))
        return usageError(invocation, command, *problem);

    auto terminal = eid::TerminalIdentity::load(options.terminalChain, options.terminalKey);
    if (!terminal) return runtimeError(invocation, terminal.error());
    eid::SelfAuthenticationRequest request;
    request.dataGroups = options.dataGroups;
    auto card = invocation.backend.connect(options.reader);
    if (!card) return runtimeError(invocation, card.error());
    // A comfort reader takes the PIN (and a CAN) on its pinpad: the request carries empty secrets.
    const bool pinpad = (*card)->hasReaderPace();
    auto pin = pinpad ? secretOnPinpad(options.pinFile, "PIN", invocation.err)
                      : readSecret(options.pinFile, "PIN: ", invocation.err);
    if (!pin) return runtimeError(invocation, pin.error());
    request.pin = std::move(*pin);
    if (options.canFile) {
        auto can = pinpad ? secretOnPinpad(options.canFile, "CAN", invocation.err)
                          : readSecret(options.canFile, "", invocation.err);
        if (!can) return runtimeError(invocation, can.error());
        request.can = std::move(*can);
    }

    eid::SelfAuthentication session(
        **card, *terminal,
        eid::passiveAuthentication(trustList(options.developerMode, invocation.err)));
    auto result = session.run(request);
    request.pin.clear();
    request.can.reset();
    if (!result) return pinFailure(invocation, result.error(), session.pinStatus());
    printResult(invocation.out, *result, *terminal);
    return kExitOk;
}

}  // namespace

Command selfReadCommand() {
    return {"self-read",
            "self-read --reader NAME --terminal-chain DIR --terminal-key FILE "
            "[--data DG1,DG2,...] [--developer-mode] [--pin-file F] [--can-file F]",
            "Read your own card with a local terminal identity (PACE with the PIN, TA, passive "
            "authentication, CA) and print the data; --developer-mode trusts the test CSCA",
            runSelfRead};
}

}  // namespace oa::cli
