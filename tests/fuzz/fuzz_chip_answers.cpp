// A chip's answers to the terminal-side protocol steps (src/eac): PACE, Chip Authentication and
// Restricted Identification run against a card that answers the n-th command with the n-th record
// of the input. The first byte picks the protocol (0 PACE with the BSI worked example's keys and
// PIN, 1 CA with the worked example's terminal key, 2 RI); the rest are records of a two-byte
// big-endian length and a response APDU (data || SW1 SW2). With the worked example's answers as
// seeds the fuzzer reaches the token checks and what follows them. Whatever succeeds must be what
// the protocols allow: CVCAs that are certificate references, 32-byte pseudonyms.
#include <cstdlib>
#include <deque>

#include "asn1/Tlv.h"
#include "eac/CertificateReference.h"
#include "eac/ChipAuthentication.h"
#include "eac/PaceChannel.h"
#include "eac/RestrictedIdentification.h"
#include "eac/SecurityInfos.h"

using namespace oa;

namespace {

class RecordedCard : public Card {
public:
    explicit RecordedCard(ByteView records) : rest_(records) {}

    Result<ResponseApdu> transmit(const CommandApdu&) override {
        if (rest_.size() < 2) return makeError(ErrorCode::CardRemoved, "no more answers", "");
        const std::size_t length = std::size_t{rest_[0]} << 8 | rest_[1];
        if (rest_.size() - 2 < length) return makeError(ErrorCode::CardRemoved, "cut off", "");
        const ByteView answer = rest_.subspan(2, length);
        rest_ = rest_.subspan(2 + length);
        return ResponseApdu::parse(answer);
    }
    const Bytes& atr() const override { return atr_; }
    std::string readerName() const override { return "fuzz"; }

private:
    ByteView rest_;
    Bytes atr_ = hexBytes("3B8880010000000000000000");
};

const char* kChipStaticKey =
    "04A44EBE5451DF7AADB01E459B8C928A87746A57927C8C28A6775C97A7E1FE8D9A46FF4A1CC7E4D1389AEA19758E4"
    "F75C28C598FD734AEBEB135337CF95BE12E94";

void pace(RecordedCard& card) {
    auto info = eac::decodePaceProtocol(hexBytes("04007F00070202040202"));
    if (!info) std::abort();
    info->version = 2;
    info->parameterId = 13;
    eac::PaceChannel channel(card, *info);
    std::deque<SecureBytes> keys;
    keys.emplace_back(hexBytes("752287F5B02DE3C4BC3E17945118C51B23C97278E4CD748048AC56BA5BDC3D46"));
    keys.emplace_back(
        hexBytes("009D9A32DF93A57CCE33CA3CDD3457E33A976F293546C73550F397259C93BE0120"));
    channel.useTerminalKeysForTesting(std::move(keys));
    eac::PaceRequest request;
    request.passwordType = eac::PasswordType::Pin;
    request.password = SecureBytes::fromAscii("123456");
    auto result = channel.establish(request);
    if (!result) return;
    for (const auto* car : {&result->currentCar, &result->previousCar})
        if (*car && !(*car)->empty() && eac::certificateReferenceProblem(**car)) std::abort();
    if (result->idPicc.size() != 32) std::abort();
}

void chipAuthentication(RecordedCard& card) {
    eac::ChipAuthenticationInfo info;
    info.protocol = hexBytes("04007F00070202030202");
    info.version = 2;
    info.keyId = 1;
    auto parameters = eac::DomainParameters::standardized(13);
    if (!parameters) std::abort();
    eac::ChipAuthentication ca(card, info, std::move(*parameters));
    if (!ca.prepareEphemeralKey(SecureBytes(
            hexBytes("00A6A4D255C5BF7A77EC3D0553DB74F693CF044E18C98364D4977A296108AF19BD"))))
        std::abort();
    auto keys = ca.authenticate(hexBytes(kChipStaticKey));
    if (keys && (keys->encryption.size() != 16 || keys->mac.size() != 16)) std::abort();
}

void restrictedIdentification(RecordedCard& card) {
    eac::RestrictedIdentificationInfo info;
    info.protocol = hexBytes("04007F00070202050203");
    info.keyId = 1;
    const Bytes sectorKey = asn1::encode(
        0x7F49, {asn1::encode(0x06, info.protocol), asn1::encode(0x86, hexBytes(kChipStaticKey))});
    auto identifier = eac::RestrictedIdentification(card, info).sectorIdentifier(sectorKey);
    if (identifier && identifier->size() != 32) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    RecordedCard card(ByteView(data + 1, size - 1));
    switch (data[0]) {
        case 0:
            pace(card);
            break;
        case 1:
            chipAuthentication(card);
            break;
        case 2:
            restrictedIdentification(card);
            break;
        default:
            break;
    }
    return 0;
}
