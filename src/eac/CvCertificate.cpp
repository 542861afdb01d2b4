#include "eac/CvCertificate.h"

#include <array>
#include <chrono>
#include <cstdio>

#include "asn1/Tlv.h"
#include "eac/CertificateReference.h"

namespace oa::eac {
namespace {

namespace tag {
constexpr asn1::Tag certificate = 0x7F21;
constexpr asn1::Tag body = 0x7F4E;
constexpr asn1::Tag signature = 0x5F37;
constexpr asn1::Tag profile = 0x5F29;
constexpr asn1::Tag authorityReference = 0x42;
constexpr asn1::Tag publicKey = 0x7F49;
constexpr asn1::Tag holderReference = 0x5F20;
constexpr asn1::Tag chat = 0x7F4C;
constexpr asn1::Tag effectiveDate = 0x5F25;
constexpr asn1::Tag expirationDate = 0x5F24;
constexpr asn1::Tag extensions = 0x65;
constexpr asn1::Tag extension = 0x73;
constexpr asn1::Tag oid = 0x06;
constexpr asn1::Tag firstHash = 0x80;
}  // namespace tag

Error malformedCertificate(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "A certificate of the service is malformed",
                     std::move(detail));
}

Result<std::string> parseReference(ByteView value, const char* what) {
    if (auto problem = certificateReferenceProblem(value))
        return malformedCertificate(std::string(what) + ": " + *problem);
    return std::string(value.begin(), value.end());
}

bool isKnownScheme(const Oid& scheme) {
    static const std::array known = {
        &oid::taRsaV15Sha1,   &oid::taRsaV15Sha256, &oid::taRsaPssSha1, &oid::taRsaPssSha256,
        &oid::taRsaV15Sha512, &oid::taRsaPssSha512, &oid::taEcdsaSha1,  &oid::taEcdsaSha224,
        &oid::taEcdsaSha256,  &oid::taEcdsaSha384,  &oid::taEcdsaSha512};
    for (const auto* candidate : known)
        if (*candidate == scheme) return true;
    return false;
}

// ECDSA key elements 81..87 in tag order (TR-03110-3 D.3.3).
constexpr Bytes CvPublicKey::*kEcdsaFields[] = {
    &CvPublicKey::prime, &CvPublicKey::a,     &CvPublicKey::b,       &CvPublicKey::generator,
    &CvPublicKey::order, &CvPublicKey::point, &CvPublicKey::cofactor};

Result<void> checkEcdsaKey(const CvPublicKey& key) {
    if (key.point.empty()) return malformedCertificate("7F49: ECDSA key without point (86)");
    std::size_t parameters = 0;
    for (const auto field : kEcdsaFields)
        parameters += (key.*field).empty() || field == &CvPublicKey::point ? 0 : 1;
    if (parameters != 0 && parameters != 6)
        return malformedCertificate("7F49: incomplete domain parameters");
    return {};
}

Result<CvPublicKey> parsePublicKey(ByteView value) {
    auto elements = asn1::readAll(value);
    if (!elements) return malformedCertificate(elements.error().detail);
    if (elements->empty() || elements->front().tag != tag::oid)
        return malformedCertificate("7F49: no algorithm identifier");
    CvPublicKey key;
    auto scheme = Oid::fromDer(elements->front().value);
    if (!scheme) return malformedCertificate(scheme.error().detail);
    if (!isKnownScheme(*scheme))
        return makeError(ErrorCode::Unsupported,
                         "A certificate of the service uses an unknown algorithm",
                         "7F49: unknown scheme " + scheme->toString());
    key.oid = *scheme;
    asn1::Tag previous = 0x80;
    for (std::size_t i = 1; i < elements->size(); ++i) {
        const auto& element = (*elements)[i];
        if (element.tag <= previous || element.tag > 0x87 || element.value.empty())
            return malformedCertificate("7F49: elements out of order, repeated or empty");
        previous = element.tag;
        if (key.isRsa()) {
            if (element.tag > 0x82) return malformedCertificate("7F49: unexpected RSA element");
            (element.tag == 0x81 ? key.modulus : key.exponent)
                .assign(element.value.begin(), element.value.end());
        } else {
            (key.*kEcdsaFields[element.tag - 0x81])
                .assign(element.value.begin(), element.value.end());
        }
    }
    if (key.isRsa() && (key.modulus.empty() || key.exponent.empty()))
        return malformedCertificate("7F49: RSA key needs modulus and exponent");
    if (key.isEcdsa()) {
        if (auto checked = checkEcdsaKey(key); !checked) return checked.error();
    }
    return key;
}

Result<std::vector<Bytes>> parseHashes(const std::vector<asn1::Tlv>& elements) {
    std::vector<Bytes> hashes;
    for (std::size_t i = 1; i < elements.size(); ++i) {
        if (elements[i].tag != tag::firstHash + i - 1 || elements[i].value.empty())
            return malformedCertificate("65: hashes must be 80, 81, ... in order");
        hashes.emplace_back(elements[i].value.begin(), elements[i].value.end());
    }
    return hashes;
}

Result<CertificateExtension> parseExtension(const asn1::Tlv& element) {
    if (element.tag != tag::extension) return malformedCertificate("65: expected 73 templates");
    auto elements = element.children();
    if (!elements) return malformedCertificate(elements.error().detail);
    if (elements->empty() || elements->front().tag != tag::oid)
        return malformedCertificate("73: no extension identifier");
    auto id = Oid::fromDer(elements->front().value);
    if (!id) return malformedCertificate(id.error().detail);
    CertificateExtension extension{*id, {}};
    const bool known = *id == oid::description || *id == oid::sectorRi || *id == oid::sectorPs;
    // Unknown extensions are not for us; their contents are only required to be well-formed TLV.
    if (!known) return extension;
    auto hashes = parseHashes(*elements);
    if (!hashes) return hashes.error();
    const std::size_t maxHashes = *id == oid::description ? 1 : 2;
    if (hashes->empty() || hashes->size() > maxHashes)
        return malformedCertificate("73: wrong number of hashes for " + id->toString());
    extension.hashes = std::move(*hashes);
    return extension;
}

Result<std::vector<CertificateExtension>> parseExtensions(ByteView value) {
    auto elements = asn1::readAll(value);
    if (!elements) return malformedCertificate(elements.error().detail);
    if (elements->empty()) return malformedCertificate("65: no extensions");
    std::vector<CertificateExtension> extensions;
    for (const auto& element : *elements) {
        auto extension = parseExtension(element);
        if (!extension) return extension.error();
        for (const auto& seen : extensions)
            if (seen.oid == extension->oid) return malformedCertificate("65: repeated extension");
        extensions.push_back(std::move(*extension));
    }
    return extensions;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return month == 2 && leap ? 29 : kDays[month - 1];
}

Result<CvDate> makeDate(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return malformedCertificate("date: no such day");
    return CvDate{year, month, day};
}

}  // namespace

