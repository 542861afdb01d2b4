// OpenPACE (libeac) as the terminal, through the real PC/SC chain: PcscBackend -> pcscd -> vpcd ->
// `openausweis-sim card --cvca ...`. OpenPACE runs PACE with the PIN, Terminal Authentication
// with a fresh test PKI whose CVCA the card was given on its command line, passive
// authentication of EF.CardSecurity against the test CSCA, Chip Authentication, and then reads
// DG4 under the CA keys with its own secure messaging.
#include <eac/ca.h>
#include <eac/eac.h>
#include <eac/objects.h>
#include <eac/pace.h>
#include <eac/ta.h>
#include <openssl/buffer.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <signal.h>
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <memory>

#include "Harness.h"
#include "OpenPaceHandles.h"
#include "asn1/Tlv.h"
#include "card/pcsc/PcscBackend.h"
#include "sim/pki/TestPki.h"

// Debian's libeac 1.1.2 exports the setter under this name; its header says ..._lookup_cert.
extern "C" int EAC_CTX_set_csca_lookup(EAC_CTX* ctx, X509_lookup_csca_cert lookup);

using namespace oa;
using namespace oa::test;

namespace {

using namespace oa::test::openpace;

Bytes dynamicValue(const ResponseApdu& response, asn1::Tag tag) {
    REQUIRE(response.isSuccess());
    const auto outer = asn1::readOne(response.data());
    REQUIRE(outer.ok());
    const auto inner = outer->children();
    REQUIRE(inner.ok());
    const auto element = asn1::find(*inner, tag);
    REQUIRE(element);
    return Bytes(element->value.begin(), element->value.end());
}

// OpenPACE asks for the CSCA by a callback without user data: the test's trust store.
X509_STORE* trustedCscas = nullptr;
X509_STORE* lookupCsca(unsigned long) {
    return trustedCscas;
}

class TemporaryDirectory {
public:
    TemporaryDirectory() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "openausweis-openpace-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TemporaryDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// The card process with extra options, plugged into the first vpcd reader while this lives.
class CardProcess {
public:
    explicit CardProcess(std::vector<std::string> options) : process_(arguments(options)) {}
    ~CardProcess() {
        process_.stop(SIGKILL);
        PcscBackend backend;
        waitUntil(5s, [&] { return !cardPresent(backend, kFirstReader); });
    }

private:
    static std::vector<std::string> arguments(std::vector<std::string> options) {
        std::vector<std::string> all{OA_SIM_PATH, "card", "--vpcd", kFirstReaderAddress};
        all.insert(all.end(), options.begin(), options.end());
        return all;
    }
    ChildProcess process_;
};

// OpenPACE's terminal side over a PC/SC card.
class OpenPaceTerminal {
public:
    explicit OpenPaceTerminal(Card& card) : card_(card), context_(EAC_CTX_new()) {
        EAC_init();
        const auto access = plain(CommandApdu(0x00, 0xB0, 0x9C, 0x00, {}, 256));
        REQUIRE((access.sw() == 0x9000 || access.sw() == 0x6282));  // 6282: shorter than Le
        REQUIRE(EAC_CTX_init_ef_cardaccess(access.data().data(), access.data().size(),
                                           context_.get()) == 1);
    }

    ResponseApdu plain(const CommandApdu& command) {
        auto response = card_.transmit(command);
        INFO((response.ok() ? std::string() : response.error().detail));
        REQUIRE(response.ok());
        return *response;
    }

