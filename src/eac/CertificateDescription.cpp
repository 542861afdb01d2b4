#include "eac/CertificateDescription.h"

#include <algorithm>

#include "asn1/Tlv.h"
#include "eac/CvCertificate.h"

namespace oa::eac {
namespace {

// Context-specific field numbers of the SEQUENCE.
enum Field : asn1::Tag {
    kIssuerName = 1,
    kIssuerUrl = 2,
    kSubjectName = 3,
    kSubjectUrl = 4,
    kTermsOfUsage = 5,
    kRedirectUrl = 6,
    kCommCertificates = 7,
};

namespace tag {
constexpr asn1::Tag sequence = 0x30;
constexpr asn1::Tag oid = 0x06;
constexpr asn1::Tag utf8String = 0x0C;
constexpr asn1::Tag printableString = 0x13;
constexpr asn1::Tag ia5String = 0x16;
constexpr asn1::Tag octetString = 0x04;
constexpr asn1::Tag set = 0x31;
}  // namespace tag

Error malformedDescription(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "The description of the service is malformed",
                     std::move(detail));
}

std::size_t utf8SequenceLength(std::uint8_t lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

bool isUtf8(ByteView text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8SequenceLength(text[i]);
        if (length == 0 || text.size() - i < length) return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((text[i + k] & 0xC0) != 0x80) return false;
        // Overlong three/four-byte forms, UTF-16 surrogates and code points above U+10FFFF.
        if (length == 3 && text[i] == 0xE0 && text[i + 1] < 0xA0) return false;
        if (length == 3 && text[i] == 0xED && text[i + 1] >= 0xA0) return false;
        if (length == 4 && text[i] == 0xF0 && text[i + 1] < 0x90) return false;
        if (length == 4 && text[i] == 0xF4 && text[i + 1] >= 0x90) return false;
        i += length;
    }
    return true;
}

bool isAscii(ByteView text) {
    return std::all_of(text.begin(), text.end(), [](auto c) { return c < 0x80; });
}

// URLs are PrintableString in the ASN.1 module, but deployed descriptions carry characters
// PrintableString lacks ('_', '&', '~'); any visible ASCII character is accepted.
bool isVisibleAscii(ByteView text) {
    return std::all_of(text.begin(), text.end(), [](auto c) { return c >= 0x21 && c <= 0x7E; });
}

// TR-03110-4 tags the fields explicitly (A1 { 0C ... }), as deployed descriptions do. OpenPACE's
// cvc-create writes them implicitly (81 ...); both spellings are unambiguous, so both are read.
Result<ByteView> fieldContent(const asn1::Tlv& field, asn1::Tag universalType) {
    if (!field.constructed) return field.value;
    auto inner = asn1::readOne(field.value);
    if (!inner) return malformedDescription(inner.error().detail);
    if (inner->tag != universalType)
        return malformedDescription("CertificateDescription: unexpected type in field");
    return inner->value;
}

Result<std::string> readText(const asn1::Tlv& field, asn1::Tag type) {
    auto v = fieldContent(field, type);
    if (!v) return v.error();
    const bool valid = type == tag::utf8String        ? isUtf8(*v)
                       : type == tag::printableString ? isVisibleAscii(*v)
                                                      : isAscii(*v);
    if (!valid) return malformedDescription("CertificateDescription: bad characters in string");
    return std::string(v->begin(), v->end());
}

// Explicit: A7 { 31 { 04 ... } }; implicit: A7 { 04 ... }.
Result<std::vector<asn1::Tlv>> hashElements(const asn1::Tlv& field) {
    auto elements = field.children();
    if (!elements) return malformedDescription(elements.error().detail);
    if (elements->size() == 1 && elements->front().tag == tag::set)
        elements = elements->front().children();
    if (!elements) return malformedDescription(elements.error().detail);
    return elements;
}

Result<std::vector<Bytes>> readHashSet(const asn1::Tlv& field) {
    if (!field.constructed) return malformedDescription("commCertificates: not a SET");
    auto elements = hashElements(field);
    if (!elements) return elements.error();
    std::vector<Bytes> hashes;
    for (const auto& element : *elements) {
        if (element.tag != tag::octetString || element.value.empty())
            return malformedDescription("commCertificates: expected non-empty OCTET STRINGs");
        hashes.emplace_back(element.value.begin(), element.value.end());
    }
    return hashes;
}

// Walks the fields in their fixed order; optional ones may be skipped.
class FieldCursor {
public:
    explicit FieldCursor(const std::vector<asn1::Tlv>& fields) : fields_(fields) {}
    const asn1::Tlv* take(asn1::Tag wanted) {
        if (next_ >= fields_.size() || fields_[next_].tag != wanted) return nullptr;
        return &fields_[next_++];
    }
    // Context-specific field `number`, explicitly (A0 + n) or implicitly (80 + n) tagged.
    const asn1::Tlv* takeField(Field number) {
        if (next_ >= fields_.size() || (fields_[next_].tag & 0xDF) != (0x80u | number))
            return nullptr;
        return &fields_[next_++];
    }
    bool done() const { return next_ == fields_.size(); }

private:
    const std::vector<asn1::Tlv>& fields_;
    std::size_t next_ = 0;
};

Result<std::optional<std::string>> optionalUrl(FieldCursor& cursor, Field field) {
    const auto* element = cursor.takeField(field);
    if (element == nullptr) return std::optional<std::string>{};
    auto text = readText(*element, tag::printableString);
    if (!text) return text.error();
    return std::optional<std::string>(std::move(*text));
}

}  // namespace

