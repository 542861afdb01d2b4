#include "OpenPaceTerminal.h"

#include <eac/eac.h>
#include <eac/pace.h>
#include <openssl/buffer.h>

#include <cstring>
#include <memory>

#include "OpenPaceHandles.h"
#include "asn1/Tlv.h"

namespace oa::bench {
namespace {

using namespace oa::test::openpace;

Error openPaceFailed(const char* step) {
    return makeError(ErrorCode::CardError, "OpenPACE terminal failed", step);
}

Result<ResponseApdu> transmit(MeteredCard& card, const CommandApdu& command) {
    return ResponseApdu::parse(card.process(command.encode()));
}

// General Authenticate with one dynamic authentication data object; returns the value of the
// answer's object `answerTag`.
Result<Bytes> generalAuthenticate(MeteredCard& card, bool last, asn1::Tag tag, ByteView value,
                                  asn1::Tag answerTag) {
    const Bytes data = asn1::encode(0x7C, tag ? asn1::encode(tag, value) : Bytes{});
    auto response = transmit(card, CommandApdu(last ? 0x00 : 0x10, 0x86, 0x00, 0x00, data, 256));
    if (!response) return response.error();
    if (!response->isSuccess()) return openPaceFailed("General Authenticate refused");
    const auto outer = asn1::readOne(response->data());
    if (!outer) return openPaceFailed("General Authenticate answer");
    const auto inner = outer->children();
    if (!inner) return openPaceFailed("General Authenticate answer");
    const auto element = asn1::find(*inner, answerTag);
    if (!element) return openPaceFailed("General Authenticate answer");
    return Bytes(element->value.begin(), element->value.end());
}

// The PACEInfo OID from EF.CardAccess (OpenPACE parses the file itself but does not hand it out).
Result<Bytes> paceOid(ByteView cardAccess) {
    const auto set = asn1::readOne(cardAccess);
    if (!set) return openPaceFailed("EF.CardAccess");
    const auto infos = set->children();
    if (!infos) return openPaceFailed("EF.CardAccess");
    for (const auto& info : *infos) {
        const auto parts = info.children();
        if (!parts || parts->empty()) continue;
        const Bytes oid(parts->front().value.begin(), parts->front().value.end());
        if (oid.size() == 10 && oid[7] == 0x04) return oid;  // id-PACE-*
    }
    return openPaceFailed("no PACEInfo");
}

}  // namespace

Result<void> runOpenPacePace(MeteredCard& card) {
    EAC_init();
    auto access = transmit(card, CommandApdu(0x00, 0xB0, 0x9C, 0x00, {}, 256));
    if (!access || (!access->isSuccess() && access->sw() != 0x6282))
        return openPaceFailed("EF.CardAccess");
    Context context(EAC_CTX_new());
    if (EAC_CTX_init_ef_cardaccess(access->data().data(), access->data().size(), context.get()) !=
        1) {
        return openPaceFailed("EAC_CTX_init_ef_cardaccess");
    }
    auto oid = paceOid(access->data());
    if (!oid) return oid.error();
    const char* pin = "123456";
    Secret password(PACE_SEC_new(pin, std::strlen(pin), PACE_PIN));
    auto selected = transmit(
        card, CommandApdu(0x00, 0x22, 0xC1, 0xA4,
                          concat({asn1::encode(0x80, *oid), asn1::encode(0x83, Bytes{0x03})})));
    if (!selected || !selected->isSuccess()) return openPaceFailed("MSE:Set AT");

    auto nonce = generalAuthenticate(card, false, 0, {}, 0x80);
    if (!nonce) return nonce.error();
    if (PACE_STEP2_dec_nonce(context.get(), password.get(), buffer(*nonce).get()) != 1)
        return openPaceFailed("PACE_STEP2_dec_nonce");
    Buffer mapping(PACE_STEP3A_generate_mapping_data(context.get()));
    auto chipMapping = generalAuthenticate(card, false, 0x81, bytesOf(mapping.get()), 0x82);
    if (!chipMapping) return chipMapping.error();
    if (PACE_STEP3A_map_generator(context.get(), buffer(*chipMapping).get()) != 1)
        return openPaceFailed("PACE_STEP3A_map_generator");
    Buffer ephemeral(PACE_STEP3B_generate_ephemeral_key(context.get()));
    auto chipKey = generalAuthenticate(card, false, 0x83, bytesOf(ephemeral.get()), 0x84);
    if (!chipKey) return chipKey.error();
    const Buffer chipPublic = buffer(*chipKey);
    if (PACE_STEP3B_compute_shared_secret(context.get(), chipPublic.get()) != 1 ||
        PACE_STEP3C_derive_keys(context.get()) != 1) {
        return openPaceFailed("PACE_STEP3B/3C");
    }
    Buffer token(PACE_STEP3D_compute_authentication_token(context.get(), chipPublic.get()));
    auto chipToken = generalAuthenticate(card, true, 0x85, bytesOf(token.get()), 0x86);
    if (!chipToken) return chipToken.error();
    if (PACE_STEP3D_verify_authentication_token(context.get(), buffer(*chipToken).get()) != 1 ||
        EAC_CTX_set_encryption_ctx(context.get(), EAC_ID_PACE) != 1) {
        return openPaceFailed("PACE_STEP3D_verify_authentication_token");
    }
    return {};
}

}  // namespace oa::bench
