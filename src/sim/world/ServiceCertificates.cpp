#include "sim/world/ServiceCertificates.h"

#include <algorithm>

#include "asn1/Tlv.h"
#include "crypto/Hash.h"
#include "sim/pki/CvCertificateWriter.h"
#include "sim/pki/TestCertificateDescription.h"

namespace oa::sim {
namespace {

const Bytes kPlainFormat = hexBytes("04007F00070301030101");   // id-plainFormat
const Bytes kDescriptionOid = hexBytes("04007F000703010301");  // id-description
constexpr const char* kTerminalReference = "DEOAWORLD00001";
constexpr const char* kPinResetTerminalReference = "DEOAPRSVC00001";

Bytes text(asn1::Tag field, asn1::Tag type, const std::string& value) {
    return asn1::encode(field, asn1::encode(type, asciiBytes(value)));
}

}  // namespace

Bytes encodeServiceDescription(const std::string& subjectUrl,
                               const std::vector<Bytes>& commCertificates) {
    return asn1::encode(0x30,
                        {asn1::encode(0x06, kPlainFormat),
                         text(0xA1, 0x0C, "OpenAusweis TEST CVCA - not for production"),
                         text(0xA2, 0x13, "https://localhost/"),
                         text(0xA3, 0x0C, "OpenAusweis demo eService - not for production"),
                         text(0xA4, 0x13, subjectUrl),
                         text(0xA5, 0x0C,
                              "Name, Anschrift und E-Mail-Adresse des Diensteanbieters:\r\n"
                              "OpenAusweis demo eService\r\n" +
                                  subjectUrl +
                                  "\r\n\r\nZweck des Auslesevorgangs:\r\nAnmeldung im Testsystem "
                                  "(nur Tests, kein Produktivbetrieb)."),
                         asn1::encode(0xA7, commCertificatesSet(commCertificates))});
}

Result<ServiceCertificates> ServiceCertificates::issue(const TestPki& pki,
                                                       const std::string& subjectUrl,
                                                       const std::vector<Bytes>& commCertificates,
                                                       const Bytes& describedHash) {
    ServiceCertificates result{
        encodeServiceDescription(subjectUrl, commCertificates), {}, {}, pki.terminalKey()};
    CvCertificateTemplate terminal;
    terminal.authorityReference = TestPki::kDvReference;
    terminal.holderReference = kTerminalReference;
    terminal.rights = TestPki::terminalRights();
    terminal.effectiveDate = TestPki::kEffectiveDate;
    terminal.expirationDate = TestPki::kExpirationDate;
    const Bytes hash = describedHash.empty() ? crypto::hash(crypto::HashAlgorithm::Sha256,
                                                            result.certificateDescription)
                                             : describedHash;
    terminal.extensions = {
        asn1::encode(0x73, {asn1::encode(0x06, kDescriptionOid), asn1::encode(0x80, hash)}),
        terminalSectorExtension(pki.sectorPublicKey())};
    auto certificate = writeCvCertificate(terminal, pki.terminalKey(), pki.dvKey());
    if (!certificate) return certificate.error();
    result.terminalCertificate = std::move(*certificate);
    result.chain = {pki.dvCertificate(), result.terminalCertificate};
    return result;
}

Result<ServiceCertificates> ServiceCertificates::issuePinReset(
    const TestPki& pki, const std::string& subjectUrl, const std::vector<Bytes>& commCertificates) {
    ServiceCertificates result{encodePinResetCertificateDescription(subjectUrl, commCertificates),
                               {},
                               {},
                               pki.pinResetTerminalKey()};
    CvCertificateTemplate terminal;
    terminal.authorityReference = TestPki::kDvReference;
    terminal.holderReference = kPinResetTerminalReference;
    terminal.rights = TestPki::pinResetTerminalRights();
    terminal.effectiveDate = TestPki::kEffectiveDate;
    terminal.expirationDate = TestPki::kExpirationDate;
    terminal.extensions = {descriptionExtension(result.certificateDescription)};
    auto certificate = writeCvCertificate(terminal, pki.pinResetTerminalKey(), pki.dvKey());
    if (!certificate) return certificate.error();
    result.terminalCertificate = std::move(*certificate);
    result.chain = {pki.dvCertificate(), result.terminalCertificate};
    return result;
}

}  // namespace oa::sim
