// OpenPACE (libeac) plays the chip: its card-side PACE steps and SM functions answer our
// PaceChannel and SecureMessagingCard in-process, as an independent implementation.
#include <catch2/catch.hpp>

#include <cstring>
#include <memory>
#include <optional>

#include <eac/eac.h>
#include <eac/pace.h>
#include <openssl/buffer.h>

#include "asn1/Tlv.h"
#include "crypto/Padding.h"
#include "eac/PaceChannel.h"
#include "eac/SecureMessagingCard.h"
#include "eac/SecurityInfos.h"

using namespace oa;
using namespace oa::eac;

namespace {

struct BufFree {
    void operator()(BUF_MEM* b) const { BUF_MEM_clear_free(b); }
};
using Buffer = std::unique_ptr<BUF_MEM, BufFree>;

Buffer toBuffer(ByteView bytes) {
    Buffer buffer(BUF_MEM_new());
    REQUIRE(buffer);
    REQUIRE(BUF_MEM_grow(buffer.get(), bytes.size()) == bytes.size());
    if (!bytes.empty()) std::memcpy(buffer->data, bytes.data(), bytes.size());
    return buffer;
}

Bytes fromBuffer(const BUF_MEM* buffer) {
    REQUIRE(buffer);
    const auto* data = reinterpret_cast<const std::uint8_t*>(buffer->data);
    return Bytes(data, data + buffer->length);
}

struct EacInit {
    EacInit() { EAC_init(); }
};

// The chip: accepts MSE:Set AT, the four PACE steps and then secure messaging, all computed by
// OpenPACE. Every plain command it receives under SM is remembered.
class OpenPaceCard : public Card {
public:
    OpenPaceCard(ByteView cardAccess, s_type passwordType, const char* password)
        : context_(EAC_CTX_new()),
          password_(PACE_SEC_new(password, std::strlen(password), passwordType)),
          passwordType_(passwordType) {
        static EacInit init;
        REQUIRE(context_);
        REQUIRE(password_);
        REQUIRE(EAC_CTX_init_ef_cardaccess(cardAccess.data(), cardAccess.size(), context_.get()) ==
                1);
    }

    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        if (secure_) return answerProtected(command);
        if (command.ins() == 0x22) return answerMse(command);
        if (command.ins() == 0x86) return answerGeneralAuthenticate(command);
        return ResponseApdu({}, 0x6D00);
    }
    const Bytes& atr() const override { return atr_; }
    std::string readerName() const override { return "OpenPACE"; }

    std::vector<CommandApdu> plainCommands;
    Bytes responseData = hexBytes("0102030405");

private:
    struct ContextFree {
        void operator()(EAC_CTX* c) const { EAC_CTX_clear_free(c); }
    };
    struct SecretFree {
        void operator()(PACE_SEC* s) const { PACE_SEC_clear_free(s); }
    };

    ResponseApdu answerMse(const CommandApdu& command) {
        auto objects = asn1::readAll(command.data());
        REQUIRE(objects);
        auto reference = asn1::find(*objects, 0x83);
        REQUIRE(reference);
        REQUIRE(reference->value.size() == 1);
        CHECK(reference->value[0] == static_cast<std::uint8_t>(passwordType_));
        return ResponseApdu({}, 0x9000);
    }

    ResponseApdu reply(std::uint8_t tag, const Bytes& value) {
        return ResponseApdu(asn1::encode(0x7C, asn1::encode(tag, value)), 0x9000);
    }

