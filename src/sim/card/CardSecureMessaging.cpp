#include "sim/card/CardSecureMessaging.h"

#include "asn1/Tlv.h"
#include "crypto/Padding.h"
#include "sim/card/ChipCrypto.h"

namespace oa::sim {
namespace {

constexpr std::size_t kBlockSize = 16;
constexpr std::size_t kMacSize = 8;
constexpr std::uint8_t kPaddingContentIndicator = 0x01;
constexpr std::uint8_t kSecureMessagingBits = 0x0C;

Bytes twoBytes(std::uint16_t value) {
    return {static_cast<std::uint8_t>(value >> 8), static_cast<std::uint8_t>(value)};
}

std::size_t decodeLe(ByteView value) {
    if (value.size() == 1) return value[0] == 0 ? 256 : value[0];
    const std::size_t le = std::size_t{value[0]} << 8 | value[1];
    return le == 0 ? 65536 : le;
}

// The data objects of a protected command, in the order ISO 7816-4 puts them.
struct ProtectedBody {
    std::optional<asn1::Tlv> cryptogram;      // 87 (even INS) or 85 (odd INS)
    std::optional<asn1::Tlv> expectedLength;  // 97
    asn1::Tlv mac;                            // 8E
};

Refusable<ProtectedBody> splitBody(ByteView data) {
    const auto elements = asn1::readAll(data);
    if (!elements) return StatusWord::SmDataObjectsIncorrect;
    if (elements->empty() || elements->back().tag != 0x8E) return StatusWord::SmDataObjectsMissing;
    ProtectedBody body{std::nullopt, std::nullopt, elements->back()};
    std::size_t next = 0;
    if (next < elements->size() - 1 &&
        ((*elements)[next].tag == 0x87 || (*elements)[next].tag == 0x85)) {
        body.cryptogram = (*elements)[next++];
    }
    if (next < elements->size() - 1 && (*elements)[next].tag == 0x97) {
        body.expectedLength = (*elements)[next++];
    }
    if (next != elements->size() - 1) return StatusWord::SmDataObjectsIncorrect;
    if (body.mac.value.size() != kMacSize) return StatusWord::SmDataObjectsIncorrect;
    if (body.expectedLength && body.expectedLength->value.size() != 1 &&
        body.expectedLength->value.size() != 2) {
        return StatusWord::SmDataObjectsIncorrect;
    }
    return body;
}

}  // namespace

Bytes padIso9797(ByteView data) {
    return crypto::padIso9797(data, kBlockSize);
}

std::optional<Bytes> unpadIso9797(ByteView data) {
    auto plain = crypto::unpadIso9797(data, kBlockSize);
    if (!plain) return std::nullopt;
    return std::move(plain).value();
}

CardSecureMessaging::CardSecureMessaging(SecureBytes encryptionKey, SecureBytes macKey)
    : encryptionKey_(std::move(encryptionKey)), macKey_(std::move(macKey)) {}

void CardSecureMessaging::incrementCounter() {
    for (auto it = ssc_.rbegin(); it != ssc_.rend(); ++it) {
        if (++*it != 0) break;
    }
}

Refusable<CommandApdu> CardSecureMessaging::unwrap(const CommandApdu& command) {
    incrementCounter();
    if (!isProtected(command)) return StatusWord::SmDataObjectsMissing;
    const auto body = splitBody(command.data());
    if (!body) return body.refusal();

    Bytes macInput = padIso9797(command.header());
    if (body->cryptogram) append(macInput, body->cryptogram->encoded);
    if (body->expectedLength) append(macInput, body->expectedLength->encoded);
    // With neither data nor Le the padded header is the whole input (ICAO 9303-11 style).
    if (body->cryptogram || body->expectedLength) macInput = padIso9797(macInput);
    if (!constantTimeEqual(mac(macInput), body->mac.value))
        return StatusWord::SmDataObjectsIncorrect;

    Bytes data;
    if (body->cryptogram) {
        ByteView cryptogram = body->cryptogram->value;
        if (body->cryptogram->tag == 0x87) {
            if (cryptogram.empty() || cryptogram[0] != kPaddingContentIndicator) {
                return StatusWord::SmDataObjectsIncorrect;
            }
            cryptogram = cryptogram.subspan(1);
        }
        auto plain = decrypt(cryptogram);
        if (!plain) return plain.refusal();
        data = std::move(*plain);
    }
    const std::size_t le = body->expectedLength ? decodeLe(body->expectedLength->value) : 0;
    const auto cla = static_cast<std::uint8_t>(command.cla() & ~kSecureMessagingBits);
    return CommandApdu(cla, command.ins(), command.p1(), command.p2(), std::move(data), le);
}

ResponseApdu CardSecureMessaging::wrap(const ResponseApdu& plain) {
    incrementCounter();
    Bytes objects;
    if (!plain.data().empty()) {
        append(objects, asn1::encode(0x87, {Bytes{kPaddingContentIndicator},
                                            encrypt(padIso9797(plain.data()))}));
    }
    append(objects, asn1::encode(0x99, twoBytes(plain.sw())));
    append(objects, asn1::encode(0x8E, mac(padIso9797(objects))));
    return ResponseApdu(std::move(objects), plain.sw());
}

Bytes CardSecureMessaging::mac(ByteView data) const {
    return chip::cmac8(macKey_.bytes(), concat({ssc_, data}));
}

// The IV is the encrypted send sequence counter (TR-03110-3 F.2).
Bytes CardSecureMessaging::encrypt(ByteView plain) const {
    const Bytes iv = chip::aesEncryptBlock(encryptionKey_.bytes(), ssc_);
    return chip::aesCbcEncrypt(encryptionKey_.bytes(), iv, plain);
}

Refusable<Bytes> CardSecureMessaging::decrypt(ByteView cryptogram) const {
    const Bytes iv = chip::aesEncryptBlock(encryptionKey_.bytes(), ssc_);
    auto padded = chip::aesCbcDecrypt(encryptionKey_.bytes(), iv, cryptogram);
    if (!padded) return StatusWord::SmDataObjectsIncorrect;
    auto plain = unpadIso9797(*padded);
    wipe(*padded);
    if (!plain) return StatusWord::SmDataObjectsIncorrect;
    return std::move(*plain);
}

}  // namespace oa::sim
