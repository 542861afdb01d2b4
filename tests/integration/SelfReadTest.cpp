// openausweis-cli self-read, pin-status, change-pin and unblock-pin through the real chain:
// libpcsclite -> pcscd -> vpcd -> openausweis-sim card, with the test PKI that
// `openausweis-sim pki` writes. Secrets go in through files, as a script would pass them.
#include <catch2/catch.hpp>

#include <signal.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "Harness.h"
#include "card/pcsc/PcscBackend.h"

using namespace oa;
using namespace oa::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A scratch directory with the test PKI and secret files, gone at the end of the test.
struct Workspace {
    Workspace() {
        char name[] = "/tmp/oa-selfread-XXXXXX";
        REQUIRE(mkdtemp(name) != nullptr);
        path = name;
        auto written = runCommand(shellQuote(OA_SIM_PATH) + " pki --out " +
                                  shellQuote((path / "pki").string()));
        INFO(written.output);
        REQUIRE(written.exitCode == 0);
    }
    ~Workspace() { std::filesystem::remove_all(path); }

    std::string file(const std::string& name, const std::string& content) const {
        const auto where = path / name;
        std::ofstream(where) << content << "\n";
        return shellQuote(where.string());
    }

    std::filesystem::path path;
};

// `openausweis-sim card` with a profile (a built-in name or JSON) in the first vpcd reader;
// pulls the card and waits for the empty reader when it goes away.
class ProfileCard {
public:
    ProfileCard(const Workspace& workspace, const std::string& profileJson)
        : process_({OA_SIM_PATH, "card", "--vpcd", kFirstReaderAddress, "--profile-file",
                    writeProfile(workspace, profileJson)}) {
        PcscBackend backend;
        REQUIRE(waitUntil(10s, [&] { return cardPresent(backend, kFirstReader); }));
    }
    ~ProfileCard() {
        process_.stop(SIGKILL);
        PcscBackend backend;
        waitUntil(5s, [&] { return !cardPresent(backend, kFirstReader); });
    }

private:
    static std::string writeProfile(const Workspace& workspace, const std::string& json) {
        const auto where = workspace.path / "profile.json";
        std::ofstream(where) << json;
        return where.string();
    }
    ChildProcess process_;
};

CommandOutput cli(const std::string& arguments) {
    return runCommand(shellQuote(OA_CLI_PATH) + " " + arguments + " </dev/null");
}

std::string reader() {
    return "--reader " + shellQuote(kFirstReader);
}

CommandOutput selfRead(const Workspace& workspace, const std::string& pin,
                       const std::string& extra = "--developer-mode") {
    const std::string pki = (workspace.path / "pki").string();
    return cli("self-read " + reader() + " --terminal-chain " +
               shellQuote(pki + "/terminal-chain") + " --terminal-key " +
               shellQuote(pki + "/terminal.pkcs8") + " --pin-file " + workspace.file("pin", pin) +
               " " + extra);
}

CommandOutput pinStatus() {
    return cli("pin-status " + reader());
}

}  // namespace

TEST_CASE("self-read through pcscd prints the test person", "[selfread]") {
    Workspace workspace;
    ProfileCard card(workspace, R"({"base": "mustermann"})");
    auto read = selfRead(workspace, "123456");
    INFO(read.output);
    CHECK(read.exitCode == 0);
    CHECK(contains(read.output, "Card verified as genuine"));
    CHECK(contains(read.output, "Given names: ERIKA\n"));
    CHECK(contains(read.output, "Family names: MUSTERMANN\n"));
    CHECK(contains(read.output, "Date of birth: 1964-08-12\n"));
    CHECK(contains(read.output, "Address: HEIDESTRASSE 17, 51147 KÖLN, D\n"));

    auto some = selfRead(workspace, "123456", "--developer-mode --data DG4,dg5");
    INFO(some.output);
    CHECK(some.exitCode == 0);
    CHECK(contains(some.output, "Given names: ERIKA\n"));
    CHECK_FALSE(contains(some.output, "Date of birth"));
}

TEST_CASE("self-read trusts the test card only in developer mode", "[selfread]") {
    Workspace workspace;
    ProfileCard card(workspace, R"({"base": "mustermann"})");
    auto refused = selfRead(workspace, "123456", "");
    INFO(refused.output);
    CHECK(refused.exitCode == 5);
    CHECK(contains(refused.output, "could not be verified as a genuine ID card"));
    CHECK_FALSE(contains(refused.output, "ERIKA"));
    CHECK(selfRead(workspace, "123456", "--data DG99 --developer-mode").exitCode == 2);
    CHECK(cli("self-read " + reader() + " 123456").exitCode == 2);  // never a PIN in argv
}

TEST_CASE("pin-status through pcscd names every PIN state and the next step", "[selfread]") {
    struct Case {
        const char* profile;
        const char* state;
        const char* nextStep;
        int exitCode;
    };
    const Case cases[] = {
        {R"({"base": "mustermann"})", "(operational)", "Enter your 6-digit PIN", 0},
        {R"({"base": "mustermann", "pinRetryCounter": 2})", "(two-tries-left)", "carefully", 0},
        {R"({"base": "mustermann", "pinRetryCounter": 1})", "(suspended)", "CAN", 4},
        {R"({"base": "mustermann", "pinRetryCounter": 0})", "(blocked)", "PUK", 4},
        {R"({"base": "deactivated"})", "(deactivated)", "citizens' office", 4},
    };
    Workspace workspace;
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.state) {
            ProfileCard card(workspace, c.profile);
            auto status = pinStatus();
            INFO(status.output);
            CHECK(status.exitCode == c.exitCode);
            CHECK(contains(status.output, c.state));
            CHECK(contains(status.output, "Next step: "));
            CHECK(contains(status.output, c.nextStep));
        }
    }
}

