#include "eid/TerminalIdentity.h"

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "crypto/HashAlgorithmEvp.h"
#include "crypto/OpenSsl.h"

namespace oa::eid {
namespace {

constexpr std::uintmax_t kMaxFileSize = 64 * 1024;

Error identityError(std::string message, std::string detail) {
    return makeError(ErrorCode::InvalidInput, std::move(message), std::move(detail));
}

Result<Bytes> readSmallFile(const std::filesystem::path& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) return identityError("Cannot read " + path.string(), error.message());
    if (size > kMaxFileSize)
        return identityError("The file " + path.string() + " is too large", "");
    std::ifstream in(path, std::ios::binary);
    if (!in) return identityError("Cannot read " + path.string(), "open failed");
    Bytes content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return content;
}

Result<std::shared_ptr<EVP_PKEY>> parsePrivateKey(const SecureBytes& encoded) {
    const ByteView bytes = encoded.bytes();
    static const std::string_view kPem = "-----BEGIN";
    EVP_PKEY* key = nullptr;
    if (bytes.size() >= kPem.size() && std::equal(kPem.begin(), kPem.end(), bytes.begin())) {
        crypto::OpenSslPtr<BIO, BIO_free_all> bio(
            BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
        if (bio) key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
    } else {
        const unsigned char* cursor = bytes.data();
        key = d2i_AutoPrivateKey(nullptr, &cursor, static_cast<long>(bytes.size()));
        if (key && cursor != bytes.data() + bytes.size()) {
            EVP_PKEY_free(key);
            key = nullptr;
        }
    }
    if (!key) {
        return crypto::openSslError(ErrorCode::InvalidInput,
                                    "The terminal key is not a PKCS#8 private key",
                                    "DER/PEM PrivateKeyInfo");
    }
    std::shared_ptr<EVP_PKEY> owned(key, EVP_PKEY_free);
    if (!EVP_PKEY_is_a(key, "EC"))
        return identityError("The terminal key is not an EC key", "PKCS#8 of another type");
    return owned;
}

Bytes publicPoint(EVP_PKEY* key) {
    Bytes out(200);
    std::size_t size = 0;
    if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, out.data(), out.size(),
                                        &size) != 1)
        return {};
    out.resize(size);
    return out;
}

// Orders the chain by CAR and CHR, from the top down to the terminal certificate.
Result<std::vector<eac::CvCertificate>> orderChain(std::vector<eac::CvCertificate> pool) {
    std::vector<const eac::CvCertificate*> terminals;
    for (const auto& certificate : pool)
        if (certificate.role() == eac::CertificateRole::Terminal) terminals.push_back(&certificate);
    if (terminals.size() != 1) {
        return identityError("The terminal chain must hold exactly one terminal certificate",
                             std::to_string(terminals.size()) + " terminal certificates found");
    }
    std::vector<eac::CvCertificate> ordered{*terminals.front()};
    while (!ordered.front().isSelfSigned()) {
        const std::string& car = ordered.front().authorityReference();
        auto issuer = std::find_if(pool.begin(), pool.end(), [&](const eac::CvCertificate& c) {
            return c.holderReference() == car && !(c == ordered.front());
        });
        if (issuer == pool.end()) break;  // the card knows the rest
        if (ordered.size() > pool.size())
            return identityError("The terminal chain has a loop", "CAR " + car);
        ordered.insert(ordered.begin(), *issuer);
    }
    return ordered;
}

}  // namespace

Result<TerminalIdentity> TerminalIdentity::fromMemory(const std::vector<Bytes>& certificates,
                                                      const SecureBytes& privateKey) {
    std::vector<eac::CvCertificate> pool;
    for (const auto& encoded : certificates) {
        auto parsed = eac::CvCertificate::parse(encoded);
        if (!parsed) {
            return identityError("A terminal certificate is damaged",
                                 parsed.error().message + ": " + parsed.error().detail);
        }
        pool.push_back(std::move(*parsed));
    }
    auto ordered = orderChain(std::move(pool));
    if (!ordered) return ordered.error();
    auto key = parsePrivateKey(privateKey);
    if (!key) return key.error();
    const eac::CvPublicKey& certified = ordered->back().publicKey();
    if (!certified.isEcdsa() || publicPoint(key->get()) != certified.point) {
        return identityError("The terminal key does not belong to the terminal certificate",
                             "public point differs from " + ordered->back().holderReference());
    }
    return TerminalIdentity(std::move(*ordered), std::move(*key));
}

Result<TerminalIdentity> TerminalIdentity::load(const std::filesystem::path& chainDirectory,
                                                const std::filesystem::path& keyFile) {
    std::error_code error;
    std::vector<std::filesystem::path> paths;
    for (std::filesystem::directory_iterator it(chainDirectory, error), end; !error && it != end;
         it.increment(error)) {
        if (it->path().extension() == ".cvcert") paths.push_back(it->path());
    }
    if (error)
        return identityError("Cannot read the directory " + chainDirectory.string(),
                             error.message());
    if (paths.empty()) return identityError("No *.cvcert files in " + chainDirectory.string(), "");
    std::sort(paths.begin(), paths.end());
    std::vector<Bytes> certificates;
    for (const auto& path : paths) {
        auto content = readSmallFile(path);
        if (!content) return content.error();
        certificates.push_back(std::move(*content));
    }
    auto keyBytes = readSmallFile(keyFile);
    if (!keyBytes) return keyBytes.error();
    const SecureBytes key{view(*keyBytes)};
    wipe(*keyBytes);
    return fromMemory(certificates, key);
}

Result<Bytes> TerminalIdentity::sign(ByteView data) const {
    const auto hash = terminalCertificate().publicKey().hashAlgorithm();
    crypto::DigestContextPtr context(EVP_MD_CTX_new());
    std::size_t size = 0;
    if (!context ||
        EVP_DigestSignInit(context.get(), nullptr, crypto::evpHash(hash), nullptr, key_.get()) !=
            1 ||
        EVP_DigestSign(context.get(), nullptr, &size, data.data(), data.size()) != 1) {
        return crypto::openSslError(ErrorCode::Unknown, "Signing with the terminal key failed",
                                    "EVP_DigestSign");
    }
    Bytes der(size);
    if (EVP_DigestSign(context.get(), der.data(), &size, data.data(), data.size()) != 1)
        return crypto::openSslError(ErrorCode::Unknown, "Signing with the terminal key failed",
                                    "EVP_DigestSign");
    const unsigned char* cursor = der.data();
    crypto::OpenSslPtr<ECDSA_SIG, ECDSA_SIG_free> signature(
        d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(size)));
    if (!signature)
        return crypto::openSslError(ErrorCode::Unknown, "Signing with the terminal key failed",
                                    "d2i_ECDSA_SIG");
    const auto half = static_cast<std::size_t>((EVP_PKEY_get_bits(key_.get()) + 7) / 8);
    auto r = crypto::fromBignum(ECDSA_SIG_get0_r(signature.get()), half);
    auto s = crypto::fromBignum(ECDSA_SIG_get0_s(signature.get()), half);
    if (!r) return r.error();
    if (!s) return s.error();
    return concat({*r, *s});
}

}  // namespace oa::eid
