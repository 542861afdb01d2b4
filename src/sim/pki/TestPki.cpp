#include "sim/pki/TestPki.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <openssl/rand.h>

#include "asn1/Tlv.h"
#include "sim/pki/CvCertificateWriter.h"
#include "sim/pki/EmbeddedTestPki.h"
#include "sim/pki/SecurityObjectSigner.h"
#include "sim/pki/TestCertificateDescription.h"
#include "sim/pki/X509TestCertificates.h"

namespace oa::sim {
namespace {

// CVCA and DV hold every right they may delegate; the DV is an official domestic one.
const Bytes kCvcaRights = hexBytes("FF3FFFFFFF");
const Bytes kDvRights = hexBytes("BF3FFFFFFF");

Error fileError(const std::string& path, const char* what) {
    return makeError(ErrorCode::InvalidInput, "Could not use the test PKI files",
                     std::string(what) + " " + path);
}

Result<Bytes> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fileError(path, "cannot read");
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Result<void> writeFile(const std::filesystem::path& path, ByteView content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(content.data()),
              static_cast<std::streamsize>(content.size()));
    if (!out) return fileError(path.string(), "cannot write");
    return {};
}

Result<EcKey> keyFile(const std::function<Result<Bytes>(const std::string&)>& read,
                      const std::string& name) {
    auto der = read(name);
    if (!der) return der.error();
    auto key = EcKey::fromPkcs8(*der);
    wipe(*der);
    return key;
}

Result<Bytes> pemFile(const std::function<Result<Bytes>(const std::string&)>& read,
                      const std::string& name) {
    auto pem = read(name);
    if (!pem) return pem.error();
    return certificateFromPem(std::string(pem->begin(), pem->end()));
}

CvCertificateTemplate validFromTo(const std::string& authority, const std::string& holder,
                                  Bytes rights) {
    CvCertificateTemplate fields;
    fields.authorityReference = authority;
    fields.holderReference = holder;
    fields.rights = std::move(rights);
    fields.effectiveDate = TestPki::kEffectiveDate;
    fields.expirationDate = TestPki::kExpirationDate;
    return fields;
}

// CHR (5F20) of a certificate we wrote ourselves.
std::string holderReference(const Bytes& certificate) {
    const auto outer = asn1::readOne(certificate);
    if (!outer) return {};
    const auto parts = outer->children();
    if (!parts || parts->empty()) return {};
    const auto fields = parts->front().children();
    if (!fields) return {};
    const auto chr = asn1::find(*fields, 0x5F20);
    return chr ? std::string(chr->value.begin(), chr->value.end()) : std::string();
}

}  // namespace

Bytes TestPki::terminalRights() {
    return hexBytes("3F3FFFFF37");
}

Bytes TestPki::pinResetTerminalRights() {
    return hexBytes("0001101830");
}

TestPki::TestPki(EcKey cscaKey, EcKey documentSignerKey, EcKey cvcaKey, EcKey dvKey,
                 EcKey terminalKey, EcKey sectorKey, EcKey pinResetTerminalKey)
    : cscaKey_(std::move(cscaKey)),
      documentSignerKey_(std::move(documentSignerKey)),
      cvcaKey_(std::move(cvcaKey)),
      dvKey_(std::move(dvKey)),
      terminalKey_(std::move(terminalKey)),
      sectorKey_(std::move(sectorKey)),
      pinResetTerminalKey_(std::move(pinResetTerminalKey)) {}

Result<void> TestPki::issuePinResetTerminal(const std::string& reference) {
    pinResetDescription_ = encodePinResetCertificateDescription();
    CvCertificateTemplate terminal =
        validFromTo(holderReference(dv_), reference, pinResetTerminalRights());
    terminal.extensions = {descriptionExtension(pinResetDescription_)};
    auto certificate = writeCvCertificate(terminal, pinResetTerminalKey_, dvKey_);
    if (!certificate) return certificate.error();
    pinResetTerminal_ = std::move(*certificate);
    return {};
}

Result<TestPki> TestPki::generate() {
    unsigned char random[4];
    if (RAND_bytes(random, sizeof random) != 1) {
        return makeError(ErrorCode::Unknown, "Could not create a test PKI", "RAND_bytes");
    }
    const unsigned long number = (static_cast<unsigned long>(random[0]) << 24 | random[1] << 16 |
                                  random[2] << 8 | random[3]) %
                                     99998 +
                                 2;  // never the built-in 00001
    char sequence[6];
    std::snprintf(sequence, sizeof sequence, "%05lu", number);
    return generate(sequence);
}