TEST_CASE("Wrong PINs through pcscd: 2 tries, suspended, CAN resumes, blocked, PUK unblocks",
          "[selfread]") {
    Workspace workspace;
    ProfileCard card(workspace, R"({"base": "mustermann"})");
    auto first = selfRead(workspace, "111111");
    INFO(first.output);
    CHECK(first.exitCode == 3);
    CHECK(contains(first.output, "The PIN is wrong"));
    CHECK(contains(pinStatus().output, "(two-tries-left)"));

    CHECK(selfRead(workspace, "111111").exitCode == 3);
    auto suspended = pinStatus();
    CHECK(contains(suspended.output, "(suspended)"));
    CHECK(suspended.exitCode == 4);
    auto withoutCan = selfRead(workspace, "123456");
    CHECK(withoutCan.exitCode == 4);
    CHECK(contains(withoutCan.output, "Enter the 6-digit CAN"));

    auto resumed =
        selfRead(workspace, "123456",
                 "--developer-mode --data DG4 --can-file " + workspace.file("can", "500540"));
    INFO(resumed.output);
    CHECK(resumed.exitCode == 0);
    CHECK(contains(resumed.output, "Given names: ERIKA"));
    CHECK(contains(pinStatus().output, "(operational)"));

    // Down to blocked: two wrong PINs, then a wrong one after the CAN.
    CHECK(selfRead(workspace, "111111").exitCode == 3);
    CHECK(selfRead(workspace, "111111").exitCode == 3);
    auto blocking = selfRead(workspace, "111111",
                             "--developer-mode --can-file " + workspace.file("can", "500540"));
    INFO(blocking.output);
    CHECK(blocking.exitCode == 4);
    CHECK(contains(blocking.output, "(blocked)"));
    CHECK(pinStatus().exitCode == 4);

    CHECK(cli("unblock-pin " + reader() + " --puk-file " + workspace.file("puk", "1111111111"))
              .exitCode == 3);
    auto unblocked =
        cli("unblock-pin " + reader() + " --puk-file " + workspace.file("puk", "9876543210"));
    INFO(unblocked.output);
    CHECK(unblocked.exitCode == 0);
    CHECK(contains(pinStatus().output, "(operational)"));
}

TEST_CASE("A used-up PUK through pcscd says to get a new PIN letter", "[selfread]") {
    Workspace workspace;
    ProfileCard card(workspace,
                     R"({"base": "mustermann", "pinRetryCounter": 0, "pukUsesLeft": 0})");
    auto refused =
        cli("unblock-pin " + reader() + " --puk-file " + workspace.file("puk", "9876543210"));
    INFO(refused.output);
    CHECK(refused.exitCode == 4);
    CHECK(contains(refused.output, "(puk-inoperative)"));
    CHECK(contains(refused.output, "new PIN letter"));
}

TEST_CASE("change-pin through pcscd replaces the transport PIN; self-read works with the new PIN",
          "[selfread]") {
    Workspace workspace;
    ProfileCard card(workspace, R"({"base": "transport-pin"})");
    auto transport = selfRead(workspace, "12345");
    INFO(transport.output);
    CHECK(transport.exitCode == 4);
    CHECK(contains(transport.output, "(transport-pin)"));
    CHECK(contains(transport.output, "change-pin"));

    auto changed = cli("change-pin " + reader() + " --pin-file " + workspace.file("old", "12345") +
                       " --new-pin-file " + workspace.file("new", "246810"));
    INFO(changed.output);
    CHECK(changed.exitCode == 0);
    CHECK(contains(changed.output, "The PIN was changed"));

    auto read = selfRead(workspace, "246810");
    INFO(read.output);
    CHECK(read.exitCode == 0);
    CHECK(contains(read.output, "Family names: MUSTERMANN"));

    auto again = cli("change-pin " + reader() + " --pin-file " + workspace.file("old", "246810") +
                     " --new-pin-file " + workspace.file("new", "13579"));
    CHECK(again.exitCode == 1);  // a 5-digit new PIN is refused before the card is asked
    CHECK(contains(again.output, "exactly 6 digits"));
}

TEST_CASE("Without files the secrets come from standard input, one line each", "[selfread]") {
    Workspace workspace;
    ProfileCard card(workspace, R"({"base": "mustermann"})");
    const std::string cliPath = shellQuote(OA_CLI_PATH);
    auto mismatch =
        runCommand("printf '123456\\n654321\\n654320\\n' | " + cliPath + " change-pin " + reader());
    INFO(mismatch.output);
    CHECK(mismatch.exitCode == 1);
    CHECK(contains(mismatch.output, "The two new PINs differ"));

    auto changed =
        runCommand("printf '123456\\n654321\\n654321\\n' | " + cliPath + " change-pin " + reader());
    INFO(changed.output);
    CHECK(changed.exitCode == 0);

    const std::string pki = (workspace.path / "pki").string();
    auto read = runCommand("printf '654321\\n' | " + cliPath + " self-read " + reader() +
                           " --developer-mode --data DG5 --terminal-chain " +
                           shellQuote(pki + "/terminal-chain") + " --terminal-key " +
                           shellQuote(pki + "/terminal.pkcs8"));
    INFO(read.output);
    CHECK(read.exitCode == 0);
    CHECK(contains(read.output, "Family names: MUSTERMANN"));
    CHECK_FALSE(contains(read.output, "654321"));  // never echoed
}