Result<CertificateDescription> CertificateDescription::parse(ByteView der) {
    auto sequence = asn1::readOne(der);
    if (!sequence) return malformedDescription(sequence.error().detail);
    if (sequence->tag != tag::sequence)
        return malformedDescription("CertificateDescription: expected SEQUENCE");
    CertificateDescription description;
    if (auto parsed = description.parseFields(sequence->value); !parsed) return parsed.error();
    description.encoded_.assign(der.begin(), der.end());
    return description;
}

Result<void> CertificateDescription::parseFields(ByteView sequenceValue) {
    auto fields = asn1::readAll(sequenceValue);
    if (!fields) return malformedDescription(fields.error().detail);
    FieldCursor cursor(*fields);
    const auto* type = cursor.take(tag::oid);
    if (type == nullptr) return malformedDescription("CertificateDescription: no descriptionType");
    auto format = Oid::fromDer(type->value);
    if (!format) return malformedDescription(format.error().detail);
    if (*format == oid::plainFormat) {
        format_ = Format::PlainText;
    } else if (*format == oid::htmlFormat) {
        format_ = Format::Html;
    } else if (*format == oid::pdfFormat) {
        format_ = Format::Pdf;
    } else {
        return makeError(ErrorCode::Unsupported,
                         "The description of the service has an unknown format",
                         "descriptionType " + format->toString());
    }

    const auto* issuer = cursor.takeField(kIssuerName);
    if (issuer == nullptr) return malformedDescription("CertificateDescription: no issuerName");
    auto issuerName = readText(*issuer, tag::utf8String);
    if (!issuerName) return issuerName.error();
    issuerName_ = std::move(*issuerName);

    auto issuerUrl = optionalUrl(cursor, kIssuerUrl);
    if (!issuerUrl) return issuerUrl.error();
    issuerUrl_ = std::move(*issuerUrl);

    const auto* subject = cursor.takeField(kSubjectName);
    if (subject == nullptr) return malformedDescription("CertificateDescription: no subjectName");
    auto subjectName = readText(*subject, tag::utf8String);
    if (!subjectName) return subjectName.error();
    subjectName_ = std::move(*subjectName);

    auto subjectUrl = optionalUrl(cursor, kSubjectUrl);
    if (!subjectUrl) return subjectUrl.error();
    subjectUrl_ = std::move(*subjectUrl);

    const auto* terms = cursor.takeField(kTermsOfUsage);
    if (terms == nullptr) return malformedDescription("CertificateDescription: no termsOfUsage");
    if (format_ == Format::Pdf) {
        auto pdf = fieldContent(*terms, tag::octetString);
        if (!pdf) return pdf.error();
        termsPdf_.assign(pdf->begin(), pdf->end());
    } else {
        auto text = readText(*terms, format_ == Format::Html ? tag::ia5String : tag::utf8String);
        if (!text) return text.error();
        termsText_ = std::move(*text);
    }

    auto redirectUrl = optionalUrl(cursor, kRedirectUrl);
    if (!redirectUrl) return redirectUrl.error();
    redirectUrl_ = std::move(*redirectUrl);

    if (const auto* comm = cursor.takeField(kCommCertificates)) {
        auto hashes = readHashSet(*comm);
        if (!hashes) return hashes.error();
        commCertificates_ = std::move(*hashes);
        hasCommCertificates_ = true;
    }
    if (!cursor.done())
        return malformedDescription("CertificateDescription: unexpected or misplaced field");
    return {};
}

bool CertificateDescription::allowsServerCertificateHash(ByteView hash) const {
    return std::any_of(commCertificates_.begin(), commCertificates_.end(),
                       [&](const Bytes& allowed) { return constantTimeEqual(allowed, hash); });
}

Result<void> CertificateDescription::checkBoundTo(const CvCertificate& terminal) const {
    const auto expected = terminal.descriptionHash();
    if (!expected)
        return makeError(ErrorCode::AuthenticationFailed,
                         "The service's certificate does not vouch for its description",
                         "terminal certificate has no id-description extension");
    const auto actual = crypto::hash(terminal.publicKey().hashAlgorithm(), encoded_);
    if (actual != *expected)
        return makeError(ErrorCode::AuthenticationFailed,
                         "The description of the service does not match its certificate",
                         "id-description hash mismatch: certificate " + toHex(*expected) +
                             ", description " + toHex(actual));
    return {};
}

}  // namespace oa::eac
