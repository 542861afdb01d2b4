// OpenPACE (libeac) plays the terminal against our VirtualCard: an independent implementation of
// PACE and secure messaging.
#include <eac/ca.h>
#include <eac/eac.h>
#include <eac/objects.h>
#include <eac/pace.h>
#include <eac/ta.h>
#include <openssl/buffer.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <memory>

#include "OpenPaceHandles.h"
#include "TestCertificates.h"
#include "asn1/Tlv.h"
#include "sim/card/VirtualCard.h"

using namespace oa;

namespace {

using namespace oa::test::openpace;

ResponseApdu transmit(VirtualCard& card, const CommandApdu& command) {
    auto response = ResponseApdu::parse(card.process(command.encode()));
    REQUIRE(response.ok());
    return *response;
}

// The value of the one data object in a 7C response.
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

ResponseApdu generalAuthenticate(VirtualCard& card, bool last, asn1::Tag tag, ByteView value) {
    const Bytes data = asn1::encode(0x7C, tag ? asn1::encode(tag, value) : Bytes{});
    return transmit(card, CommandApdu(last ? 0x00 : 0x10, 0x86, 0x00, 0x00, data, 256));
}

class OpenPaceTerminal {
public:
    explicit OpenPaceTerminal(VirtualCard& card) : card_(card), context_(EAC_CTX_new()) {
        EAC_init();
        const auto access = transmit(card_, CommandApdu(0x00, 0xB0, 0x9C, 0x00, {}, 256));
        REQUIRE(access.data().size() > 0);
        REQUIRE(EAC_CTX_init_ef_cardaccess(access.data().data(), access.data().size(),
                                           context_.get()) == 1);
        paceOid_ = paceOidFrom(access.data());
    }

    // Runs PACE; returns the status word of the failing step, or 9000.
    std::uint16_t pace(const char* secret, s_type type, std::uint8_t reference) {
        Secret password(PACE_SEC_new(secret, std::strlen(secret), type));
        const Bytes mse =
            concat({asn1::encode(0x80, paceOid_), asn1::encode(0x83, Bytes{reference})});
        const auto selected = transmit(card_, CommandApdu(0x00, 0x22, 0xC1, 0xA4, mse));
        if ((selected.sw() & 0xFFF0) != 0x63C0 && selected.sw() != 0x9000) return selected.sw();

        const auto nonce = generalAuthenticate(card_, false, 0, {});
        REQUIRE(PACE_STEP2_dec_nonce(context_.get(), password.get(),
                                     buffer(dynamicValue(nonce, 0x80)).get()) == 1);
        Buffer mapping(PACE_STEP3A_generate_mapping_data(context_.get()));
        const auto chipMapping = generalAuthenticate(card_, false, 0x81, bytesOf(mapping.get()));
        REQUIRE(PACE_STEP3A_map_generator(context_.get(),
                                          buffer(dynamicValue(chipMapping, 0x82)).get()) == 1);
        Buffer ephemeral(PACE_STEP3B_generate_ephemeral_key(context_.get()));
        const auto chipKey = generalAuthenticate(card_, false, 0x83, bytesOf(ephemeral.get()));
        const Buffer chipPublic = buffer(dynamicValue(chipKey, 0x84));
        chipEphemeralKey_ = bytesOf(chipPublic.get());
        REQUIRE(PACE_STEP3B_compute_shared_secret(context_.get(), chipPublic.get()) == 1);
        REQUIRE(PACE_STEP3C_derive_keys(context_.get()) == 1);
        Buffer token(PACE_STEP3D_compute_authentication_token(context_.get(), chipPublic.get()));
        const auto answer = generalAuthenticate(card_, true, 0x85, bytesOf(token.get()));
        if (!answer.isSuccess()) return answer.sw();
        REQUIRE(PACE_STEP3D_verify_authentication_token(
                    context_.get(), buffer(dynamicValue(answer, 0x86)).get()) == 1);
        REQUIRE(EAC_CTX_set_encryption_ctx(context_.get(), EAC_ID_PACE) == 1);
        return answer.sw();
    }

