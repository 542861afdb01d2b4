#include "eac/Oid.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace oa::eac {
namespace {

Error malformedOid(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "Malformed object identifier", std::move(detail));
}

void appendBase128(Bytes& out, std::uint64_t value) {
    Bytes groups{static_cast<std::uint8_t>(value & 0x7F)};
    for (value >>= 7; value != 0; value >>= 7)
        groups.insert(groups.begin(), static_cast<std::uint8_t>(0x80 | (value & 0x7F)));
    append(out, groups);
}

std::vector<std::uint64_t> parseDotted(std::string_view dotted) {
    std::vector<std::uint64_t> arcs;
    while (!dotted.empty()) {
        const auto dot = dotted.find('.');
        const auto part = dotted.substr(0, dot);
        std::uint64_t arc = 0;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), arc);
        if (ec != std::errc{} || end != part.data() + part.size() || part.empty()) std::abort();
        arcs.push_back(arc);
        dotted = dot == std::string_view::npos ? std::string_view{} : dotted.substr(dot + 1);
    }
    if (arcs.size() < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40)) std::abort();
    return arcs;
}

}  // namespace

Result<Oid> Oid::fromDer(ByteView content) {
    if (content.empty()) return malformedOid("OID: empty");
    if ((content.back() & 0x80) != 0) return malformedOid("OID: last component unterminated");
    bool componentStart = true;
    for (const auto byte : content) {
        if (componentStart && byte == 0x80) return malformedOid("OID: component not minimal");
        componentStart = (byte & 0x80) == 0;
    }
    return Oid(Bytes(content.begin(), content.end()));
}

Oid Oid::fromDotted(std::string_view dotted) {
    const auto arcs = parseDotted(dotted);
    Bytes der;
    appendBase128(der, arcs[0] * 40 + arcs[1]);
    for (std::size_t i = 2; i < arcs.size(); ++i)
        appendBase128(der, arcs[i]);
    return Oid(std::move(der));
}

std::string Oid::toString() const {
    std::string text;
    std::uint64_t value = 0;
    bool first = true;
    for (const auto byte : der_) {
        if (value > (UINT64_MAX >> 7)) return "<oversized OID>";
        value = value << 7 | (byte & 0x7F);
        if ((byte & 0x80) != 0) continue;
        if (first) {
            const std::uint64_t top = value < 80 ? value / 40 : 2;
            text = std::to_string(top) + "." + std::to_string(value - top * 40);
            first = false;
        } else {
            text += "." + std::to_string(value);
        }
        value = 0;
    }
    return text;
}

bool Oid::isUnder(const Oid& arc) const {
    return der_.size() >= arc.der_.size() &&
           std::equal(arc.der_.begin(), arc.der_.end(), der_.begin());
}

namespace oid {

const Oid taRsa = Oid::fromDotted("0.4.0.127.0.7.2.2.2.1");
const Oid taRsaV15Sha1 = Oid::fromDotted("0.4.0.127.0.7.2.2.2.1.1");
const Oid taRsaV15Sha256 = Oid::fromDotted("0.4.0.127.0.7.2.2.2.1.2");
const Oid taRsaPssSha1 = Oid::fromDotted("0.4.0.127.0.7.2.2.2.1.3");
const Oid taRsaPssSha256 = Oid::fromDotted("0.4.0.127.0.7.2.2.2.1.4");
const Oid taRsaV15Sha512 = Oid::fromDotted("0.4.0.127.0.7.2.2.2.1.5");
const Oid taRsaPssSha512 = Oid::fromDotted("0.4.0.127.0.7.2.2.2.1.6");
const Oid taEcdsa = Oid::fromDotted("0.4.0.127.0.7.2.2.2.2");
const Oid taEcdsaSha1 = Oid::fromDotted("0.4.0.127.0.7.2.2.2.2.1");
const Oid taEcdsaSha224 = Oid::fromDotted("0.4.0.127.0.7.2.2.2.2.2");
const Oid taEcdsaSha256 = Oid::fromDotted("0.4.0.127.0.7.2.2.2.2.3");
const Oid taEcdsaSha384 = Oid::fromDotted("0.4.0.127.0.7.2.2.2.2.4");
const Oid taEcdsaSha512 = Oid::fromDotted("0.4.0.127.0.7.2.2.2.2.5");

const Oid inspectionSystem = Oid::fromDotted("0.4.0.127.0.7.3.1.2.1");
const Oid authenticationTerminal = Oid::fromDotted("0.4.0.127.0.7.3.1.2.2");
const Oid signatureTerminal = Oid::fromDotted("0.4.0.127.0.7.3.1.2.3");

const Oid description = Oid::fromDotted("0.4.0.127.0.7.3.1.3.1");
const Oid plainFormat = Oid::fromDotted("0.4.0.127.0.7.3.1.3.1.1");
const Oid htmlFormat = Oid::fromDotted("0.4.0.127.0.7.3.1.3.1.2");
const Oid pdfFormat = Oid::fromDotted("0.4.0.127.0.7.3.1.3.1.3");
const Oid sectorRi = Oid::fromDotted("0.4.0.127.0.7.3.1.3.2");
const Oid sectorPs = Oid::fromDotted("0.4.0.127.0.7.3.1.3.3");

}  // namespace oid
}  // namespace oa::eac
