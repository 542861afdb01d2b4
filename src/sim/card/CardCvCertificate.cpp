#include "sim/card/CardCvCertificate.h"

#include <algorithm>

#include "asn1/Tlv.h"

namespace oa::sim {
namespace {

const Bytes kTerminalSectorOid = hexBytes("04007F000703010302");  // id-sector-ri

Bytes bytes(ByteView view) {
    return Bytes(view.begin(), view.end());
}

// Dates are six unpacked BCD digits, one per byte (TR-03110-3 D.2.1.3).
std::optional<std::string> date(ByteView value) {
    if (value.size() != 6) return std::nullopt;
    std::string text;
    for (const auto digit : value) {
        if (digit > 9) return std::nullopt;
        text.push_back(static_cast<char>('0' + digit));
    }
    return text;
}

bool readPublicKey(const asn1::Tlv& key, CardCvCertificate& certificate) {
    const auto parts = key.children();
    if (!parts || parts->empty() || parts->front().tag != 0x06) return false;
    certificate.publicKeyOid = bytes(parts->front().value);
    for (const auto& part : *parts) {
        switch (part.tag) {
            case 0x81:
                certificate.prime = bytes(part.value);
                break;
            case 0x82:
                certificate.a = bytes(part.value);
                break;
            case 0x83:
                certificate.b = bytes(part.value);
                break;
            case 0x84:
                certificate.generator = bytes(part.value);
                break;
            case 0x85:
                certificate.order = bytes(part.value);
                break;
            case 0x86:
                certificate.point = bytes(part.value);
                break;
            case 0x87:
                certificate.cofactor = bytes(part.value);
                break;
            default:
                break;
        }
    }
    return !certificate.point.empty();
}

bool readChat(const asn1::Tlv& chat, CardCvCertificate& certificate) {
    const auto parts = chat.children();
    if (!parts || parts->size() != 2 || parts->front().tag != 0x06) return false;
    certificate.terminalType = bytes(parts->front().value);
    const auto rights = asn1::find(*parts, 0x53);
    if (!rights || rights->value.empty() || rights->value.size() > 5) return false;
    certificate.rights = bytes(rights->value);
    certificate.role = rights->value[0] >> 6;
    return true;
}

// Extensions (65): each a 73 template starting with its OID. Only the terminal sector matters
// to the chip; others (the description hash) are checked by the terminal's user.
bool readExtensions(const asn1::Tlv& extensions, CardCvCertificate& certificate) {
    const auto templates = extensions.children();
    if (!templates) return false;
    for (const auto& extension : *templates) {
        const auto parts = extension.children();
        if (extension.tag != 0x73 || !parts || parts->empty() || parts->front().tag != 0x06) {
            return false;
        }
        if (bytes(parts->front().value) != kTerminalSectorOid) continue;
        if (const auto first = asn1::find(*parts, 0x80)) {
            certificate.firstSectorKeyHash = bytes(first->value);
        }
        if (const auto second = asn1::find(*parts, 0x81)) {
            certificate.secondSectorKeyHash = bytes(second->value);
        }
    }
    return true;
}

Refusable<CardCvCertificate> parseBody(const asn1::Tlv& body, const asn1::Tlv& signature) {
    CardCvCertificate certificate;
    certificate.body = bytes(body.encoded);
    certificate.signature = bytes(signature.value);
    const auto fields = body.children();
    if (!fields) return StatusWord::WrongData;
    const auto car = asn1::find(*fields, 0x42);
    const auto key = asn1::find(*fields, 0x7F49);
    const auto chr = asn1::find(*fields, 0x5F20);
    const auto chat = asn1::find(*fields, 0x7F4C);
    const auto effective = asn1::find(*fields, 0x5F25);
    const auto expiration = asn1::find(*fields, 0x5F24);
    if (!car || !key || !chr || !chat || !effective || !expiration) return StatusWord::WrongData;
    certificate.authorityReference.assign(car->value.begin(), car->value.end());
    certificate.holderReference.assign(chr->value.begin(), chr->value.end());
    const auto from = date(effective->value);
    const auto until = date(expiration->value);
    if (!from || !until || !readPublicKey(*key, certificate) || !readChat(*chat, certificate)) {
        return StatusWord::WrongData;
    }
    const auto extensions = asn1::find(*fields, 0x65);
    if (extensions && !readExtensions(*extensions, certificate)) return StatusWord::WrongData;
    certificate.effectiveDate = *from;
    certificate.expirationDate = *until;
    return certificate;
}

}  // namespace

Bytes authenticationTerminalOid() {
    return hexBytes("04007F000703010202");
}

bool CardCvCertificate::isAuthenticationTerminal() const {
    return terminalType == authenticationTerminalOid();
}

Refusable<CardCvCertificate> parseCardCvCertificate(ByteView encoded) {
    auto elements = asn1::readAll(encoded);
    if (!elements) return StatusWord::WrongData;
    if (elements->size() == 1 && elements->front().tag == 0x7F21) {
        elements = elements->front().children();
        if (!elements) return StatusWord::WrongData;
    }
    if (elements->size() != 2 || (*elements)[0].tag != 0x7F4E || (*elements)[1].tag != 0x5F37) {
        return StatusWord::WrongData;
    }
    return parseBody((*elements)[0], (*elements)[1]);
}

}  // namespace oa::sim
