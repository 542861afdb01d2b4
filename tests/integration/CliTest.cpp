#include <catch2/catch.hpp>

#include <signal.h>

#include "Harness.h"
#include "base/Version.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace oa::test;

namespace {

CommandOutput cli(const std::string& arguments) {
    return runCommand(shellQuote(OA_CLI_PATH) + " " + arguments);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("openausweis-cli readers lists the vpcd reader with the card's ATR", "[cli]") {
    const std::string expected =
        std::string(kFirstReader) + ": card present, ATR " + toHex(VirtualCard::defaultAtr());
    auto before = cli("readers");
    CHECK(before.exitCode == 0);
    CHECK(contains(before.output, std::string(kFirstReader) + ": no card"));

    SimCard sim;
    CommandOutput listed;
    const auto seen = waitUntil(5s, [&] {
        listed = cli("readers");
        return contains(listed.output, expected);
    });
    INFO(listed.output);
    REQUIRE(seen);
    CHECK(listed.exitCode == 0);
    CHECK(contains(listed.output, std::string(kSecondReader) + ": no card"));
}

TEST_CASE("openausweis-cli apdu prints answers with their status words", "[cli]") {
    SimCard sim;
    const std::string present = std::string(kFirstReader) + ": card present";
    REQUIRE(waitUntil(5s, [&] { return contains(cli("readers").output, present); }));

    auto answer =
        cli("apdu --reader " + shellQuote(kFirstReader) + " 00A4000C023F00 00A40000026789");
    INFO(answer.output);
    CHECK(answer.exitCode == 0);
    CHECK(contains(answer.output, "> 00A4000C023F00\n< 9000 success\n"));
    CHECK(contains(answer.output, "< 6A82 file not found\n"));
}

TEST_CASE("openausweis-cli exit codes: usage 2, runtime errors 1 with a clear message", "[cli]") {
    CHECK(cli("--version").output == "openausweis-cli " + std::string(oa::kVersion) + "\n");
    CHECK(cli("no-such-command").exitCode == 2);
    CHECK(cli("apdu 00A4000C023F00").exitCode == 2);
    CHECK(cli("apdu --reader " + shellQuote(kFirstReader) + " 00A4XX").exitCode == 2);

    auto noCard = cli("apdu --reader " + shellQuote(kSecondReader) + " 00A4000C023F00");
    CHECK(noCard.exitCode == 1);
    CHECK(contains(noCard.output, "There is no card in the reader."));

    REQUIRE(kill(pcscdPid(), SIGKILL) == 0);
    CommandOutput down;
    REQUIRE(waitUntil(5s, [&] {
        down = cli("readers");
        return down.exitCode == 1;
    }));
    CHECK(contains(down.output, "The card service (pcscd) is not running."));
    CHECK(contains(down.output, "SCARD_E_NO_SERVICE"));
}
