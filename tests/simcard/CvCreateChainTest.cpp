// CV chains made by OpenPACE's cvc-create (an independent issuer) against the virtual card:
// accepted when valid, refused when expired, wrongly signed, lacking rights or of another
// terminal type.
#include <catch2/catch.hpp>

#include "EacTerminal.h"
#include "TestFiles.h"
#include "sim/pki/EcKey.h"

using namespace oa;
using namespace oa::test;

namespace {

const char* const kAllReadRights =
    " --read-dg1 --read-dg2 --read-dg3 --read-dg4 --read-dg5 --read-dg6 --read-dg7 --read-dg8"
    " --read-dg9 --read-dg10 --read-dg11 --read-dg12 --read-dg13 --read-dg14 --read-dg15"
    " --read-dg16 --read-dg17 --read-dg18 --read-dg19 --read-dg20 --read-dg21"
    " --verify-age --verify-community --rid --can-allowed --pin-management";

// A working directory with keys we generate (PKCS#8, as cvc-create reads them) and the
// certificates cvc-create writes there.
class CvCreate {
public:
    sim::EcKey key(const std::string& name) {
        auto key = sim::EcKey::generate();
        REQUIRE(key.ok());
        writeBytes(directory_.file(name + ".pkcs8"), key->pkcs8().bytes());
        return *key;
    }

    // Runs cvc-create with `arguments` (paths relative to the directory) writing `name`.cvcert.
    // OpenPACE 1.1.2 drops leading zero bytes of r and s, which TR-03111 forbids and the card
    // refuses, so such certificates are made again.
    Bytes certificate(const std::string& name, const std::string& arguments) {
        for (int attempt = 0; attempt < 20; ++attempt) {
            const auto made = runCommand("cd " + directory_.path().string() +
                                         " && cvc-create --out-cert=" + name +
                                         ".cvcert --scheme=ECDSA_SHA_256 " + arguments);
            INFO(made.output);
            REQUIRE(made.exitCode == 0);
            Bytes encoded = readBytes(directory_.file(name + ".cvcert"));
            const auto parsed = sim::parseCardCvCertificate(encoded);
            REQUIRE(parsed);
            if (parsed->signature.size() == 64) return encoded;
        }
        FAIL("cvc-create kept making short signatures");
        return {};
    }

private:
    TemporaryDirectory directory_;
};

// CVCA (all rights) -> DV (domestic) -> authentication terminal, valid 2025-01-01..2035-12-31.
struct Chain {
    Bytes cvca, dv, terminal;
    sim::EcKey terminalKey;
};

Chain makeChain(CvCreate& tool, const std::string& dvRights, const std::string& terminalArguments,
                const std::string& type = "at") {
    tool.key("cvca");
    tool.key("dv");
    Chain chain{{}, {}, {}, tool.key("terminal")};
    chain.cvca = tool.certificate("cvca",
                                  "--role=cvca --type=at --chr=DETESTCVCA00001"
                                  " --issued=250101 --expires=351231"
                                  " --sign-with=cvca.pkcs8" +
                                      std::string(kAllReadRights));
    chain.dv = tool.certificate("dv", "--role=dv_domestic --type=" + type +
                                          " --chr=DETESTDV00001 --issued=250101"
                                          " --expires=351231 --sign-as=cvca.cvcert"
                                          " --sign-with=cvca.pkcs8 --key=dv.pkcs8 " +
                                          dvRights);
    chain.terminal =
        tool.certificate("terminal", "--role=terminal --type=" + type +
                                         " --chr=DETESTAT00001 --sign-as=dv.cvcert"
                                         " --sign-with=dv.pkcs8 --key=terminal.pkcs8 " +
                                         terminalArguments);
    return chain;
}

const std::string kValidTerminal =
    "--issued=250101 --expires=351231 --read-dg1 --read-dg4 --read-dg5 --verify-age";

VirtualCard cardTrusting(const Bytes& cvca, const char* today = "250601") {
    sim::CardProfile profile = sim::defaultProfile();
    profile.trustAnchors = {cvca};
    profile.currentDate = today;
    return VirtualCard(std::move(profile));
}

// PACE (worked example, optionally with a CHAT) and the chain below the CVCA: the first refusal.
std::uint16_t importAfterPace(VirtualCard& card, const Chain& chain, bool withChat = false) {
    workedExamplePace(card, withChat);
    card.setEacTestHooks(std::nullopt);
    TerminalChannel channel = paceChannel();
    return importChain(card, channel, {chain.dv, chain.terminal});
}

}  // namespace

