// `openausweis-sim pki` and the trust options of `openausweis-sim card`, called in-process.
#include <catch2/catch.hpp>

#include "TestFiles.h"
#include "sim/CardCommand.h"
#include "sim/PkiCommand.h"
#include "sim/pki/TestPki.h"

using namespace oa;
using namespace oa::test;
using sim::TestPki;

TEST_CASE("openausweis-sim pki --out writes the built-in test PKI") {
    TemporaryDirectory directory;
    REQUIRE(sim::runPkiCommand({"--out", directory.file("pki")}) == 0);
    auto written = TestPki::readFrom(directory.file("pki"));
    REQUIRE(written.ok());
    CHECK(written->terminalChain() == TestPki::builtIn().terminalChain());
    CHECK(written->cscaCertificate() == TestPki::builtIn().cscaCertificate());
}

TEST_CASE("openausweis-sim pki --fresh writes a new PKI, with a chosen sequence number") {
    TemporaryDirectory directory;
    REQUIRE(sim::runPkiCommand(
                {"--out", directory.file("pki"), "--fresh", "--sequence", "00042"}) == 0);
    auto written = TestPki::readFrom(directory.file("pki"));
    REQUIRE(written.ok());
    CHECK(written->cvcaReference() == "DEOATESTCA00042");
    CHECK(written->terminalReference() == "DEOATESTAT00042");
    CHECK(written->terminalKey().publicPoint() != TestPki::builtIn().terminalKey().publicPoint());
}

TEST_CASE("openausweis-sim pki without --out is a usage error") {
    CHECK(sim::runPkiCommand({}) == 2);
    CHECK(sim::runPkiCommand({"--fresh"}) == 2);
    CHECK(sim::runPkiCommand({"--out"}) == 2);
}

TEST_CASE("openausweis-sim card refuses a --cvca that is no CV certificate and a bad --date") {
    TemporaryDirectory directory;
    writeBytes(directory.file("not-a-certificate"), asciiBytes("hello"));
    CHECK(sim::runCardCommand({"--cvca", directory.file("not-a-certificate")}) == 2);
    CHECK(sim::runCardCommand({"--cvca", directory.file("missing")}) == 2);
    CHECK(sim::runCardCommand({"--date", "2601"}) == 2);
    CHECK(sim::runCardCommand({"--date", "26O101"}) == 2);
}