crypto::HashAlgorithm CvPublicKey::hashAlgorithm() const {
    using crypto::HashAlgorithm;
    if (oid == oid::taEcdsaSha224) return HashAlgorithm::Sha224;
    if (oid == oid::taEcdsaSha384) return HashAlgorithm::Sha384;
    if (oid == oid::taEcdsaSha512 || oid == oid::taRsaV15Sha512 || oid == oid::taRsaPssSha512)
        return HashAlgorithm::Sha512;
    if (oid == oid::taEcdsaSha1 || oid == oid::taRsaV15Sha1 || oid == oid::taRsaPssSha1)
        return HashAlgorithm::Sha1;
    return HashAlgorithm::Sha256;
}

bool CvPublicKey::usesPss() const {
    return oid == oid::taRsaPssSha1 || oid == oid::taRsaPssSha256 || oid == oid::taRsaPssSha512;
}

Result<crypto::EcCurve> CvPublicKey::curve() const {
    return crypto::EcCurve::fromParameters(prime, a, b, generator, order, cofactor);
}

Result<CvDate> CvDate::parse(ByteView digits) {
    if (digits.size() != 6) return malformedCertificate("date: expected six digits");
    for (const auto d : digits)
        if (d > 9) return malformedCertificate("date: byte is not an unpacked BCD digit");
    return makeDate(2000 + digits[0] * 10 + digits[1], digits[2] * 10 + digits[3],
                    digits[4] * 10 + digits[5]);
}