    // PACE with the PIN and a CHAT for an authentication terminal; the GA step 4 answer.
    ResponseApdu pace(const char* pin, ByteView chat) {
        Secret password(PACE_SEC_new(pin, std::strlen(pin), PACE_PIN));
        const Bytes mse = concat({asn1::encode(0x80, hexBytes("04007F00070202040202")),
                                  asn1::encode(0x83, Bytes{0x03}), chat});
        REQUIRE(plain(CommandApdu(0x00, 0x22, 0xC1, 0xA4, mse)).sw() == 0x9000);
        const auto nonce = generalAuthenticate(false, 0, {});
        REQUIRE(PACE_STEP2_dec_nonce(context_.get(), password.get(),
                                     buffer(dynamicValue(nonce, 0x80)).get()) == 1);
        Buffer mapping(PACE_STEP3A_generate_mapping_data(context_.get()));
        const auto chipMapping = generalAuthenticate(false, 0x81, bytesOf(mapping.get()));
        REQUIRE(PACE_STEP3A_map_generator(context_.get(),
                                          buffer(dynamicValue(chipMapping, 0x82)).get()) == 1);
        Buffer ephemeral(PACE_STEP3B_generate_ephemeral_key(context_.get()));
        const auto chipKey = generalAuthenticate(false, 0x83, bytesOf(ephemeral.get()));
        chipEphemeralKey_ = dynamicValue(chipKey, 0x84);
        REQUIRE(PACE_STEP3B_compute_shared_secret(context_.get(),
                                                  buffer(chipEphemeralKey_).get()) == 1);
        REQUIRE(PACE_STEP3C_derive_keys(context_.get()) == 1);
        Buffer token(PACE_STEP3D_compute_authentication_token(context_.get(),
                                                              buffer(chipEphemeralKey_).get()));
        const auto answer = generalAuthenticate(true, 0x85, bytesOf(token.get()));
        REQUIRE(answer.sw() == 0x9000);
        REQUIRE(PACE_STEP3D_verify_authentication_token(
                    context_.get(), buffer(dynamicValue(answer, 0x86)).get()) == 1);
        REQUIRE(EAC_CTX_set_encryption_ctx(context_.get(), EAC_ID_PACE) == 1);
        return answer;
    }

    // A command under OpenPACE's secure messaging; the checked, decrypted answer.
    ResponseApdu protectedTransmit(std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
                                   ByteView data, std::size_t le) {
        REQUIRE(EAC_increment_ssc(context_.get()) == 1);
        const Bytes header{0x0C, ins, p1, p2};
        Bytes objects;
        if (!data.empty()) {
            Buffer padded(EAC_add_iso_pad(context_.get(), buffer(data).get()));
            Buffer cryptogram(EAC_encrypt(context_.get(), padded.get()));
            objects = asn1::encode(0x87, {Bytes{0x01}, bytesOf(cryptogram.get())});
        }
        if (le) append(objects, asn1::encode(0x97, Bytes{static_cast<std::uint8_t>(le)}));
        Bytes macInput =
            bytesOf(Buffer(EAC_add_iso_pad(context_.get(), buffer(header).get())).get());
        append(macInput, objects);
        if (!objects.empty()) {
            macInput =
                bytesOf(Buffer(EAC_add_iso_pad(context_.get(), buffer(macInput).get())).get());
        }
        Buffer mac(EAC_authenticate(context_.get(), buffer(macInput).get()));
        append(objects, asn1::encode(0x8E, bytesOf(mac.get())));
        const auto response = plain(CommandApdu(0x0C, ins, p1, p2, objects, 256));

        REQUIRE(EAC_increment_ssc(context_.get()) == 1);
        const auto elements = asn1::readAll(response.data());
        REQUIRE(elements.ok());
        REQUIRE(elements->size() >= 2);
        const auto& responseMac = elements->back();
        REQUIRE(responseMac.tag == 0x8E);
        Bytes authenticated;
        for (std::size_t i = 0; i + 1 < elements->size(); ++i)
            append(authenticated, (*elements)[i].encoded);
        Buffer paddedResponse(EAC_add_iso_pad(context_.get(), buffer(authenticated).get()));
        REQUIRE(EAC_verify_authentication(context_.get(), paddedResponse.get(),
                                          buffer(responseMac.value).get()) == 1);
        Bytes decrypted;
        if (const auto encrypted = asn1::find(*elements, 0x87)) {
            Buffer plainText(
                EAC_decrypt(context_.get(), buffer(encrypted->value.subspan(1)).get()));
            Buffer unpadded(EAC_remove_iso_pad(plainText.get()));
            decrypted = bytesOf(unpadded.get());
        }
        return ResponseApdu(decrypted, response.sw());
    }

    // READ BINARY of the selected file in pieces that fit short APDUs under SM.
    Bytes readSelectedFile() {
        Bytes content;
        for (;;) {
            const auto offset = static_cast<std::uint16_t>(content.size());
            const auto piece = protectedTransmit(0xB0, static_cast<std::uint8_t>(offset >> 8),
                                                 static_cast<std::uint8_t>(offset), {}, 223);
            REQUIRE((piece.sw() == 0x9000 || piece.sw() == 0x6282));
            append(content, piece.data());
            if (piece.data().size() < 223) return content;
        }
    }

