// The local terminal identity of self-authentication: files as `openausweis-sim pki` and
// cvc-create write them, chain order, key check, and signatures the terminal key really made.
#include <catch2/catch.hpp>

#include <openssl/pem.h>

#include <filesystem>
#include <fstream>

#include "crypto/Ecdsa.h"
#include "eid/TerminalIdentity.h"
#include "sim/pki/TestPki.h"

using namespace oa;
using namespace oa::eid;

namespace {

struct TemporaryDirectory {
    TemporaryDirectory() {
        char name[] = "/tmp/oa-terminal-XXXXXX";
        REQUIRE(mkdtemp(name) != nullptr);
        path = name;
    }
    ~TemporaryDirectory() { std::filesystem::remove_all(path); }
    std::filesystem::path path;
};

void writeFile(const std::filesystem::path& path, ByteView content) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(content.data()),
              static_cast<std::streamsize>(content.size()));
}

std::string pem(const sim::EcKey& key) {
    BIO* bio = BIO_new(BIO_s_mem());
    REQUIRE(PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    std::string text(data, static_cast<std::size_t>(size));
    BIO_free(bio);
    return text;
}

}  // namespace

TEST_CASE("The terminal identity loads from the files the test PKI writes, chain top down",
          "[terminal]") {
    const auto& pki = sim::TestPki::builtIn();
    TemporaryDirectory directory;
    REQUIRE(pki.writeTo(directory.path.string()));
    auto identity = TerminalIdentity::load(directory.path / "terminal-chain",
                                           directory.path / "terminal.pkcs8");
    INFO((identity ? std::string() : identity.error().message + " / " + identity.error().detail));
    REQUIRE(identity);
    REQUIRE(identity->certificates().size() == 3);
    CHECK(identity->certificates()[0].holderReference() == sim::TestPki::kCvcaReference);
    CHECK(identity->certificates()[1].holderReference() == sim::TestPki::kDvReference);
    CHECK(identity->terminalCertificate().holderReference() == sim::TestPki::kTerminalReference);
}

TEST_CASE("The terminal's signature verifies with its certificate's key", "[terminal]") {
    const auto& pki = sim::TestPki::builtIn();
    // Given in reverse order: the chain is ordered by CAR and CHR, not by position.
    std::vector<Bytes> reversed{pki.terminalCertificate(), pki.dvCertificate(),
                                pki.cvcaCertificate()};
    const SecureBytes pemKey = SecureBytes::fromAscii(pem(pki.terminalKey()));
    auto identity = TerminalIdentity::fromMemory(reversed, pemKey);
    REQUIRE(identity);
    CHECK(identity->certificates().front().isSelfSigned());

    const Bytes challenge = hexBytes("0102030405060708090A");
    auto signature = identity->sign(challenge);
    REQUIRE(signature);
    CHECK(signature->size() == 64);
    auto curve = crypto::EcCurve::standardized(13);  // brainpoolP256r1
    REQUIRE(curve);
    CHECK(crypto::verifyEcdsaSignature(*curve, identity->terminalCertificate().publicKey().point,
                                       crypto::HashAlgorithm::Sha256, challenge, *signature));
}

TEST_CASE("A terminal identity with a wrong key or no terminal certificate is refused",
          "[terminal]") {
    const auto& pki = sim::TestPki::builtIn();
    auto wrongKey = TerminalIdentity::fromMemory(pki.terminalChain(), pki.dvKey().pkcs8());
    REQUIRE_FALSE(wrongKey);
    CHECK(wrongKey.error().message.find("does not belong") != std::string::npos);

    auto noTerminal = TerminalIdentity::fromMemory({pki.cvcaCertificate(), pki.dvCertificate()},
                                                   pki.terminalKeyPkcs8());
    REQUIRE_FALSE(noTerminal);

    auto garbageKey =
        TerminalIdentity::fromMemory(pki.terminalChain(), SecureBytes(hexBytes("300100")));
    REQUIRE_FALSE(garbageKey);
    CHECK(garbageKey.error().code == ErrorCode::InvalidInput);

    TemporaryDirectory empty;
    CHECK_FALSE(TerminalIdentity::load(empty.path, empty.path / "missing.pkcs8"));
    writeFile(empty.path / "broken.cvcert", hexBytes("7F2100"));
    const SecureBytes key = pki.terminalKeyPkcs8();
    writeFile(empty.path / "terminal.pkcs8", key.bytes());
    auto broken = TerminalIdentity::load(empty.path, empty.path / "terminal.pkcs8");
    REQUIRE_FALSE(broken);
    CHECK(broken.error().message == "A terminal certificate is damaged");
}
