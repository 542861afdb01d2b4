// The replacement PIN through the real chain: `openausweis-sim up` with its PIN letter service,
// `openausweis-sim card` on vpcd, and `openausweis-cli` through pcscd: `pin-letter order` with the
// CAN, the letter from the mailbox, `pin-letter activate --change-pin`, then `auth` with the PIN
// of the user's choice. (Blocking the PIN first is covered by the world's end-to-end test.)
#include <catch2/catch.hpp>

#include <signal.h>
#include <stdlib.h>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <filesystem>
#include <fstream>

#include "Harness.h"

using namespace oa;
using namespace oa::test;

namespace {

constexpr const char* kPortBase = "38170";
const std::string kOrigin = std::string("https://127.0.0.1:") + kPortBase;
const std::string kService = "https://127.0.0.1:38172";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct Workspace {
    Workspace() {
        char name[] = "/tmp/oa-pinletter-XXXXXX";
        REQUIRE(mkdtemp(name) != nullptr);
        path = name;
    }
    ~Workspace() { std::filesystem::remove_all(path); }
    std::string file(const std::string& name, const std::string& content) const {
        std::ofstream(path / name) << content << "\n";
        return shellQuote((path / name).string());
    }
    std::string ca() const { return shellQuote((path / "world" / "tls-ca.pem").string()); }
    std::filesystem::path path;
};

CommandOutput cli(const std::string& arguments) {
    return runCommand(shellQuote(OA_CLI_PATH) + " " + arguments + " </dev/null");
}

}  // namespace

TEST_CASE("pin-letter through pcscd: order with the CAN, activate, the own PIN works",
          "[pinletter]") {
    Workspace workspace;
    ChildProcess world({OA_SIM_PATH, "up", "--state", (workspace.path / "world").string(),
                        "--port-base", kPortBase});
    const auto curl = [&](const std::string& url) {
        return runCommand("curl -sf --max-time 5 --cacert " + workspace.ca() + " " +
                          shellQuote(url));
    };
    REQUIRE(waitUntil(30s, [&] { return curl(kService + "/mailbox").exitCode == 0; }));
    SimCard card;
    const std::string reader = " --reader " + shellQuote(kFirstReader);
    const std::string can = " --can-file " + workspace.file("can", "500540");
    const std::string common =
        " --service " + kService + reader + can + " --ca-file " + workspace.ca() + " --state-dir " +
        shellQuote((workspace.path / "state").string()) + " --developer-mode";
    const auto ordered = cli("pin-letter order" + common);
    INFO(ordered.output);
    REQUIRE(ordered.exitCode == 0);
    CHECK(contains(ordered.output, "PRS-000001"));

    const auto mailbox = curl(kService + "/mailbox.json");
    REQUIRE(mailbox.exitCode == 0);
    const QJsonObject letter = QJsonDocument::fromJson(QByteArray::fromStdString(mailbox.output))
                                   .object()
                                   .value("letters")
                                   .toArray()
                                   .first()
                                   .toObject();
    const std::string newPin = letter.value("newPin").toString().toStdString();
    const std::string code = letter.value("activationCode").toString().toStdString();
    REQUIRE(newPin.size() == 6);

    const auto activated = cli("pin-letter activate" + common + " --code " + code +
                               " --change-pin --pin-file " + workspace.file("letter-pin", newPin) +
                               " --new-pin-file " + workspace.file("own-pin", "246810"));
    INFO(activated.output);
    REQUIRE(activated.exitCode == 0);
    CHECK(contains(activated.output, "activated PRS-000001"));

    const auto login =
        cli("auth " + shellQuote(kOrigin + "/tcToken") + reader + " --pin-file " +
            workspace.file("pin", "246810") + " --ca-file " + workspace.ca() + " --developer-mode");
    INFO(login.output);
    CHECK(login.exitCode == 0);
    CHECK(contains(login.output, "ResultMajor=ok"));
    world.stop(SIGTERM);
}
