// openausweis-cli with a comfort reader (tests/common/ComfortReader.h): auth, self-read,
// change-pin and unblock-pin tell the user to type on the reader's pinpad instead of reading a
// secret, and refuse secret files for such a reader.
#include <QDir>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "ComfortReader.h"
#include "cli/CommandTable.h"
#include "sim/card/CardProfile.h"
#include "sim/pki/TestPki.h"
#include "sim/world/World.h"

using namespace oa;
using oa::test::ComfortReaderBackend;
using oa::test::pinOpensCard;
using oa::test::Pinpad;
using Prompt = Pinpad::Prompt;

namespace {

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

CliRun runCli(ReaderBackend& backend, const std::string& name, std::vector<std::string> words) {
    const cli::Command* command = cli::findCommand(name);
    REQUIRE(command);
    std::ostringstream out, err;
    cli::Invocation invocation{cli::Arguments(std::move(words)), out, err, backend};
    CliRun run;
    run.exitCode = command->run(invocation);
    run.out = out.str();
    run.err = err.str();
    return run;
}

std::shared_ptr<VirtualCard> testCard(int retryCounter = 3) {
    auto profile = sim::builtInProfile("mustermann");
    profile->pinState.retryCounter = retryCounter;
    return std::make_shared<VirtualCard>(std::move(*profile));
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

Bytes ascii(const std::string& digits) {
    return Bytes(digits.begin(), digits.end());
}

std::string writeSecretFile(const QTemporaryDir& directory, const std::string& secret) {
    const std::string path = directory.filePath("secret").toStdString();
    std::ofstream(path) << secret << "\n";
    return path;
}

const std::string kReader = ComfortReaderBackend::kReaderName;

}  // namespace

TEST_CASE("change-pin on a reader with PACE but no MODIFY_PIN_DIRECT reads the new PIN here",
          "[cli][pinpad]") {
    auto card = testCard();
    ComfortReaderBackend paceOnly(card, std::make_shared<Pinpad>(std::nullopt));
    paceOnly.withoutPinpadModify();
    paceOnly.pinpad().type("123456");
    QTemporaryDir directory;
    REQUIRE(directory.isValid());
    const auto run =
        runCli(paceOnly, "change-pin",
               {"--reader", kReader, "--new-pin-file", writeSecretFile(directory, "246810")});
    INFO(run.err);
    CHECK(run.exitCode == cli::kExitOk);
    CHECK(contains(run.err,
                   "Enter the current PIN (or the 5-digit transport PIN) on the "
                   "reader's pinpad"));
    CHECK_FALSE(contains(run.err, "new 6-digit PIN twice"));
    CHECK(paceOnly.pinpad().prompts() == std::vector<Prompt>{Prompt::Pin});
    CHECK(pinOpensCard(card, "246810"));
}

TEST_CASE(
    "change-pin on a comfort reader asks for the current and the new PIN on its "
    "pinpad",
    "[cli][pinpad]") {
    auto card = testCard();
    ComfortReaderBackend comfort(card, std::make_shared<Pinpad>(std::nullopt));
    comfort.pinpad().type("123456");
    comfort.pinpad().type("246810");
    comfort.pinpad().type("246810");
    const auto run = runCli(comfort, "change-pin", {"--reader", kReader});
    INFO(run.err);
    CHECK(run.exitCode == cli::kExitOk);
    CHECK(contains(run.err,
                   "Enter the current PIN (or the 5-digit transport PIN) on the reader's pinpad"));
    CHECK(contains(run.err, "Enter the new 6-digit PIN twice on the reader's pinpad"));
    CHECK(contains(run.out, "The PIN was changed"));
    CHECK(comfort.pinpad().prompts() ==
          std::vector<Prompt>{Prompt::Pin, Prompt::NewPin, Prompt::NewPinAgain});
    CHECK_FALSE(comfort.traffic().contains(ascii("246810")));
    CHECK(pinOpensCard(card, "246810"));
}

TEST_CASE("change-pin on a comfort reader with a suspended PIN asks for the CAN first",
          "[cli][pinpad]") {
    auto card = testCard(1);
    ComfortReaderBackend comfort(card, std::make_shared<Pinpad>(std::nullopt));
    for (const char* typed : {"500540", "123456", "246810", "246810"})
        comfort.pinpad().type(typed);
    const auto run = runCli(comfort, "change-pin", {"--reader", kReader});
    INFO(run.err);
    CHECK(run.exitCode == cli::kExitOk);
    CHECK(contains(run.err, "Enter the CAN on the reader's pinpad"));
    CHECK(comfort.pinpad().prompts() ==
          std::vector<Prompt>{Prompt::Can, Prompt::Pin, Prompt::NewPin, Prompt::NewPinAgain});
    CHECK(pinOpensCard(card, "246810"));
}

TEST_CASE("unblock-pin on a comfort reader asks for the PUK on its pinpad", "[cli][pinpad]") {
    auto card = testCard(0);
    ComfortReaderBackend comfort(card, std::make_shared<Pinpad>(std::nullopt));
    comfort.pinpad().type("9876543210");
    const auto run = runCli(comfort, "unblock-pin", {"--reader", kReader});
    INFO(run.err);
    CHECK(run.exitCode == cli::kExitOk);
    CHECK(contains(run.err, "Enter the PUK on the reader's pinpad"));
    CHECK(comfort.pinpad().prompts() == std::vector<Prompt>{Prompt::Puk});
    CHECK(card->pinState().retryCounter == 3);
}

TEST_CASE("readers names a comfort reader's pinpad", "[cli][pinpad]") {
    ComfortReaderBackend comfort(testCard(), std::make_shared<Pinpad>(std::nullopt));
    const auto run = runCli(comfort, "readers", {});
    CHECK(run.exitCode == cli::kExitOk);
    CHECK(contains(run.out, kReader + ": card present, ATR "));
    CHECK(contains(run.out, "; pinpad (PIN entered on the reader)\n"));
    SimulatorBackend plain(testCard());
    CHECK_FALSE(contains(runCli(plain, "readers", {}).out, "pinpad"));
}

TEST_CASE("secret files are refused for a comfort reader and nothing reaches the card",
          "[cli][pinpad]") {
    auto card = testCard();
    ComfortReaderBackend comfort(card, std::make_shared<Pinpad>(std::nullopt));
    QTemporaryDir directory;
    REQUIRE(directory.isValid());
    const std::string file = writeSecretFile(directory, "123456");
    for (const auto& [name, words] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"change-pin", {"--reader", kReader, "--pin-file", file, "--new-pin-file", file}},
             {"unblock-pin", {"--reader", kReader, "--puk-file", file}},
         }) {
        const auto run = runCli(comfort, name, words);
        INFO(name << ": " << run.err);
        CHECK(run.exitCode == cli::kExitRuntimeError);
        CHECK(contains(run.err, "This reader has a pinpad"));
    }
    CHECK(comfort.pinpad().prompts().empty());
    CHECK(card->pinState().retryCounter == 3);
}

