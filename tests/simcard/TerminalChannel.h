#pragma once
// Test helpers: the terminal's end of secure messaging, and PACE of the BSI worked example with
// the chip's keys fixed, so every later step has known session keys.
#include <catch2/catch.hpp>

#include "asn1/Tlv.h"
#include "sim/card/CardSecureMessaging.h"
#include "sim/card/ChipCrypto.h"
#include "sim/card/VirtualCard.h"

namespace oa::test {

// The terminal's end of AES secure messaging, for driving the card in tests.
class TerminalChannel {
public:
    TerminalChannel(Bytes encryption, Bytes mac) : encryption_(encryption), mac_(mac) {}

    Bytes protect(const CommandApdu& plain) {
        increment();
        const Bytes header{static_cast<std::uint8_t>(plain.cla() | 0x0C), plain.ins(), plain.p1(),
                           plain.p2()};
        Bytes objects;
        if (!plain.data().empty()) {
            const Bytes iv = sim::chip::aesEncryptBlock(encryption_, ssc_);
            objects = asn1::encode(
                0x87, {Bytes{0x01},
                       sim::chip::aesCbcEncrypt(encryption_, iv, sim::padIso9797(plain.data()))});
        }
        if (plain.le()) {
            append(objects, asn1::encode(0x97, Bytes{static_cast<std::uint8_t>(plain.le())}));
        }
        Bytes macInput = concat({sim::padIso9797(header), objects});
        if (!objects.empty()) macInput = sim::padIso9797(macInput);
        append(objects, asn1::encode(0x8E, sim::chip::cmac8(mac_, concat({ssc_, macInput}))));
        return CommandApdu(header[0], plain.ins(), plain.p1(), plain.p2(), objects, 256).encode();
    }

    ResponseApdu unprotect(ByteView encoded) {
        increment();
        const auto response = ResponseApdu::parse(encoded);
        REQUIRE(response.ok());
        const auto elements = asn1::readAll(response->data());
        REQUIRE(elements.ok());
        REQUIRE(elements->size() >= 2);
        Bytes covered;
        for (std::size_t i = 0; i + 1 < elements->size(); ++i) {
            append(covered, (*elements)[i].encoded);
        }
        const Bytes expected = sim::chip::cmac8(mac_, concat({ssc_, sim::padIso9797(covered)}));
        CHECK(toHex(expected) == toHex(elements->back().value));
        Bytes data;
        if (const auto cryptogram = asn1::find(*elements, 0x87)) {
            const Bytes iv = sim::chip::aesEncryptBlock(encryption_, ssc_);
            data = *sim::unpadIso9797(
                *sim::chip::aesCbcDecrypt(encryption_, iv, cryptogram->value.subspan(1)));
        }
        return ResponseApdu(data, response->sw());
    }

    ResponseApdu transmit(VirtualCard& card, const CommandApdu& plain) {
        return unprotect(card.process(protect(plain)));
    }

private:
    void increment() {
        for (auto it = ssc_.rbegin(); it != ssc_.rend(); ++it) {
            if (++*it != 0) break;
        }
    }

    Bytes encryption_, mac_;
    Bytes ssc_ = Bytes(16, 0);
};

// PACE of the worked example, reproduced by the card with the example's chip keys; optionally
// with a CHAT (authentication terminal, all rights) in MSE:Set AT, which the tokens do not cover.
inline void workedExamplePace(VirtualCard& card, bool withChat = false) {
    card.setPaceTestHooks(sim::PaceTestHooks{
        hexBytes("7D98C00FC6C9E9543BBF94A87073A123"),
        hexBytes("19C428715663DE745D1824B855D2B967890C99D68ED5FEEE9DCDF8D7BBA289D2"),
        hexBytes("15872C56908C144002177994CFAAEDD5467CE150853C44535051FF24183039D8")});
    const char* commands[] = {
        "0022C1A412800A04007F0007020204020283010384010D", "10860000027C0000",
        "10860000457C438141043DD29BBE5907FD21A152ADA4895FAAE7ACC55F5E50EFBFDE5AB0C6EB54F198D6159136"
        "35F0FDF5BEB383E00355F82D3C41ED0DF2E28363433DFB73856A15DC9F00",
        "10860000457C43834104518BC4E532AD2A9BD6527804D5D665ABD51041037A0CC8AA922804EB501C222B342738"
        "8599AFAAE9FBACE2DF93E13C3C4979CD12F0AE3E3C012602839155458200",
        "008600000C7C0A8508A27AE7B36573C1D900"};
    if (withChat) {
        commands[0] =
            "0022C1A427800A04007F0007020204020283010384010D7F4C12060904007F00070301020253053F3FFFFF"
            "37";
    }
    for (const char* command : commands) {
        const Bytes response = card.process(hexBytes(command));
        REQUIRE(toHex(ByteView(response).last(2)) == "9000");
    }
    card.setEacTestHooks(
        VirtualCard::EacTestHooks{hexBytes("547E4EAB03B235D2"), hexBytes("4287B3072A3EDC60")});
}

inline TerminalChannel paceChannel() {
    return TerminalChannel(hexBytes("68406B4162100563D9C901A6154D2901"),
                           hexBytes("73FF268784F72AF833FDC9464049AFC9"));
}

}  // namespace oa::test
