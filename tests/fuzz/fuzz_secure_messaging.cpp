// Protected response APDUs into our secure messaging (src/eac/SecureMessaging) under fixed AES
// session keys, after one protected command (the response is checked at SSC 2). The first input
// byte picks how the rest is used:
//   0: the rest is the response APDU as it came from the card (data || SW1 SW2);
//   1: SW1 SW2, a mask byte, a position byte, then plain response data: the virtual card's own
//      secure messaging (src/sim/card, an independent implementation) wraps it, the mask is XORed
//      into one byte of the wrapped answer; unmasked it must open to exactly the plain response,
//      masked it must be refused;
//   2: SW1 SW2, then data objects that get a correct DO'8E' MAC appended, so the parsing and
//      decryption behind the MAC check are reached.
#include <cstdlib>
#include <memory>

#include "asn1/Tlv.h"
#include "crypto/Mac.h"
#include "crypto/Padding.h"
#include "eac/SecureMessaging.h"
#include "sim/card/CardSecureMessaging.h"

using namespace oa;

namespace {

const Bytes kEncryptionKey = hexBytes("68406B4162100563D9C901A6154D2901");
const Bytes kMacKey = hexBytes("73FF268784F72AF833FDC9464049AFC9");
const CommandApdu kReadBinary(0x00, 0xB0, 0x81, 0x00, {}, 256);

std::unique_ptr<eac::SecureMessaging> terminal() {
    return std::make_unique<eac::SecureMessaging>(eac::SessionKeys{
        crypto::BlockCipher::Aes128, SecureBytes(kEncryptionKey), SecureBytes(kMacKey)});
}

std::unique_ptr<eac::SecureMessaging> terminalAfterOneCommand() {
    auto messaging = terminal();
    if (!messaging->protect(kReadBinary)) std::abort();
    return messaging;
}

Result<ResponseApdu> unprotect(ByteView encoded) {
    auto response = ResponseApdu::parse(encoded);
    if (!response) return response.error();
    return terminalAfterOneCommand()->unprotect(*response);
}

void rawResponse(ByteView input) {
    (void)unprotect(input);
}

void wrappedByTheCard(ByteView input) {
    if (input.size() < 4) return;
    const auto sw = static_cast<std::uint16_t>(input[0] << 8 | input[1]);
    const std::uint8_t mask = input[2];
    const std::uint8_t position = input[3];
    const ResponseApdu plain(Bytes(input.begin() + 4, input.end()), sw);

    sim::CardSecureMessaging card{SecureBytes(kEncryptionKey), SecureBytes(kMacKey)};
    auto messaging = terminal();
    auto command = messaging->protect(kReadBinary);
    if (!command || !card.unwrap(*command)) std::abort();  // both sides at SSC 1 now
    Bytes wrapped = card.wrap(plain).encode();
    wrapped[position % wrapped.size()] ^= mask;

    auto response = ResponseApdu::parse(wrapped);
    if (!response) std::abort();  // at least the SW is always there
    auto opened = messaging->unprotect(*response);
    if (mask == 0) {
        if (!opened || opened->data() != plain.data() || opened->sw() != plain.sw()) std::abort();
    } else if (opened) {
        std::abort();  // a changed byte got through
    }
}

void behindACorrectMac(ByteView input) {
    if (input.size() < 2) return;
    const ByteView objects = input.subspan(2);
    Bytes macInput(16, 0);
    macInput.back() = 2;  // SSC of the response
    append(macInput, crypto::padIso9797(objects, 16));
    auto mac = crypto::aesCmac(kMacKey, macInput);
    if (!mac) std::abort();
    mac->resize(8);
    Bytes encoded(objects.begin(), objects.end());
    append(encoded, asn1::encode(0x8E, *mac));
    append(encoded, Bytes{input[0], input[1]});
    auto opened = unprotect(encoded);
    if (opened && opened->sw() != static_cast<std::uint16_t>(input[0] << 8 | input[1]))
        std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0 || size > 4096) return 0;
    const ByteView input(data + 1, size - 1);
    switch (data[0] % 3) {
        case 0:
            rawResponse(input);
            break;
        case 1:
            wrappedByTheCard(input);
            break;
        default:
            behindACorrectMac(input);
            break;
    }
    return 0;
}
