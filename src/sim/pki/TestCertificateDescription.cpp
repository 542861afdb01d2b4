#include "sim/pki/TestCertificateDescription.h"

#include <algorithm>

#include "asn1/Tlv.h"

namespace oa::sim {
namespace {

const Bytes kPlainFormat = hexBytes("04007F00070301030101");  // id-plainFormat

Bytes utf8Field(asn1::Tag field, const std::string& text) {
    return asn1::encode(field, asn1::encode(0x0C, asciiBytes(text)));
}

Bytes printableField(asn1::Tag field, const std::string& text) {
    return asn1::encode(field, asn1::encode(0x13, asciiBytes(text)));
}

}  // namespace

Bytes commCertificatesSet(const std::vector<Bytes>& values) {
    std::vector<Bytes> encoded;
    for (const auto& value : values)
        encoded.push_back(asn1::encode(0x04, value));
    std::sort(encoded.begin(), encoded.end());
    encoded.erase(std::unique(encoded.begin(), encoded.end()), encoded.end());
    Bytes content;
    for (const auto& element : encoded)
        append(content, element);
    return asn1::encode(0x31, content);
}

Bytes encodeTestCertificateDescription() {
    return asn1::encode(
        0x30, {asn1::encode(0x06, kPlainFormat),
               utf8Field(0xA1, "OpenAusweis TEST CVCA \xE2\x80\x94 not for production"),
               printableField(0xA2, "https://localhost/"),
               utf8Field(0xA3, "OpenAusweis TEST service \xE2\x80\x94 not for production"),
               printableField(0xA4, "https://localhost/"),
               utf8Field(0xA5,
                         "Name, Anschrift und E-Mail-Adresse des Diensteanbieters:\r\n"
                         "OpenAusweis test world\r\nlocalhost\r\n"
                         "Hinweis: nur f\xC3\xBCr Tests, nicht f\xC3\xBCr den Produktivbetrieb.")});
}

Bytes encodePinResetCertificateDescription(const std::string& subjectUrl,
                                           const std::vector<Bytes>& commCertificates) {
    std::vector<Bytes> fields{
        asn1::encode(0x06, kPlainFormat),
        utf8Field(0xA1, "OpenAusweis TEST CVCA \xE2\x80\x94 not for production"),
        printableField(0xA2, "https://localhost/"),
        utf8Field(0xA3,
                  "PIN-R\xC3\xBC"
                  "cksetzdienst (Test)"),
        printableField(0xA4, subjectUrl),
        utf8Field(0xA5,
                  "Name, Anschrift und E-Mail-Adresse des Diensteanbieters:\r\n"
                  "PIN-R\xC3\xBC"
                  "cksetzdienst (Test), OpenAusweis test world\r\n" +
                      subjectUrl +
                      "\r\n\r\nZweck des Auslesevorgangs:\r\nVersand eines PIN-"
                      "R\xC3\xBC"
                      "cksetzbriefs an die auf dem Ausweis gespeicherte Anschrift; "
                      "Setzen der neuen PIN und Einschalten der Online-Ausweisfunktion mit dem "
                      "Aktivierungscode.\r\n"
                      "Hinweis: nur f\xC3\xBCr Tests, nicht f\xC3\xBCr den Produktivbetrieb.")};
    if (!commCertificates.empty())
        fields.push_back(asn1::encode(0xA7, commCertificatesSet(commCertificates)));
    Bytes content;
    for (const auto& field : fields)
        append(content, field);
    return asn1::encode(0x30, content);
}

}  // namespace oa::sim