    // Sends a command with data under OpenPACE's secure messaging; returns the checked,
    // decrypted answer.
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
        // With neither data nor Le the padded header alone is authenticated (ICAO 9303-11).
        Bytes macInput =
            bytesOf(Buffer(EAC_add_iso_pad(context_.get(), buffer(header).get())).get());
        append(macInput, objects);
        if (!objects.empty()) {
            macInput =
                bytesOf(Buffer(EAC_add_iso_pad(context_.get(), buffer(macInput).get())).get());
        }
        Buffer mac(EAC_authenticate(context_.get(), buffer(macInput).get()));
        append(objects, asn1::encode(0x8E, bytesOf(mac.get())));
        const auto response = transmit(card_, CommandApdu(0x0C, ins, p1, p2, objects, 256));

        REQUIRE(EAC_increment_ssc(context_.get()) == 1);
        const auto elements = asn1::readAll(response.data());
        REQUIRE(elements.ok());
        REQUIRE(elements->size() >= 2);
        const auto& responseMac = elements->back();
        REQUIRE(responseMac.tag == 0x8E);
        Bytes authenticated;
        for (std::size_t i = 0; i + 1 < elements->size(); ++i) {
            append(authenticated, (*elements)[i].encoded);
        }
        Buffer paddedResponse(EAC_add_iso_pad(context_.get(), buffer(authenticated).get()));
        REQUIRE(EAC_verify_authentication(context_.get(), paddedResponse.get(),
                                          buffer(responseMac.value).get()) == 1);
        Bytes plain;
        if (const auto encrypted = asn1::find(*elements, 0x87)) {
            Buffer decrypted(
                EAC_decrypt(context_.get(), buffer(encrypted->value.subspan(1)).get()));
            Buffer unpadded(EAC_remove_iso_pad(decrypted.get()));
            plain = bytesOf(unpadded.get());
        }
        return ResponseApdu(plain, response.sw());
    }

    EAC_CTX* context() { return context_.get(); }
    // ID_PICC for TA: x of the chip's ephemeral PACE key.
    Bytes chipIdentifier() const {
        const std::size_t size = (chipEphemeralKey_.size() - 1) / 2;
        return Bytes(chipEphemeralKey_.begin() + 1,
                     chipEphemeralKey_.begin() + 1 + static_cast<std::ptrdiff_t>(size));
    }

private:
    static Bytes paceOidFrom(ByteView cardAccess) {
        const auto set = asn1::readOne(cardAccess);
        REQUIRE(set.ok());
        const auto infos = set->children();
        REQUIRE(infos.ok());
        for (const auto& info : *infos) {
            const auto parts = info.children();
            REQUIRE(parts.ok());
            const Bytes oid(parts->front().value.begin(), parts->front().value.end());
            if (oid.size() == 10 && oid[7] == 0x04) return oid;  // id-PACE-*
        }
        FAIL("no PACEInfo in EF.CardAccess");
        return {};
    }

    VirtualCard& card_;
    Context context_;
    Bytes paceOid_;
    Bytes chipEphemeralKey_;
};

}  // namespace

TEST_CASE("OpenPACE: PACE with the PIN and secure messaging against the virtual card") {
    const auto profileName =
        GENERATE(as<std::string>{}, "mustermann", "mustermann-p384", "mustermann-p512");
    CAPTURE(profileName);
    VirtualCard card(*sim::builtInProfile(profileName));
    OpenPaceTerminal terminal(card);
    REQUIRE(terminal.pace("123456", PACE_PIN, 0x03) == 0x9000);
    REQUIRE(card.secureMessagingActive());
    const auto selected =
        terminal.protectedTransmit(0xA4, 0x04, 0x0C, hexBytes("E80704007F00070302"), 0);
    CHECK(selected.sw() == 0x9000);
    const auto unknown = terminal.protectedTransmit(0xA4, 0x02, 0x0C, hexBytes("ABCD"), 0);
    CHECK(unknown.sw() == 0x6A82);
}

TEST_CASE("OpenPACE: PACE with the CAN and the PUK succeeds, a wrong PIN counts down") {
    VirtualCard card;
    CHECK(OpenPaceTerminal(card).pace("500540", PACE_CAN, 0x02) == 0x9000);
    CHECK(OpenPaceTerminal(card).pace("9876543210", PACE_PUK, 0x04) == 0x9000);
    CHECK(OpenPaceTerminal(card).pace("111111", PACE_PIN, 0x03) == 0x63C2);
    CHECK(card.pinState().retryCounter == 2);
    CHECK(OpenPaceTerminal(card).pace("123456", PACE_PIN, 0x03) == 0x9000);
    CHECK(card.pinState().retryCounter == 3);
}