Result<CvDate> CvDate::fromIso(std::string_view text) {
    int year = 0, month = 0, day = 0;
    char tail = 0;
    const std::string copy(text);
    if (text.size() != 10 ||
        std::sscanf(copy.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
        year < 2000 || year > 2099)
        return makeError(ErrorCode::InvalidInput, "Not a date", "date: expected YYYY-MM-DD");
    return makeDate(year, month, day);
}

CvDate CvDate::today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day ymd(now);
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string CvDate::toString() const {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return text;
}

Bytes CvDate::encode() const {
    const int yy = year % 100;
    return {static_cast<std::uint8_t>(yy / 10),    static_cast<std::uint8_t>(yy % 10),
            static_cast<std::uint8_t>(month / 10), static_cast<std::uint8_t>(month % 10),
            static_cast<std::uint8_t>(day / 10),   static_cast<std::uint8_t>(day % 10)};
}

Result<CvCertificate> CvCertificate::parse(ByteView encoded) {
    auto outer = asn1::readOne(encoded);
    if (!outer) return malformedCertificate(outer.error().detail);
    if (outer->tag != tag::certificate) return malformedCertificate("CVC: expected tag 7F21");
    auto certificate = parseBodyAndSignature(outer->value);
    if (!certificate) return certificate.error();
    certificate->encoded_.assign(encoded.begin(), encoded.end());
    return certificate;
}

Result<CvCertificate> CvCertificate::parseBodyAndSignature(ByteView bodyAndSignature) {
    auto elements = asn1::readAll(bodyAndSignature);
    if (!elements) return malformedCertificate(elements.error().detail);
    if (elements->size() != 2 || (*elements)[0].tag != tag::body ||
        (*elements)[1].tag != tag::signature)
        return malformedCertificate("CVC: expected exactly 7F4E body and 5F37 signature");
    if ((*elements)[1].value.empty()) return malformedCertificate("CVC: empty signature");
    CvCertificate certificate;
    if (auto parsed = certificate.parseBody((*elements)[0].value); !parsed) return parsed.error();
    const auto& body = (*elements)[0].encoded;
    const auto& signature = (*elements)[1].value;
    certificate.body_.assign(body.begin(), body.end());
    certificate.signature_.assign(signature.begin(), signature.end());
    certificate.encoded_ = asn1::encode(tag::certificate, bodyAndSignature);
    return certificate;
}

Result<void> CvCertificate::parseBody(ByteView bodyValue) {
    static constexpr asn1::Tag kOrder[] = {
        tag::profile, tag::authorityReference, tag::publicKey,      tag::holderReference,
        tag::chat,    tag::effectiveDate,      tag::expirationDate, tag::extensions};
    auto elements = asn1::readAll(bodyValue);
    if (!elements) return malformedCertificate(elements.error().detail);
    const auto& e = *elements;
    if (e.size() != 7 && e.size() != 8) return malformedCertificate("7F4E: wrong element count");
    for (std::size_t i = 0; i < e.size(); ++i)
        if (e[i].tag != kOrder[i]) return malformedCertificate("7F4E: elements out of order");
    if (e[0].value.size() != 1 || e[0].value[0] != 0)
        return makeError(ErrorCode::Unsupported,
                         "A certificate of the service has an unknown format",
                         "5F29: profile identifier is not 0");
    auto car = parseReference(e[1].value, "CAR");
    if (!car) return car.error();
    auto key = parsePublicKey(e[2].value);
    if (!key) return key.error();
    auto chr = parseReference(e[3].value, "CHR");
    if (!chr) return chr.error();
    auto chat = Chat::parse(e[4].encoded);
    if (!chat) return chat.error();
    auto effective = CvDate::parse(e[5].value);
    if (!effective) return effective.error();
    auto expiration = CvDate::parse(e[6].value);
    if (!expiration) return expiration.error();
    if (*expiration < *effective) return malformedCertificate("dates: expires before effective");
    if (e.size() == 8) {
        auto extensions = parseExtensions(e[7].value);
        if (!extensions) return extensions.error();
        extensions_ = std::move(*extensions);
    }
    car_ = *car;
    chr_ = *chr;
    publicKey_ = std::move(*key);
    chat_ = *chat;
    effective_ = *effective;
    expiration_ = *expiration;
    return {};
}

Bytes CvCertificate::bodyAndSignature() const {
    return concat({body_, asn1::encode(tag::signature, signature_)});
}

const CertificateExtension* CvCertificate::findExtension(const Oid& oid) const {
    for (const auto& extension : extensions_)
        if (extension.oid == oid) return &extension;
    return nullptr;
}

std::optional<Bytes> CvCertificate::descriptionHash() const {
    const auto* extension = findExtension(oid::description);
    if (extension == nullptr) return std::nullopt;
    return extension->hashes.front();
}

std::vector<Bytes> CvCertificate::sectorHashes() const {
    const auto* extension = findExtension(oid::sectorRi);
    return extension == nullptr ? std::vector<Bytes>{} : extension->hashes;
}

}  // namespace oa::eac