    EAC_CTX* context() { return context_.get(); }
    // ID_PICC: Comp() of the chip's ephemeral PACE key.
    Bytes chipIdentifier() {
        Buffer compressed(EAC_Comp(context_.get(), EAC_ID_PACE, buffer(chipEphemeralKey_).get()));
        return bytesOf(compressed.get());
    }

private:
    ResponseApdu generalAuthenticate(bool last, asn1::Tag tag, ByteView value) {
        const Bytes data = asn1::encode(0x7C, tag ? asn1::encode(tag, value) : Bytes{});
        return plain(CommandApdu(last ? 0x00 : 0x10, 0x86, 0x00, 0x00, data, 256));
    }

    Card& card_;
    Context context_;
    Bytes chipEphemeralKey_;
};

std::unique_ptr<Card> connectFirstReader() {
    PcscBackend backend;
    REQUIRE(waitUntil(10s, [&] { return cardPresent(backend, kFirstReader); }));
    auto card = backend.connect(kFirstReader);
    INFO((card.ok() ? std::string() : card.error().detail));
    REQUIRE(card.ok());
    return std::move(*card);
}

}  // namespace

TEST_CASE("OpenPACE runs PACE, TA and CA against openausweis-sim through pcscd", "[openpace]") {
    auto pki = sim::TestPki::generate();
    REQUIRE(pki.ok());
    TemporaryDirectory directory;
    REQUIRE(pki->writeTo(directory.file("pki")).ok());
    CardProcess process({"--cvca", directory.file("pki/cvca.cvcert"), "--date", "260101"});
    auto card = connectFirstReader();
    OpenPaceTerminal terminal(*card);

    // PACE with the PIN; with a CHAT the chip names its CVCAs, the one given by --cvca first.
    const Bytes chat = asn1::encode(0x7F4C, {asn1::encode(0x06, hexBytes("04007F000703010202")),
                                             asn1::encode(0x53, sim::TestPki::terminalRights())});
    const auto paced = terminal.pace("123456", chat);
    CHECK(dynamicValue(paced, 0x87) == asciiBytes(pki->cvcaReference()));

    // Passive authentication by OpenPACE: EF.CardSecurity against the built-in test CSCA.
    REQUIRE(terminal.protectedTransmit(0xA4, 0x02, 0x0C, hexBytes("011D"), 0).sw() == 0x9000);
    const Bytes cardSecurity = terminal.readSelectedFile();
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(),
                                                                  X509_STORE_free);
    const std::string cscaPem = sim::TestPki::builtIn().cscaPem();
    std::unique_ptr<BIO, decltype(&BIO_free)> pem(
        BIO_new_mem_buf(cscaPem.data(), static_cast<int>(cscaPem.size())), BIO_free);
    std::unique_ptr<X509, decltype(&X509_free)> csca(
        PEM_read_bio_X509(pem.get(), nullptr, nullptr, nullptr), X509_free);
    REQUIRE(csca);
    REQUIRE(X509_STORE_add_cert(store.get(), csca.get()) == 1);
    trustedCscas = store.get();
    REQUIRE(EAC_CTX_set_csca_lookup(terminal.context(), lookupCsca) == 1);
    Buffer chipKey(CA_get_pubkey(terminal.context(), cardSecurity.data(), cardSecurity.size()));
    trustedCscas = nullptr;
    REQUIRE(chipKey);
    REQUIRE(CA_set_key(terminal.context(), nullptr, 0,
                       reinterpret_cast<const unsigned char*>(chipKey->data),
                       chipKey->length) == 1);

    // TA: OpenPACE checks the chain itself, then the card does (MSE:Set DST, PSO:Verify).
    // OpenPACE checks the chain itself from the CVCA down, then takes the terminal's key. (With
    // the private key in place during the import, OpenPACE 1.1.2 derives the certificates' keys
    // from it and fails, so the key comes afterwards.)
    REQUIRE(EAC_CTX_init_ta(terminal.context(), nullptr, 0, pki->cvcaCertificate().data(),
                            pki->cvcaCertificate().size()) == 1);
    for (const Bytes* certificate : {&pki->dvCertificate(), &pki->terminalCertificate()}) {
        REQUIRE(TA_STEP2_import_certificate(terminal.context(), certificate->data(),
                                            certificate->size()) == 1);
    }
    const SecureBytes terminalKey = pki->terminalKeyPkcs8();
    const unsigned char* keyCursor = terminalKey.bytes().data();
    EVP_PKEY* privateKey =
        d2i_AutoPrivateKey(nullptr, &keyCursor, static_cast<long>(terminalKey.size()));
    REQUIRE(privateKey != nullptr);
    EVP_PKEY_free(terminal.context()->ta_ctx->priv_key);
    terminal.context()->ta_ctx->priv_key = privateKey;  // freed with the context