    ResponseApdu answerGeneralAuthenticate(const CommandApdu& command) {
        auto outer = asn1::readOne(command.data());
        REQUIRE(outer);
        REQUIRE(outer->tag == 0x7C);
        if (outer->value.empty()) {
            Buffer nonce(PACE_STEP1_enc_nonce(context_.get(), password_.get()));
            return reply(0x80, fromBuffer(nonce.get()));
        }
        auto inner = asn1::readOne(outer->value);
        REQUIRE(inner);
        Buffer in = toBuffer(inner->value);
        switch (inner->tag) {
            case 0x81: {
                Buffer mapping(PACE_STEP3A_generate_mapping_data(context_.get()));
                REQUIRE(PACE_STEP3A_map_generator(context_.get(), in.get()) == 1);
                return reply(0x82, fromBuffer(mapping.get()));
            }
            case 0x83: {
                Buffer ephemeral(PACE_STEP3B_generate_ephemeral_key(context_.get()));
                REQUIRE(PACE_STEP3B_compute_shared_secret(context_.get(), in.get()) == 1);
                REQUIRE(PACE_STEP3C_derive_keys(context_.get()) == 1);
                terminalKey_ = Bytes(inner->value.begin(), inner->value.end());
                return reply(0x84, fromBuffer(ephemeral.get()));
            }
            case 0x85: {
                if (PACE_STEP3D_verify_authentication_token(context_.get(), in.get()) != 1)
                    return ResponseApdu({}, 0x6300);
                Buffer terminal = toBuffer(terminalKey_);
                Buffer token(
                    PACE_STEP3D_compute_authentication_token(context_.get(), terminal.get()));
                REQUIRE(EAC_CTX_set_encryption_ctx(context_.get(), EAC_ID_PACE) == 1);
                secure_ = true;
                return reply(0x86, fromBuffer(token.get()));
            }
            default:
                return ResponseApdu({}, 0x6A80);
        }
    }

    Bytes pad(ByteView data) {
        Buffer in = toBuffer(data);
        Buffer padded(EAC_add_iso_pad(context_.get(), in.get()));
        return fromBuffer(padded.get());
    }

    ResponseApdu answerProtected(const CommandApdu& command) {
        REQUIRE(EAC_increment_ssc(context_.get()) == 1);
        auto objects = asn1::readAll(command.data());
        REQUIRE(objects);
        auto cryptogram = asn1::find(*objects, 0x87);
        auto le = asn1::find(*objects, 0x97);
        auto mac = asn1::find(*objects, 0x8E);
        REQUIRE(mac);
        Bytes macInput = pad(command.header());
        Bytes covered;
        if (cryptogram) append(covered, cryptogram->encoded);
        if (le) append(covered, le->encoded);
        if (!covered.empty()) append(macInput, pad(covered));
        Buffer macData = toBuffer(macInput), macValue = toBuffer(mac->value);
        if (EAC_verify_authentication(context_.get(), macData.get(), macValue.get()) != 1)
            return ResponseApdu({}, 0x6988);
        Bytes data;
        if (cryptogram) {
            REQUIRE(cryptogram->value[0] == 0x01);
            Buffer encrypted = toBuffer(cryptogram->value.subspan(1));
            Buffer decrypted(EAC_decrypt(context_.get(), encrypted.get()));
            Buffer plain(EAC_remove_iso_pad(decrypted.get()));
            data = fromBuffer(plain.get());
        }
        plainCommands.emplace_back(static_cast<std::uint8_t>(command.cla() & 0xF3), command.ins(),
                                   command.p1(), command.p2(), data);

        REQUIRE(EAC_increment_ssc(context_.get()) == 1);
        Bytes body;
        Buffer padded = toBuffer(pad(responseData));
        Buffer encrypted(EAC_encrypt(context_.get(), padded.get()));
        Bytes indicated{0x01};
        append(indicated, fromBuffer(encrypted.get()));
        append(body, asn1::encode(0x87, indicated));
        append(body, asn1::encode(0x99, hexBytes("9000")));
        Buffer toMac = toBuffer(pad(body));
        Buffer responseMac(EAC_authenticate(context_.get(), toMac.get()));
        append(body, asn1::encode(0x8E, fromBuffer(responseMac.get())));
        return ResponseApdu(body, 0x9000);
    }

    std::unique_ptr<EAC_CTX, ContextFree> context_;
    std::unique_ptr<PACE_SEC, SecretFree> password_;
    s_type passwordType_;
    bool secure_ = false;
    Bytes terminalKey_;
    Bytes atr_ = hexBytes("3B8A80018031B873840165B0850300EF1200F6829000");
};

Bytes cardAccess(const char* protocolHex, int parameterId) {
    const Bytes info =
        asn1::encode(0x30, {asn1::encode(0x06, hexBytes(protocolHex)), hexBytes("020102"),
                            asn1::encode(0x02, Bytes{static_cast<std::uint8_t>(parameterId)})});
    return asn1::encode(0x31, info);
}

