#include "sim/pki/TestCertificateDescription.h"

#include "asn1/Tlv.h"

namespace oa::sim {
namespace {

const Bytes kPlainFormat = hexBytes("04007F00070301030101");  // id-plainFormat

Bytes utf8Field(asn1::Tag field, const char* text) {
    return asn1::encode(field, asn1::encode(0x0C, asciiBytes(text)));
}

Bytes printableField(asn1::Tag field, const char* text) {
    return asn1::encode(field, asn1::encode(0x13, asciiBytes(text)));
}

}  // namespace

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

}  // namespace oa::sim