TEST_CASE("self-read on a comfort reader takes the PIN on its pinpad", "[cli][pinpad]") {
    QTemporaryDir directory;
    REQUIRE(directory.isValid());
    const std::string pki = directory.filePath("pki").toStdString();
    REQUIRE(sim::TestPki::builtIn().writeTo(pki).ok());
    ComfortReaderBackend comfort(testCard(), std::make_shared<Pinpad>(std::nullopt));
    comfort.pinpad().type("123456");
    const std::vector<std::string> words{"--reader",         kReader,
                                         "--terminal-chain", pki + "/terminal-chain",
                                         "--terminal-key",   pki + "/terminal.pkcs8",
                                         "--developer-mode"};
    const auto run = runCli(comfort, "self-read", words);
    INFO(run.err);
    CHECK(run.exitCode == cli::kExitOk);
    CHECK(contains(run.err, "Enter the PIN on the reader's pinpad"));
    CHECK(contains(run.out, "MUSTERMANN"));
    CHECK(comfort.pinpad().prompts() == std::vector<Prompt>{Prompt::Pin});

    auto withFile = words;
    withFile.push_back("--pin-file");
    withFile.push_back(writeSecretFile(directory, "123456"));
    const auto refused = runCli(comfort, "self-read", withFile);
    CHECK(refused.exitCode == cli::kExitRuntimeError);
    CHECK(contains(refused.err, "This reader has a pinpad"));
}

TEST_CASE("auth on a comfort reader takes the PIN on its pinpad", "[cli][pinpad][auth]") {
    auto world = sim::World::start({});
    REQUIRE(world);
    QTemporaryDir directory;
    REQUIRE(directory.isValid());
    const std::string caFile = directory.filePath("ca.pem").toStdString();
    std::ofstream(caFile) << (*world)->caCertificate().toPem().toStdString();
    ComfortReaderBackend comfort(testCard(), std::make_shared<Pinpad>(std::nullopt));
    comfort.pinpad().type("123456");
    const auto run = runCli(comfort, "auth",
                            {(*world)->eService().tcTokenUrl().toString().toStdString(), "--reader",
                             kReader, "--ca-file", caFile, "--developer-mode"});
    INFO(run.err);
    CHECK(run.exitCode == cli::kExitOk);
    CHECK(contains(run.err, "Enter the PIN on the reader's pinpad"));
    CHECK(contains(run.out, "ResultMajor=ok"));
    CHECK(comfort.pinpad().prompts() == std::vector<Prompt>{Prompt::Pin});
    CHECK_FALSE(comfort.traffic().contains(ascii("123456")));
}
