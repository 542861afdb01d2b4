#include "eac/SecureMessaging.h"

#include "asn1/Tlv.h"
#include "base/SecureBytes.h"
#include "crypto/BlockCipher.h"
#include "crypto/Mac.h"
#include "crypto/Padding.h"

namespace oa::eac {
namespace {

using crypto::BlockCipher;

Error broken(std::string detail) {
    return makeError(ErrorCode::SecureMessaging,
                     "The secure connection to the ID card was interrupted", std::move(detail));
}

// The only ISO 7816-4 rule for setting the SM bits that nPA class bytes need: b4 b3 = 11.
std::uint8_t protectedClass(std::uint8_t cla) {
    return static_cast<std::uint8_t>((cla & 0xF3) | 0x0C);
}

Bytes encodeLe(std::size_t le, bool extended) {
    if (extended) {
        const std::size_t v = le == CommandApdu::kExtendedMaxLe ? 0 : le;
        return {static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)};
    }
    return {static_cast<std::uint8_t>(le == CommandApdu::kShortMaxLe ? 0 : le)};
}

}  // namespace

SecureMessaging::SecureMessaging(SessionKeys keys) : SecureMessaging(std::move(keys), Bytes()) {
    ssc_.assign(crypto::blockSize(keys_.cipher), 0);
}

SecureMessaging::SecureMessaging(SessionKeys keys, Bytes initialSsc)
    : keys_(std::move(keys)), ssc_(std::move(initialSsc)) {}

SecureMessaging::~SecureMessaging() {
    wipeKeys();
}

void SecureMessaging::wipeKeys() {
    keys_.encryption.clear();
    keys_.mac.clear();
    wipe(ssc_);
    ssc_.clear();
}

void SecureMessaging::incrementSsc() {
    for (auto it = ssc_.rbegin(); it != ssc_.rend(); ++it)
        if (++*it != 0) break;
}

Result<Bytes> SecureMessaging::iv() {
    // AES: IV = E(KS_enc, SSC) (TR-03110 Part 3 F.2.2); 3DES: zero IV (ICAO 9303-11 9.8.6.1).
    if (keys_.cipher == BlockCipher::Tdes) return Bytes(8, 0);
    return crypto::encryptEcb(keys_.cipher, keys_.encryption.bytes(), ssc_);
}

Result<Bytes> SecureMessaging::encrypt(ByteView data) {
    auto vector = iv();
    if (!vector) return vector.error();
    // The plain data may be a new PIN (RESET RETRY COUNTER): wipe our padded copy.
    Bytes padded = crypto::padIso9797(data, crypto::blockSize(keys_.cipher));
    auto cryptogram = crypto::encryptCbc(keys_.cipher, keys_.encryption.bytes(), *vector, padded);
    wipe(padded);
    return cryptogram;
}

Result<Bytes> SecureMessaging::decrypt(ByteView cryptogram) {
    auto vector = iv();
    if (!vector) return vector.error();
    auto padded = crypto::decryptCbc(keys_.cipher, keys_.encryption.bytes(), *vector, cryptogram);
    if (!padded) return broken("cannot decrypt response: " + padded.error().detail);
    auto plain = crypto::unpadIso9797(*padded, crypto::blockSize(keys_.cipher));
    wipe(*padded);
    if (!plain) return broken("response padding: " + plain.error().detail);
    return plain;
}

// `data` is already padded: the MAC runs over SSC || data without further padding.
Result<Bytes> SecureMessaging::mac(ByteView data) {
    const Bytes input = concat({ssc_, data});
    if (keys_.cipher == BlockCipher::Tdes) return crypto::retailMac(keys_.mac.bytes(), input);
    auto full = crypto::aesCmac(keys_.mac.bytes(), input);
    if (!full) return full;
    full->resize(8);
    return full;
}

Result<CommandApdu> SecureMessaging::protect(const CommandApdu& plain) {
    if (keys_.mac.empty()) return broken("secure messaging keys are gone");
    incrementSsc();
    const std::size_t block = crypto::blockSize(keys_.cipher);
    const std::uint8_t cla = protectedClass(plain.cla());
    const bool extended = plain.isExtended();

    Bytes objects;
    if (!plain.data().empty()) {
        auto cryptogram = encrypt(plain.data());
        if (!cryptogram) return cryptogram.error();
        // Odd INS carry BER-TLV data and take DO'85' without the padding-content indicator.
        if (plain.ins() & 1) {
            append(objects, asn1::encode(0x85, *cryptogram));
        } else {
            Bytes indicated{0x01};
            append(indicated, *cryptogram);
            append(objects, asn1::encode(0x87, indicated));
        }
    }
    if (plain.le() != CommandApdu::kNoLe)
        append(objects, asn1::encode(0x97, encodeLe(plain.le(), extended)));

    // With neither data nor Le the MAC input is the padded header alone (no second padding
    // block), as conforming cards compute it.
    Bytes macInput = crypto::padIso9797(Bytes{cla, plain.ins(), plain.p1(), plain.p2()}, block);
    if (!objects.empty()) append(macInput, crypto::padIso9797(objects, block));
    auto checksum = mac(macInput);
    if (!checksum) return checksum.error();
    append(objects, asn1::encode(0x8E, *checksum));

    CommandApdu result(cla, plain.ins(), plain.p1(), plain.p2(), std::move(objects),
                       extended ? CommandApdu::kExtendedMaxLe : CommandApdu::kShortMaxLe);
    if (extended) result.forceExtended();
    return result;
}

Result<ResponseApdu> SecureMessaging::unprotect(const ResponseApdu& response) {
    if (keys_.mac.empty()) return broken("secure messaging keys are gone");
    incrementSsc();
    if (response.data().empty()) return broken("unprotected response " + describe(response.sw()));
    auto objects = asn1::readAll(response.data());
    if (!objects) return broken("response objects: " + objects.error().detail);

    std::optional<asn1::Tlv> cryptogram, status, checksum;
    for (const auto& object : *objects) {
        if ((object.tag == 0x87 || object.tag == 0x85) && !cryptogram && !status && !checksum)
            cryptogram = object;
        else if (object.tag == 0x99 && !status && !checksum)
            status = object;
        else if (object.tag == 0x8E && !checksum)
            checksum = object;
        else
            return broken("unexpected or misplaced response object");
    }
    if (!status || !checksum) return broken("response lacks DO'99' or DO'8E'");
    if (status->value.size() != 2 || checksum->value.size() != 8)
        return broken("malformed DO'99' or DO'8E'");

    Bytes macInput;
    if (cryptogram) append(macInput, cryptogram->encoded);
    append(macInput, status->encoded);
    auto expected = mac(crypto::padIso9797(macInput, crypto::blockSize(keys_.cipher)));
    if (!expected) return expected.error();
    if (!constantTimeEqual(*expected, checksum->value))
        return broken("response MAC does not verify");

    const std::uint16_t sw = static_cast<std::uint16_t>((status->value[0] << 8) | status->value[1]);
    if (sw != response.sw()) return broken("DO'99' status differs from the response status");
    Bytes data;
    if (cryptogram) {
        ByteView encrypted = cryptogram->value;
        if (cryptogram->tag == 0x87) {
            if (encrypted.empty() || encrypted[0] != 0x01)
                return broken("unknown padding-content indicator");
            encrypted = encrypted.subspan(1);
        }
        auto plain = decrypt(encrypted);
        if (!plain) return plain.error();
        data = std::move(*plain);
    }
    return ResponseApdu(std::move(data), sw);
}

}  // namespace oa::eac