Result<TestPki> TestPki::generate(const std::string& sequenceNumber) {
    const std::string cvcaReference = "DEOATESTCA" + sequenceNumber;
    const std::string dvReference = "DEOATESTDV" + sequenceNumber;
    const std::string terminalReference = "DEOATESTAT" + sequenceNumber;
    std::vector<EcKey> keys;
    for (int i = 0; i < 7; ++i) {
        auto key = EcKey::generate();
        if (!key) return key.error();
        keys.push_back(std::move(*key));
    }
    TestPki pki(keys[0], keys[1], keys[2], keys[3], keys[4], keys[5], keys[6]);
    auto csca = issueCscaCertificate(pki.cscaKey_);
    if (!csca) return csca.error();
    auto documentSigner =
        issueDocumentSignerCertificate(pki.documentSignerKey_, *csca, pki.cscaKey_);
    if (!documentSigner) return documentSigner.error();
    pki.csca_ = std::move(*csca);
    pki.documentSigner_ = std::move(*documentSigner);

    CvCertificateTemplate cvca = validFromTo(cvcaReference, cvcaReference, kCvcaRights);
    cvca.withDomainParameters = true;
    const CvCertificateTemplate dv = validFromTo(cvcaReference, dvReference, kDvRights);
    pki.certificateDescription_ = encodeTestCertificateDescription();
    CvCertificateTemplate terminal = validFromTo(dvReference, terminalReference, terminalRights());
    terminal.extensions = {descriptionExtension(pki.certificateDescription_),
                           terminalSectorExtension(pki.sectorPublicKey())};

    auto cvcaCertificate = writeCvCertificate(cvca, pki.cvcaKey_, pki.cvcaKey_);
    auto dvCertificate = writeCvCertificate(dv, pki.dvKey_, pki.cvcaKey_);
    auto terminalCertificate = writeCvCertificate(terminal, pki.terminalKey_, pki.dvKey_);
    if (!cvcaCertificate) return cvcaCertificate.error();
    if (!dvCertificate) return dvCertificate.error();
    if (!terminalCertificate) return terminalCertificate.error();
    pki.cvca_ = std::move(*cvcaCertificate);
    pki.dv_ = std::move(*dvCertificate);
    pki.terminal_ = std::move(*terminalCertificate);
    if (auto issued = pki.issuePinResetTerminal("DEOATESTPR" + sequenceNumber); !issued)
        return issued.error();
    return pki;
}

Result<TestPki> TestPki::fromFiles(const std::function<Result<Bytes>(const std::string&)>& read) {
    std::vector<EcKey> keys;
    for (const char* name : {"csca.pkcs8", "document-signer.pkcs8", "cvca.pkcs8", "dv.pkcs8",
                             "terminal.pkcs8", "sector.pkcs8"}) {
        auto key = keyFile(read, name);
        if (!key) return key.error();
        keys.push_back(std::move(*key));
    }
    // PKIs written before the PIN reset terminal existed get a fresh one.
    auto pinResetKey = keyFile(read, "pin-reset-terminal.pkcs8");
    const bool pinResetStored = pinResetKey.ok();
    if (!pinResetStored) pinResetKey = EcKey::generate();
    if (!pinResetKey) return pinResetKey.error();
    TestPki pki(keys[0], keys[1], keys[2], keys[3], keys[4], keys[5], std::move(*pinResetKey));
    auto csca = pemFile(read, "csca.pem");
    auto documentSigner = pemFile(read, "document-signer.pem");
    auto cvca = read("cvca.cvcert");
    auto dv = read("dv.cvcert");
    auto terminal = read("terminal.cvcert");
    auto description = read("certificate-description.der");
    for (const Result<Bytes>* file :
         {&csca, &documentSigner, &cvca, &dv, &terminal, &description}) {
        if (!*file) return file->error();
    }
    pki.csca_ = std::move(*csca);
    pki.documentSigner_ = std::move(*documentSigner);
    pki.cvca_ = std::move(*cvca);
    pki.dv_ = std::move(*dv);
    pki.terminal_ = std::move(*terminal);
    pki.certificateDescription_ = std::move(*description);
    auto pinResetTerminal = read("pin-reset-terminal.cvcert");
    auto pinResetDescription = read("pin-reset-certificate-description.der");
    if (!pinResetStored || !pinResetTerminal || !pinResetDescription) {
        const std::string dv = holderReference(pki.dv_);
        const std::string sequence = dv.size() > 5 ? dv.substr(dv.size() - 5) : "00001";
        if (auto issued = pki.issuePinResetTerminal("DEOATESTPR" + sequence); !issued)
            return issued.error();
        return pki;
    }
    pki.pinResetTerminal_ = std::move(*pinResetTerminal);
    pki.pinResetDescription_ = std::move(*pinResetDescription);
    return pki;
}

