#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "eac/Oid.h"

namespace oa::eac {

class CvCertificate;

// Who runs the service and on what terms (TR-03110-4 2.2.6), shown to the user before the PIN.
// Its hash is bound into the terminal certificate (extension id-description).
class CertificateDescription {
public:
    enum class Format { PlainText, Html, Pdf };

    static Result<CertificateDescription> parse(ByteView der);

    const Bytes& encoded() const { return encoded_; }
    Format format() const { return format_; }
    const std::string& issuerName() const { return issuerName_; }
    const std::optional<std::string>& issuerUrl() const { return issuerUrl_; }
    const std::string& subjectName() const { return subjectName_; }
    const std::optional<std::string>& subjectUrl() const { return subjectUrl_; }
    // UTF-8 text for plain text, the HTML source for HTML, empty for PDF.
    const std::string& termsOfUsageText() const { return termsText_; }
    const Bytes& termsOfUsagePdf() const { return termsPdf_; }
    const std::optional<std::string>& redirectUrl() const { return redirectUrl_; }
    // Hashes of the TLS server certificates the service may use; empty if the field is absent.
    const std::vector<Bytes>& commCertificates() const { return commCertificates_; }
    bool hasCommCertificates() const { return hasCommCertificates_; }
    bool allowsServerCertificateHash(ByteView hash) const;

    // The terminal certificate must carry the hash of exactly these bytes, computed with the hash
    // function of its own signature scheme.
    Result<void> checkBoundTo(const CvCertificate& terminal) const;

private:
    Result<void> parseFields(ByteView sequenceValue);

    Bytes encoded_;
    Format format_ = Format::PlainText;
    std::string issuerName_;
    std::optional<std::string> issuerUrl_;
    std::string subjectName_;
    std::optional<std::string> subjectUrl_;
    std::string termsText_;
    Bytes termsPdf_;
    std::optional<std::string> redirectUrl_;
    std::vector<Bytes> commCertificates_;
    bool hasCommCertificates_ = false;
};

}  // namespace oa::eac