TEST_CASE("OpenPACE: change PIN under secure messaging after PACE with the PIN") {
    VirtualCard card;
    OpenPaceTerminal terminal(card);
    REQUIRE(terminal.pace("123456", PACE_PIN, 0x03) == 0x9000);
    CHECK(terminal.protectedTransmit(0x2C, 0x02, 0x03, asciiBytes("654321"), 0).sw() == 0x9000);
    CHECK(OpenPaceTerminal(card).pace("123456", PACE_PIN, 0x03) == 0x63C2);
    CHECK(OpenPaceTerminal(card).pace("654321", PACE_PIN, 0x03) == 0x9000);
}

TEST_CASE("OpenPACE: a blocked PIN is unblocked with the PUK under secure messaging") {
    sim::CardProfile profile = sim::defaultProfile();
    profile.pinState.retryCounter = 0;
    VirtualCard card(std::move(profile));
    CHECK(OpenPaceTerminal(card).pace("123456", PACE_PIN, 0x03) == 0x6983);
    OpenPaceTerminal terminal(card);
    REQUIRE(terminal.pace("9876543210", PACE_PUK, 0x04) == 0x9000);
    CHECK(terminal.protectedTransmit(0x2C, 0x03, 0x03, {}, 0).sw() == 0x9000);
    CHECK(card.pinState().retryCounter == 3);
    CHECK(card.pinState().pukUsesLeft == 9);
}

TEST_CASE("OpenPACE: a suspended PIN needs the CAN first, in the same session") {
    sim::CardProfile profile = sim::defaultProfile();
    profile.pinState.retryCounter = 1;
    VirtualCard card(std::move(profile));
    CHECK(OpenPaceTerminal(card).pace("123456", PACE_PIN, 0x03) == 0x6985);
    CHECK(OpenPaceTerminal(card).pace("500540", PACE_CAN, 0x02) == 0x9000);
    CHECK(OpenPaceTerminal(card).pace("123456", PACE_PIN, 0x03) == 0x9000);
    CHECK(card.pinState().retryCounter == 3);
}

TEST_CASE("OpenPACE: the transport PIN opens PACE and is replaced by a 6-digit PIN") {
    VirtualCard card(*sim::builtInProfile("transport-pin"));
    OpenPaceTerminal terminal(card);
    REQUIRE(terminal.pace("12345", PACE_PIN, 0x03) == 0x9000);
    CHECK(terminal.protectedTransmit(0x2C, 0x02, 0x03, asciiBytes("123456"), 0).sw() == 0x9000);
    CHECK_FALSE(card.pinState().transportPin);
    CHECK(OpenPaceTerminal(card).pace("123456", PACE_PIN, 0x03) == 0x9000);
}

TEST_CASE("OpenPACE: a deactivated card says 6283 to MSE:Set AT with the PIN") {
    VirtualCard card(*sim::builtInProfile("deactivated"));
    const Bytes mse = hexBytes("800A04007F00070202040202830103");
    CHECK(transmit(card, CommandApdu(0x00, 0x22, 0xC1, 0xA4, mse)).sw() == 0x6283);
}

TEST_CASE("OpenPACE: every PIN change reaches the state listener") {
    VirtualCard card;
    std::vector<sim::PinState> seen;
    card.setStateListener(
        [&](const sim::PersistentCardState& state) { seen.push_back(state.pinState); });
    CHECK(OpenPaceTerminal(card).pace("111111", PACE_PIN, 0x03) == 0x63C2);
    REQUIRE(seen.size() == 1);
    CHECK(seen.back().retryCounter == 2);
    CHECK(OpenPaceTerminal(card).pace("123456", PACE_PIN, 0x03) == 0x9000);
    REQUIRE(seen.size() == 2);
    CHECK(seen.back().retryCounter == 3);
}