void establishAndExchange(const char* protocolHex, int parameterId, s_type type,
                          PasswordType ourType, const char* password) {
    const Bytes access = cardAccess(protocolHex, parameterId);
    OpenPaceCard card(access, type, password);
    auto infos = SecurityInfos::parse(access);
    REQUIRE(infos);
    auto info = infos->choosePace();
    REQUIRE(info);
    PaceChannel pace(card, *info);
    PaceRequest request;
    request.passwordType = ourType;
    request.password = SecureBytes::fromAscii(password);
    auto result = pace.establish(request);
    INFO((result ? std::string() : result.error().detail));
    REQUIRE(result);

    SecureMessagingCard secure(card, std::make_unique<SecureMessaging>(std::move(result->keys)));
    const CommandApdu select(0x00, 0xA4, 0x02, 0x0C, hexBytes("011C"));
    auto response = secure.transmit(select);
    INFO((response ? std::string() : response.error().detail));
    REQUIRE(response);
    CHECK(response->isSuccess());
    CHECK(response->data() == card.responseData);
    REQUIRE(card.plainCommands.size() == 1);
    CHECK(card.plainCommands[0].encode() == select.encode());

    // A second command shows both counters stay in step.
    card.responseData = Bytes(300, 0x5A);
    auto second =
        secure.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, {}, CommandApdu::kExtendedMaxLe));
    REQUIRE(second);
    CHECK(second->data() == card.responseData);
}

}  // namespace

TEST_CASE("PACE with PIN against OpenPACE on brainpoolP256r1, then SM", "[interop][openpace]") {
    establishAndExchange("04007F00070202040202", 13, PACE_PIN, PasswordType::Pin, "123456");
}

TEST_CASE("PACE with CAN against OpenPACE on brainpoolP256r1, then SM", "[interop][openpace]") {
    establishAndExchange("04007F00070202040202", 13, PACE_CAN, PasswordType::Can, "500540");
}

TEST_CASE("PACE with CAN against OpenPACE on NIST P-384 with AES-256", "[interop][openpace]") {
    establishAndExchange("04007F00070202040204", 15, PACE_CAN, PasswordType::Can, "500540");
}

TEST_CASE("PACE with PIN against OpenPACE on brainpoolP512r1 with AES-192", "[interop][openpace]") {
    establishAndExchange("04007F00070202040203", 17, PACE_PIN, PasswordType::Pin, "123456");
}

TEST_CASE("PACE with PUK against OpenPACE on NIST P-256 with 3DES", "[interop][openpace]") {
    establishAndExchange("04007F00070202040201", 12, PACE_PUK, PasswordType::Puk, "9876543210");
}

TEST_CASE("PACE DH-GM with CAN against OpenPACE on the RFC 5114 2048-bit group",
          "[interop][openpace]") {
    establishAndExchange("04007F00070202040102", 2, PACE_CAN, PasswordType::Can, "500540");
}

TEST_CASE("Chained extended-length commands pass SM to OpenPACE one APDU at a time",
          "[interop][openpace]") {
    const Bytes access = cardAccess("04007F00070202040202", 13);
    OpenPaceCard card(access, PACE_CAN, "500540");
    PaceChannel pace(card, *SecurityInfos::parse(access)->choosePace());
    PaceRequest request;
    request.passwordType = PasswordType::Can;
    request.password = SecureBytes::fromAscii("500540");
    auto result = pace.establish(request);
    REQUIRE(result);
    SecureMessagingCard secure(card, std::make_unique<SecureMessaging>(std::move(result->keys)));

    const CommandApdu first(0x10, 0x2A, 0x00, 0xBE, Bytes(300, 0x11));
    const CommandApdu last(0x00, 0x2A, 0x00, 0xBE, Bytes(20, 0x22));
    REQUIRE(secure.transmit(first));
    REQUIRE(secure.transmit(last));
    REQUIRE(card.plainCommands.size() == 2);
    CHECK(card.plainCommands[0].cla() == 0x10);
    CHECK(card.plainCommands[0].data() == first.data());
    CHECK(card.plainCommands[1].cla() == 0x00);
    CHECK(card.plainCommands[1].data() == last.data());
}

TEST_CASE("PACE with a wrong PIN is refused by OpenPACE", "[interop][openpace]") {
    const Bytes access = cardAccess("04007F00070202040202", 13);
    OpenPaceCard card(access, PACE_PIN, "123456");
    PaceChannel pace(card, *SecurityInfos::parse(access)->choosePace());
    PaceRequest request;
    request.password = SecureBytes::fromAscii("654321");
    auto result = pace.establish(request);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::AuthenticationFailed);
}
