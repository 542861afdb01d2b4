// The test PKI: what it signs and issues is accepted by independent verifiers (OpenSSL's cms
// command, OpenPACE's cvc-print) and by the virtual card.
#include <catch2/catch.hpp>
#include <filesystem>

#include "EacTerminal.h"
#include "TestFiles.h"
#include "sim/pki/TestPki.h"

using namespace oa;
using namespace oa::test;
using sim::TestPki;

namespace {

CommandResult verifyCms(const TemporaryDirectory& directory, const Bytes& signedData,
                        const std::string& cscaPem) {
    writeBytes(directory.file("card-security.der"), signedData);
    writeBytes(directory.file("trusted-csca.pem"), asciiBytes(cscaPem));
    return runCommand("openssl cms -verify -inform DER -in " + directory.file("card-security.der") +
                      " -CAfile " + directory.file("trusted-csca.pem") +
                      " -purpose any -binary -out " + directory.file("content.der"));
}

// EF.CardSecurity read under PACE's secure messaging, in pieces of 223 bytes.
Bytes readCardSecurity(VirtualCard& card) {
    workedExamplePace(card);
    TerminalChannel channel = paceChannel();
    REQUIRE(
        channel.transmit(card, CommandApdu(0x00, 0xA4, 0x02, 0x0C, hexBytes("011D"))).isSuccess());
    Bytes content;
    for (;;) {
        const auto offset = static_cast<std::uint16_t>(content.size());
        const auto piece =
            channel.transmit(card, CommandApdu(0x00, 0xB0, static_cast<std::uint8_t>(offset >> 8),
                                               static_cast<std::uint8_t>(offset & 0xFF), {}, 223));
        REQUIRE((piece.isSuccess() || piece.sw() == 0x6282));
        append(content, piece.data());
        if (piece.data().size() < 223) return content;
    }
}

}  // namespace

TEST_CASE("Test PKI: OpenSSL verifies EF.CardSecurity signed by the built-in document signer") {
    const TestPki& pki = TestPki::builtIn();
    VirtualCard card;
    const Bytes infos = card.cardSecurityInfos();
    TemporaryDirectory directory;
    const auto verified = verifyCms(directory, pki.signCardSecurity(infos), pki.cscaPem());
    INFO(verified.output);
    CHECK(verified.exitCode == 0);
    CHECK(readBytes(directory.file("content.der")) == infos);
}

TEST_CASE("Test PKI: EF.CardSecurity of a foreign document signer fails against the CSCA") {
    auto fresh = TestPki::generate();
    REQUIRE(fresh.ok());
    TemporaryDirectory directory;
    const auto verified = verifyCms(directory, fresh->signCardSecurity(hexBytes("3100")),
                                    TestPki::builtIn().cscaPem());
    CHECK(verified.exitCode != 0);
}

TEST_CASE("Test PKI: the default card carries EF.CardSecurity that OpenSSL verifies") {
    VirtualCard card;
    const Bytes cardSecurity = readCardSecurity(card);
    TemporaryDirectory directory;
    const auto verified = verifyCms(directory, cardSecurity, TestPki::builtIn().cscaPem());
    INFO(verified.output);
    REQUIRE(verified.exitCode == 0);
    CHECK(readBytes(directory.file("content.der")) == card.cardSecurityInfos());
}

TEST_CASE("Test PKI: every built-in profile carries EF.CardSecurity with its own chip key") {
    TemporaryDirectory directory;
    for (const auto& name : sim::builtInProfileNames()) {
        INFO(name);
        VirtualCard card(*sim::builtInProfile(name));
        const auto verified =
            verifyCms(directory, card.cardSecurity(), TestPki::builtIn().cscaPem());
        CHECK(verified.exitCode == 0);
        CHECK(readBytes(directory.file("content.der")) == card.cardSecurityInfos());
    }
}

TEST_CASE("Test PKI: writeTo writes the files the other tools read, readFrom reads them back") {
    const TestPki& pki = TestPki::builtIn();
    TemporaryDirectory directory;
    REQUIRE(pki.writeTo(directory.path().string()).ok());
    for (const char* name : {"csca.pem", "document-signer.pem", "cvca.cvcert", "dv.cvcert",
                             "terminal.cvcert", "terminal.pkcs8", "terminal-chain/cvca.cvcert",
                             "terminal-chain/dv.cvcert", "terminal-chain/terminal.cvcert"}) {
        INFO(name);
        CHECK(std::filesystem::is_regular_file(directory.path() / name));
    }
    CHECK(readBytes(directory.file("terminal-chain/terminal.cvcert")) == pki.terminalCertificate());
    auto key = sim::EcKey::fromPkcs8(readBytes(directory.file("terminal.pkcs8")));
    REQUIRE(key.ok());
    CHECK(key->publicPoint() == pki.terminalKey().publicPoint());
    auto read = TestPki::readFrom(directory.path().string());
    REQUIRE(read.ok());
    CHECK(read->cscaCertificate() == pki.cscaCertificate());
    CHECK(read->terminalChain() == pki.terminalChain());
    CHECK(read->sectorPublicKey() == pki.sectorPublicKey());
}