Result<TestPki> TestPki::readFrom(const std::string& directory) {
    return fromFiles([&directory](const std::string& name) {
        return readFile((std::filesystem::path(directory) / name).string());
    });
}

const TestPki& TestPki::builtIn() {
    static const TestPki pki = [] {
        auto embedded = fromFiles([](const std::string& name) -> Result<Bytes> {
            if (auto file = embeddedTestPkiFile(name)) return std::move(*file);
            return fileError(name, "not built in:");
        });
        if (embedded) return std::move(*embedded);
        // Only while bootstrapping src/sim/pki/data (openausweis-sim pki --fresh --out ...).
        std::fprintf(stderr, "openausweis: no built-in test PKI (%s), using a fresh one\n",
                     embedded.error().detail.c_str());
        auto fresh = generate();
        if (!fresh) std::abort();
        return std::move(*fresh);
    }();
    return pki;
}

Result<void> TestPki::writeTo(const std::string& directory) const {
    namespace fs = std::filesystem;
    const fs::path root(directory);
    std::error_code error;
    fs::create_directories(root / "terminal-chain", error);
    if (error) return fileError(directory, "cannot create");
    const std::string csca = cscaPem();
    const std::string documentSigner = documentSignerPem();
    const std::vector<std::pair<fs::path, Bytes>> files{
        {root / "csca.pem", asciiBytes(csca)},
        {root / "document-signer.pem", asciiBytes(documentSigner)},
        {root / "cvca.cvcert", cvca_},
        {root / "dv.cvcert", dv_},
        {root / "terminal.cvcert", terminal_},
        {root / "terminal-chain" / "cvca.cvcert", cvca_},
        {root / "terminal-chain" / "dv.cvcert", dv_},
        {root / "terminal-chain" / "terminal.cvcert", terminal_},
        {root / "certificate-description.der", certificateDescription_},
        {root / "pin-reset-terminal.cvcert", pinResetTerminal_},
        {root / "pin-reset-certificate-description.der", pinResetDescription_},
    };
    for (const auto& [path, content] : files) {
        if (auto written = writeFile(path, content); !written) return written;
    }
    const std::vector<std::pair<fs::path, const EcKey*>> keys{
        {root / "terminal.pkcs8", &terminalKey_},
        {root / "csca.pkcs8", &cscaKey_},
        {root / "document-signer.pkcs8", &documentSignerKey_},
        {root / "cvca.pkcs8", &cvcaKey_},
        {root / "dv.pkcs8", &dvKey_},
        {root / "sector.pkcs8", &sectorKey_},
        {root / "pin-reset-terminal.pkcs8", &pinResetTerminalKey_}};
    for (const auto& [path, key] : keys) {
        if (auto written = writeFile(path, key->pkcs8().bytes()); !written) return written;
    }
    return {};
}

Bytes TestPki::signCardSecurity(ByteView securityInfosDer) const {
    auto signed_ = signSecurityObject(securityInfosDer, documentSigner_, documentSignerKey_);
    if (!signed_) {
        std::fprintf(stderr, "openausweis: %s (%s)\n", signed_.error().message.c_str(),
                     signed_.error().detail.c_str());
        return {};
    }
    return std::move(*signed_);
}

std::string TestPki::cvcaReference() const {
    return holderReference(cvca_);
}

std::string TestPki::terminalReference() const {
    return holderReference(terminal_);
}

std::string TestPki::cscaPem() const {
    return certificateToPem(csca_);
}

std::string TestPki::documentSignerPem() const {
    return certificateToPem(documentSigner_);
}

Bytes TestPki::sectorPublicKey() const {
    return sectorPublicKeyDataObject(sectorKey_.publicPoint());
}

}  // namespace oa::sim
