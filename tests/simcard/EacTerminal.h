#pragma once
// The terminal side of TA and CA against the virtual card, written for the tests from the
// TR-03110 APDU sequence, after the worked example's PACE (no CHAT).
#include <catch2/catch.hpp>
#include <vector>

#include "TerminalChannel.h"
#include "asn1/Tlv.h"
#include "sim/card/CardCvCertificate.h"
#include "sim/card/ChipCrypto.h"
#include "sim/card/EfCardAccess.h"
#include "sim/card/VirtualCard.h"
#include "sim/pki/EcKey.h"

namespace oa::test {

inline const Bytes kWorkedExampleChipIdentifier =
    hexBytes("282CF38073036AFAC216AF135BD994DA0C357F10BD4C34AFEA1042B2EB0FD680");

inline Bytes dynamicData(const ResponseApdu& response, asn1::Tag tag) {
    const auto outer = asn1::readOne(response.data());
    REQUIRE(outer.ok());
    const auto inner = outer->children();
    REQUIRE(inner.ok());
    const auto element = asn1::find(*inner, tag);
    REQUIRE(element);
    return Bytes(element->value.begin(), element->value.end());
}

// MSE:Set DST and PSO:Verify Certificate for each certificate (7F21) below the trust anchor;
// the first refusal, or 9000.
inline std::uint16_t importChain(VirtualCard& card, TerminalChannel& channel,
                                 const std::vector<Bytes>& chain) {
    for (const Bytes& certificate : chain) {
        const auto parsed = sim::parseCardCvCertificate(certificate);
        REQUIRE(parsed);
        const auto selected = channel.transmit(
            card, CommandApdu(0x00, 0x22, 0x81, 0xB6,
                              asn1::encode(0x83, asciiBytes(parsed->authorityReference))));
        if (!selected.isSuccess()) return selected.sw();
        const auto outer = asn1::readOne(certificate);
        const auto verified = channel.transmit(
            card,
            CommandApdu(0x00, 0x2A, 0x00, 0xBE, Bytes(outer->value.begin(), outer->value.end())));
        if (!verified.isSuccess()) return verified.sw();
    }
    return 0x9000;
}

struct EphemeralKey {
    Bytes secret, point;
};

// MSE:Set AT, GET CHALLENGE, EXTERNAL AUTHENTICATE signed with `key`; the SW of the last step.
inline std::uint16_t authenticateTerminal(VirtualCard& card, TerminalChannel& channel,
                                          const std::string& holderReference, const sim::EcKey& key,
                                          const EphemeralKey& ephemeral) {
    const auto curve = *sim::chip::EcCurve::standardized(13);
    const Bytes compressed = curve.xCoordinate(ephemeral.point);
    const Bytes setAt =
        concat({asn1::encode(0x80, hexBytes("04007F00070202020203")),
                asn1::encode(0x83, asciiBytes(holderReference)), asn1::encode(0x91, compressed)});
    const auto selected = channel.transmit(card, CommandApdu(0x00, 0x22, 0x81, 0xA4, setAt));
    if (!selected.isSuccess()) return selected.sw();
    const Bytes challenge =
        channel.transmit(card, CommandApdu(0x00, 0x84, 0x00, 0x00, {}, 8)).data();
    const auto signature =
        key.signPlain(concat({kWorkedExampleChipIdentifier, challenge, compressed}));
    REQUIRE(signature.ok());
    return channel.transmit(card, CommandApdu(0x00, 0x82, 0x00, 0x00, *signature)).sw();
}

// CA v2 with the ephemeral key named in TA; checks the chip's token and returns the channel
// under CA's keys.
inline TerminalChannel authenticateChip(VirtualCard& card, TerminalChannel& channel,
                                        const EphemeralKey& ephemeral) {
    const auto curve = *sim::chip::EcCurve::standardized(13);
    REQUIRE(channel
                .transmit(card, CommandApdu(0x00, 0x22, 0x41, 0xA4,
                                            asn1::encode(0x80, hexBytes("04007F00070202030202"))))
                .isSuccess());
    const auto answer = channel.transmit(
        card, CommandApdu(0x00, 0x86, 0x00, 0x00,
                          asn1::encode(0x7C, asn1::encode(0x80, ephemeral.point)), 256));
    REQUIRE(answer.isSuccess());
    const Bytes nonce = dynamicData(answer, 0x81);
    const Bytes shared =
        curve.xCoordinate(*curve.multiply(card.chipAuthenticationPublicKey(), ephemeral.secret));
    const SecureBytes encryption = sim::chip::deriveKey(shared, nonce, 1, 128);
    const SecureBytes mac = sim::chip::deriveKey(shared, nonce, 2, 128);
    const Bytes token = sim::chip::cmac8(
        mac.bytes(), sim::publicKeyDataObject(hexBytes("04007F00070202030202"), ephemeral.point));
    CHECK(dynamicData(answer, 0x82) == token);  // the chip is genuine
    return TerminalChannel(Bytes(encryption.bytes().begin(), encryption.bytes().end()),
                           Bytes(mac.bytes().begin(), mac.bytes().end()));
}

inline EphemeralKey newEphemeralKey() {
    const auto curve = *sim::chip::EcCurve::standardized(13);
    EphemeralKey key{curve.randomScalar(), {}};
    key.point = *curve.multiply(curve.generator(), key.secret);
    return key;
}

// PACE (worked example), TA with `chain` (DV and terminal certificate) and `terminalKey`, CA.
inline TerminalChannel authenticate(VirtualCard& card, const std::vector<Bytes>& chain,
                                    const sim::EcKey& terminalKey) {
    workedExamplePace(card);
    card.setEacTestHooks(std::nullopt);
    TerminalChannel pace = paceChannel();
    REQUIRE(importChain(card, pace, chain) == 0x9000);
    const auto terminal = sim::parseCardCvCertificate(chain.back());
    REQUIRE(terminal);
    const EphemeralKey ephemeral = newEphemeralKey();
    REQUIRE(authenticateTerminal(card, pace, terminal->holderReference, terminalKey, ephemeral) ==
            0x9000);
    return authenticateChip(card, pace, ephemeral);
}

inline const CommandApdu kSelectEidApplication(0x00, 0xA4, 0x04, 0x0C,
                                               hexBytes("E80704007F00070302"));

inline ResponseApdu readDataGroup(TerminalChannel& channel, VirtualCard& card, int number) {
    return channel.transmit(
        card, CommandApdu(0x00, 0xB0, static_cast<std::uint8_t>(0x80 | number), 0x00, {}, 256));
}

}  // namespace oa::test