TEST_CASE("cvc-create: a valid chain is accepted and the terminal reads what it may") {
    CvCreate tool;
    const Chain chain = makeChain(tool, kAllReadRights, kValidTerminal);
    VirtualCard card = cardTrusting(chain.cvca);
    TerminalChannel channel = authenticate(card, {chain.dv, chain.terminal}, chain.terminalKey);
    REQUIRE(channel.transmit(card, kSelectEidApplication).isSuccess());
    const auto givenNames = readDataGroup(channel, card, 4);
    CHECK(givenNames.sw() == 0x6282);
    CHECK(toHex(givenNames.data()) == "64070C05" + toHex(asciiBytes("ERIKA")));
    CHECK(readDataGroup(channel, card, 5).sw() == 0x6282);
}

TEST_CASE("cvc-create: a terminal lacking a read right gets 6982 for that data group") {
    CvCreate tool;
    const Chain chain =
        makeChain(tool, kAllReadRights, "--issued=250101 --expires=351231 --read-dg1 --read-dg5");
    VirtualCard card = cardTrusting(chain.cvca);
    TerminalChannel channel = authenticate(card, {chain.dv, chain.terminal}, chain.terminalKey);
    REQUIRE(channel.transmit(card, kSelectEidApplication).isSuccess());
    CHECK(readDataGroup(channel, card, 4).sw() == 0x6982);
    CHECK(readDataGroup(channel, card, 5).sw() == 0x6282);
}

TEST_CASE("cvc-create: a right the DV does not hold is not granted to its terminal") {
    CvCreate tool;
    const Chain chain = makeChain(tool, "--read-dg1 --read-dg5", kValidTerminal);
    VirtualCard card = cardTrusting(chain.cvca);
    TerminalChannel channel = authenticate(card, {chain.dv, chain.terminal}, chain.terminalKey);
    REQUIRE(channel.transmit(card, kSelectEidApplication).isSuccess());
    CHECK(readDataGroup(channel, card, 4).sw() == 0x6982);
    CHECK(readDataGroup(channel, card, 1).sw() == 0x6282);
}

TEST_CASE("cvc-create: an expired terminal certificate is refused") {
    CvCreate tool;
    const Chain chain =
        makeChain(tool, kAllReadRights, "--issued=250101 --expires=250331 --read-dg4");
    VirtualCard card = cardTrusting(chain.cvca, "250601");
    CHECK(importAfterPace(card, chain) == 0x6A80);
}

TEST_CASE("cvc-create: a DV certificate signed with the wrong key is refused") {
    CvCreate tool;
    Chain chain = makeChain(tool, kAllReadRights, kValidTerminal);
    tool.key("impostor");
    chain.dv = tool.certificate("forged-dv",
                                "--role=dv_domestic --type=at --chr=DETESTDV00001"
                                " --issued=250101 --expires=351231"
                                " --sign-as=cvca.cvcert --sign-with=impostor.pkcs8"
                                " --key=dv.pkcs8" +
                                    std::string(kAllReadRights));
    VirtualCard card = cardTrusting(chain.cvca);
    CHECK(importAfterPace(card, chain) == 0x6982);
}

TEST_CASE("cvc-create: a chain below an unknown CVCA is refused") {
    CvCreate tool;
    const Chain chain = makeChain(tool, kAllReadRights, kValidTerminal);
    VirtualCard card;  // trusts the worked example's and the built-in test CVCA only
    CHECK(importAfterPace(card, chain) == 0x6A88);
}

TEST_CASE("cvc-create: an inspection system chain gets nothing from the eID application") {
    CvCreate tool;
    const Chain chain = makeChain(tool, "--read-eid --read-finger --read-iris",
                                  "--issued=250101 --expires=351231 --read-eid", "is");
    VirtualCard card = cardTrusting(chain.cvca);
    TerminalChannel channel = authenticate(card, {chain.dv, chain.terminal}, chain.terminalKey);
    REQUIRE(channel.transmit(card, kSelectEidApplication).isSuccess());
    CHECK(readDataGroup(channel, card, 1).sw() == 0x6982);
    CHECK(readDataGroup(channel, card, 4).sw() == 0x6982);
}

TEST_CASE("cvc-create: after PACE with an AT CHAT an inspection system chain is refused") {
    CvCreate tool;
    const Chain chain = makeChain(tool, "--read-eid --read-finger --read-iris",
                                  "--issued=250101 --expires=351231 --read-eid", "is");
    VirtualCard card = cardTrusting(chain.cvca);
    CHECK(importAfterPace(card, chain, true) == 0x6A80);
}

TEST_CASE("cvc-create: after PACE with an AT CHAT an authentication terminal chain is accepted") {
    CvCreate tool;
    const Chain chain = makeChain(tool, kAllReadRights, kValidTerminal);
    VirtualCard card = cardTrusting(chain.cvca);
    CHECK(importAfterPace(card, chain, true) == 0x9000);
}