TEST_CASE("OpenPACE: chip authentication with OpenPACE's CA after TA, then reading a data group") {
    using oa::test::cvCertificate;
    using oa::test::TestKey;
    TestKey cvcaKey, dvKey, terminalKey;
    sim::CardProfile profile = sim::defaultProfile();
    profile.trustAnchors = {
        cvCertificate("DETESTCVCA00001", "DETESTCVCA00001", cvcaKey, cvcaKey, "FFFFFFFFFF", true)};
    profile.currentDate = "240601";
    VirtualCard card(std::move(profile));
    OpenPaceTerminal terminal(card);
    REQUIRE(terminal.pace("123456", PACE_PIN, 0x03) == 0x9000);

    const Bytes dv =
        cvCertificate("DETESTCVCA00001", "DETESTDV000001", dvKey, cvcaKey, "BFFFFFFFFF", false);
    const Bytes at =
        cvCertificate("DETESTDV000001", "DETESTTERM00001", terminalKey, dvKey, "000513FF87", false);
    for (const auto& [car, certificate] :
         {std::pair{"DETESTCVCA00001", &dv}, std::pair{"DETESTDV000001", &at}}) {
        REQUIRE(terminal.protectedTransmit(0x22, 0x81, 0xB6, asn1::encode(0x83, asciiBytes(car)), 0)
                    .isSuccess());
        const auto outer = asn1::readOne(*certificate);
        REQUIRE(terminal
                    .protectedTransmit(0x2A, 0x00, 0xBE,
                                       Bytes(outer->value.begin(), outer->value.end()), 0)
                    .isSuccess());
    }

    // OpenPACE makes the terminal's ephemeral CA key and later checks the chip's token.
    const Bytes chipKey = card.chipAuthenticationPublicKey();
    REQUIRE(CA_set_key(terminal.context(), nullptr, 0, chipKey.data(), chipKey.size()) == 1);
    // TA step 3 answers Comp(PK_PCD,CA) (the x coordinate); CA step 2 the whole point.
    Buffer compressedKey(TA_STEP3_generate_ephemeral_key(terminal.context()));
    const Bytes compressed = bytesOf(compressedKey.get());
    Buffer ephemeral(CA_STEP2_get_eph_pubkey(terminal.context()));
    const Bytes ephemeralKey = bytesOf(ephemeral.get());
    const Bytes setAt =
        concat({asn1::encode(0x80, hexBytes("04007F00070202020203")),
                asn1::encode(0x83, asciiBytes("DETESTTERM00001")), asn1::encode(0x91, compressed)});
    REQUIRE(terminal.protectedTransmit(0x22, 0x81, 0xA4, setAt, 0).isSuccess());
    const Bytes challenge = terminal.protectedTransmit(0x84, 0x00, 0x00, {}, 8).data();
    const Bytes signature =
        terminalKey.sign(concat({terminal.chipIdentifier(), challenge, compressed}));
    REQUIRE(terminal.protectedTransmit(0x82, 0x00, 0x00, signature, 0).isSuccess());

    REQUIRE(terminal
                .protectedTransmit(0x22, 0x41, 0xA4,
                                   asn1::encode(0x80, hexBytes("04007F00070202030202")), 0)
                .isSuccess());
    const auto answer = terminal.protectedTransmit(
        0x86, 0x00, 0x00, asn1::encode(0x7C, asn1::encode(0x80, ephemeralKey)), 256);
    REQUIRE(answer.isSuccess());
    REQUIRE(CA_STEP4_compute_shared_secret(terminal.context(), buffer(chipKey).get()) == 1);
    CHECK(CA_STEP6_derive_keys(terminal.context(), buffer(dynamicValue(answer, 0x81)).get(),
                               buffer(dynamicValue(answer, 0x82)).get()) == 1);
    REQUIRE(EAC_CTX_set_encryption_ctx(terminal.context(), EAC_ID_CA) == 1);

    REQUIRE(terminal.protectedTransmit(0xA4, 0x04, 0x0C, hexBytes("E80704007F00070302"), 0)
                .isSuccess());
    const auto givenNames = terminal.protectedTransmit(0xB0, 0x84, 0x00, {}, 256);
    CHECK(givenNames.sw() == 0x6282);
    CHECK(toHex(givenNames.data()) == "64070C05" + toHex(asciiBytes("ERIKA")));
}
