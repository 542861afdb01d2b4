#include "sim/card/MseSetAt.h"

#include "asn1/Tlv.h"

namespace oa::sim {

Refusable<MseSetAt> parseMseSetAt(ByteView data) {
    if (data.empty()) return StatusWord::WrongLength;
    const auto elements = asn1::readAll(data);
    if (!elements) return StatusWord::WrongData;
    MseSetAt mse;
    bool haveProtocol = false;
    for (const auto& element : *elements) {
        const Bytes value(element.value.begin(), element.value.end());
        const Bytes whole(element.encoded.begin(), element.encoded.end());
        const auto setOnce = [&](std::optional<Bytes>& field, const Bytes& content) {
            if (field) return false;
            field = content;
            return true;
        };
        bool fresh = true;
        switch (element.tag) {
            case 0x80:
                fresh = !haveProtocol;
                haveProtocol = true;
                mse.protocol = value;
                break;
            case 0x83:
                fresh = setOnce(mse.reference, value);
                break;
            case 0x84:
                fresh = setOnce(mse.privateKeyId, value);
                break;
            case 0x67:
                fresh = setOnce(mse.auxiliaryData, whole);
                break;
            case 0x91:
                fresh = setOnce(mse.ephemeralKey, value);
                break;
            case 0x7F4C:
                fresh = setOnce(mse.chat, whole);
                break;
            default:
                return StatusWord::WrongData;
        }
        if (!fresh) return StatusWord::WrongData;
    }
    if (!haveProtocol) return StatusWord::WrongData;
    return mse;
}

std::optional<Password> pacePassword(const MseSetAt& mse) {
    if (!mse.reference || mse.reference->size() != 1) return std::nullopt;
    switch ((*mse.reference)[0]) {
        case 0x01:
            return Password::Mrz;
        case 0x02:
            return Password::Can;
        case 0x03:
            return Password::Pin;
        case 0x04:
            return Password::Puk;
        default:
            return std::nullopt;
    }
}

}  // namespace oa::sim