TEST_CASE("Test PKI: the X.509 certificates say they are for tests only") {
    const auto text = runCommand("printf '%s' '" + TestPki::builtIn().documentSignerPem() +
                                 "' | openssl x509 -noout -subject -issuer -ext keyUsage");
    REQUIRE(text.exitCode == 0);
    CHECK(text.output.find("OpenAusweis TEST Document Signer") != std::string::npos);
    CHECK(text.output.find("OpenAusweis TEST CSCA") != std::string::npos);
    CHECK(text.output.find("Digital Signature") != std::string::npos);
}

TEST_CASE("Test PKI: OpenPACE's cvc-print verifies the built-in CV chain and description") {
    const TestPki& pki = TestPki::builtIn();
    TemporaryDirectory directory;
    REQUIRE(pki.writeTo(directory.path().string()).ok());
    // cvc-print finds signers by holder reference.
    std::filesystem::create_directory(directory.path() / "trust");
    writeBytes(directory.file("trust/DEOATESTCA00001"), pki.cvcaCertificate());
    writeBytes(directory.file("trust/DEOATESTDV00001"), pki.dvCertificate());
    const auto printed = runCommand("cvc-print --cvc " + directory.file("terminal.cvcert") +
                                    " --cvc-dir " + directory.file("trust") + " --description " +
                                    directory.file("certificate-description.der"));
    INFO(printed.output);
    CHECK(printed.output.find("certificate verified") != std::string::npos);
    CHECK(printed.output.find("certificate description matches certificate") != std::string::npos);
    CHECK(printed.output.find("PIN Management") != std::string::npos);
    CHECK(printed.output.find("Restricted Identification") != std::string::npos);
}

TEST_CASE("Test PKI: a fresh PKI has its own keys") {
    auto fresh = TestPki::generate();
    REQUIRE(fresh.ok());
    CHECK(fresh->terminalKey().publicPoint() != TestPki::builtIn().terminalKey().publicPoint());
    CHECK(fresh->cscaCertificate() != TestPki::builtIn().cscaCertificate());
    CHECK(fresh->cvcaReference() != TestPki::builtIn().cvcaReference());
    CHECK(fresh->cvcaReference().rfind("DEOATESTCA", 0) == 0);
    CHECK(TestPki::builtIn().cvcaReference() == TestPki::kCvcaReference);
    CHECK(TestPki::builtIn().terminalReference() == TestPki::kTerminalReference);
}

TEST_CASE("Test PKI: the default card accepts the built-in chain; the terminal reads DG4") {
    const TestPki& pki = TestPki::builtIn();
    VirtualCard card;
    TerminalChannel channel =
        authenticate(card, {pki.dvCertificate(), pki.terminalCertificate()}, pki.terminalKey());
    REQUIRE(channel.transmit(card, kSelectEidApplication).isSuccess());
    const auto givenNames = readDataGroup(channel, card, 4);
    CHECK(givenNames.sw() == 0x6282);
    CHECK(toHex(givenNames.data()) == "64070C05" + toHex(asciiBytes("ERIKA")));
}

TEST_CASE("Test PKI: restricted identification with the built-in sector key") {
    const TestPki& pki = TestPki::builtIn();
    VirtualCard card;
    TerminalChannel channel =
        authenticate(card, {pki.dvCertificate(), pki.terminalCertificate()}, pki.terminalKey());
    REQUIRE(channel
                .transmit(card, CommandApdu(0x00, 0x22, 0x41, 0xA4,
                                            concat({asn1::encode(0x80, hexBytes("04007F000702020502"
                                                                                "03")),
                                                    asn1::encode(0x84, Bytes{0x01})})))
                .isSuccess());
    const Bytes sectorPublicKey = pki.sectorPublicKey();
    const auto dataObject = asn1::readOne(sectorPublicKey);
    REQUIRE(dataObject.ok());
    const auto answer = channel.transmit(
        card, CommandApdu(0x00, 0x86, 0x00, 0x00,
                          asn1::encode(0x7C, asn1::encode(0xA0, dataObject->value)), 256));
    REQUIRE(answer.isSuccess());
    CHECK(dynamicData(answer, 0x81).size() == 32);
}
