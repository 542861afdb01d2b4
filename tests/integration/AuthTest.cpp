// The online authentication end to end through the real chain: `openausweis-sim up` serves the
// demo eService (TC token, refresh page) and the test eID-Server on loopback,
// `openausweis-sim card` sits in the first vpcd reader, and `openausweis-cli auth` runs the
// whole flow through libpcsclite and pcscd.
#include <catch2/catch.hpp>

#include <signal.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "Harness.h"

using namespace oa;
using namespace oa::test;

namespace {

// The harness gives each tag its own network namespace: this port is ours alone.
constexpr const char* kPortBase = "38150";
const std::string kOrigin = std::string("https://127.0.0.1:") + kPortBase;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct Workspace {
    Workspace() {
        char name[] = "/tmp/oa-auth-XXXXXX";
        REQUIRE(mkdtemp(name) != nullptr);
        path = name;
    }
    ~Workspace() { std::filesystem::remove_all(path); }

    std::string file(const std::string& name, const std::string& content) const {
        const auto where = path / name;
        std::ofstream(where) << content << "\n";
        return shellQuote(where.string());
    }
    std::string caFile() const { return (path / "world" / "tls-ca.pem").string(); }

    std::filesystem::path path;
};

// `openausweis-sim up` with extra switches, ready once its eService answers over TLS.
class SimWorld {
public:
    SimWorld(const Workspace& workspace, std::vector<std::string> switches = {})
        : process_(arguments(workspace, std::move(switches))), workspace_(workspace) {
        REQUIRE(waitUntil(30s, [&] { return get(kOrigin + "/").exitCode == 0; }));
    }
    ~SimWorld() { process_.stop(SIGTERM); }

    CommandOutput get(const std::string& url) const {
        return runCommand("curl -sf --max-time 5 --cacert " + shellQuote(workspace_.caFile()) +
                          " " + shellQuote(url));
    }

private:
    static std::vector<std::string> arguments(const Workspace& workspace,
                                              std::vector<std::string> switches) {
        std::vector<std::string> argv = {OA_SIM_PATH,   "up",
                                         "--state",     (workspace.path / "world").string(),
                                         "--port-base", kPortBase};
        argv.insert(argv.end(), switches.begin(), switches.end());
        return argv;
    }
    ChildProcess process_;
    const Workspace& workspace_;
};

CommandOutput auth(const Workspace& workspace, const std::string& pin,
                   const std::string& extra = "--developer-mode") {
    return runCommand(shellQuote(OA_CLI_PATH) + " auth " + shellQuote(kOrigin + "/tcToken") +
                      " --reader " + shellQuote(kFirstReader) + " --pin-file " +
                      workspace.file("pin", pin) + " --ca-file " + shellQuote(workspace.caFile()) +
                      " " + extra + " </dev/null");
}

// The redirect URL the CLI printed: its last line starting with https://.
std::string redirectUrl(const std::string& output) {
    std::istringstream lines(output);
    std::string found;
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("https://", 0) == 0) found = line;
    return found;
}

}  // namespace

TEST_CASE("auth through pcscd and vpcd: ResultMajor=ok and the eService shows the person",
          "[auth]") {
    Workspace workspace;
    SimWorld world(workspace);
    SimCard card;
    auto run = auth(workspace, "123456");
    INFO(run.output);
    CHECK(run.exitCode == 0);
    const std::string redirect = redirectUrl(run.output);
    CHECK(contains(redirect, kOrigin + "/refresh?"));
    CHECK(contains(redirect, "ResultMajor=ok"));
    auto page = world.get(redirect);
    INFO(page.output);
    CHECK(page.exitCode == 0);
    CHECK(contains(page.output, "ERIKA"));
    CHECK(contains(page.output, "MUSTERMANN"));
}

TEST_CASE("auth through pcscd: a wrong PIN from a file ends with cancellationByUser", "[auth]") {
    Workspace workspace;
    SimWorld world(workspace);
    SimCard card;
    auto run = auth(workspace, "111111");
    INFO(run.output);
    CHECK(run.exitCode != 0);
    CHECK(contains(redirectUrl(run.output), "ResultMinor=cancellationByUser"));
    CHECK(contains(run.output, "2 tries left"));
}

TEST_CASE("auth through pcscd: without developer mode the test card is not genuine", "[auth]") {
    Workspace workspace;
    SimWorld world(workspace);
    SimCard card;
    auto run = auth(workspace, "123456", "");
    INFO(run.output);
    CHECK(run.exitCode != 0);
    CHECK(contains(redirectUrl(run.output), "ResultMinor=clientError"));
    CHECK(contains(run.output, "genuine"));
}

TEST_CASE(
    "auth through pcscd against an attached eID-Server: TLS-2 resumes the token's session "
    "and the eService shows the person",
    "[auth]") {
    Workspace workspace;
    SimWorld world(workspace, {"--attached"});
    SimCard card;
    auto run = auth(workspace, "123456");
    INFO(run.output);
    CHECK(run.exitCode == 0);
    const std::string redirect = redirectUrl(run.output);
    CHECK(contains(redirect, "ResultMajor=ok"));
    auto page = world.get(redirect);
    INFO(page.output);
    CHECK(contains(page.output, "ERIKA"));
}

TEST_CASE(
    "auth through pcscd against an attached eID-Server that does not resume: refused with "
    "trustedChannelEstablishmentFailed",
    "[auth]") {
    Workspace workspace;
    SimWorld world(workspace, {"--attached", "--no-resumption"});
    SimCard card;
    auto run = auth(workspace, "123456");
    INFO(run.output);
    CHECK(run.exitCode != 0);
    CHECK(contains(redirectUrl(run.output), "ResultMinor=trustedChannelEstablishmentFailed"));
}