    // The card checks the chain too: MSE:Set DST and PSO:Verify Certificate.
    const std::vector<std::pair<std::string, const Bytes*>> chain{
        {pki->cvcaReference(), &pki->dvCertificate()},
        {"DEOATESTDV" + pki->cvcaReference().substr(10), &pki->terminalCertificate()}};
    for (const auto& [authority, certificate] : chain) {
        REQUIRE(
            terminal
                .protectedTransmit(0x22, 0x81, 0xB6, asn1::encode(0x83, asciiBytes(authority)), 0)
                .sw() == 0x9000);
        const auto outer = asn1::readOne(*certificate);
        REQUIRE(terminal
                    .protectedTransmit(0x2A, 0x00, 0xBE,
                                       Bytes(outer->value.begin(), outer->value.end()), 0)
                    .sw() == 0x9000);
    }
    Buffer compressed(TA_STEP3_generate_ephemeral_key(terminal.context()));
    const Bytes compressedKey = bytesOf(compressed.get());
    const Bytes setAt = concat({asn1::encode(0x80, hexBytes("04007F00070202020203")),
                                asn1::encode(0x83, asciiBytes(pki->terminalReference())),
                                asn1::encode(0x91, compressedKey)});
    REQUIRE(terminal.protectedTransmit(0x22, 0x81, 0xA4, setAt, 0).sw() == 0x9000);
    // OpenPACE 1.1.2 drops leading zero bytes of r or s (TR-03111 wants them): such a signature
    // cannot be placed, so it asks for a new challenge and signs again.
    std::uint16_t authenticated = 0;
    for (int attempt = 0; attempt < 10 && authenticated != 0x9000; ++attempt) {
        const auto challenge = terminal.protectedTransmit(0x84, 0x00, 0x00, {}, 8);
        REQUIRE(challenge.sw() == 0x9000);
        REQUIRE(TA_STEP4_set_nonce(terminal.context(), buffer(challenge.data()).get()) == 1);
        Buffer signature(TA_STEP5_sign(terminal.context(), compressed.get(),
                                       buffer(terminal.chipIdentifier()).get(), nullptr));
        REQUIRE(signature);
        if (signature->length != 64) continue;
        authenticated =
            terminal.protectedTransmit(0x82, 0x00, 0x00, bytesOf(signature.get()), 0).sw();
        REQUIRE(authenticated == 0x9000);
    }
    REQUIRE(authenticated == 0x9000);

    // CA: OpenPACE's ephemeral key (whose Comp() TA signed); it checks the chip's token.
    REQUIRE(terminal
                .protectedTransmit(0x22, 0x41, 0xA4,
                                   asn1::encode(0x80, hexBytes("04007F00070202030202")), 0)
                .sw() == 0x9000);
    Buffer ephemeral(CA_STEP2_get_eph_pubkey(terminal.context()));
    const auto answer = terminal.protectedTransmit(
        0x86, 0x00, 0x00, asn1::encode(0x7C, asn1::encode(0x80, bytesOf(ephemeral.get()))), 256);
    REQUIRE(answer.sw() == 0x9000);
    REQUIRE(CA_STEP4_compute_shared_secret(terminal.context(), chipKey.get()) == 1);
    REQUIRE(CA_STEP6_derive_keys(terminal.context(), buffer(dynamicValue(answer, 0x81)).get(),
                                 buffer(dynamicValue(answer, 0x82)).get()) == 1);
    REQUIRE(EAC_CTX_set_encryption_ctx(terminal.context(), EAC_ID_CA) == 1);

    // DG4 under the CA keys.
    REQUIRE(terminal.protectedTransmit(0xA4, 0x04, 0x0C, hexBytes("E80704007F00070302"), 0).sw() ==
            0x9000);
    const auto givenNames = terminal.protectedTransmit(0xB0, 0x84, 0x00, {}, 256);
    CHECK(givenNames.sw() == 0x6282);
    CHECK(toHex(givenNames.data()) == "64070C05" + toHex(asciiBytes("ERIKA")));
}
