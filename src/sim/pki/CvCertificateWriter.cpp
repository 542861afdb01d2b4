#include "sim/pki/CvCertificateWriter.h"

#include <openssl/sha.h>

#include "asn1/Tlv.h"

namespace oa::sim {
namespace {

const Bytes kTaEcdsaSha256 = hexBytes("04007F00070202020203");
const Bytes kDescriptionOid = hexBytes("04007F000703010301");
const Bytes kTerminalSectorOid = hexBytes("04007F000703010302");
const Bytes kRiEcdhSha256 = hexBytes("04007F00070202050203");

Bytes sha256(ByteView data) {
    Bytes out(SHA256_DIGEST_LENGTH);
    SHA256(data.data(), data.size(), out.data());
    return out;
}

Bytes publicKey(const EcKey& holder, bool withDomainParameters) {
    Bytes key = asn1::encode(0x06, kTaEcdsaSha256);
    if (withDomainParameters) {
        append(key, asn1::encode(0x81, holder.prime()));
        append(key, asn1::encode(0x82, holder.a()));
        append(key, asn1::encode(0x83, holder.b()));
        append(key, asn1::encode(0x84, holder.generator()));
        append(key, asn1::encode(0x85, holder.order()));
    }
    append(key, asn1::encode(0x86, holder.publicPoint()));
    if (withDomainParameters) append(key, asn1::encode(0x87, holder.cofactor()));
    return asn1::encode(0x7F49, key);
}

}  // namespace

Bytes cvDate(const std::string& yymmdd) {
    Bytes out;
    for (char c : yymmdd)
        out.push_back(static_cast<std::uint8_t>(c - '0'));
    return out;
}

Result<Bytes> writeCvCertificate(const CvCertificateTemplate& fields, const EcKey& holder,
                                 const EcKey& signer) {
    std::vector<Bytes> parts{asn1::encode(0x5F29, Bytes{0x00}),
                             asn1::encode(0x42, asciiBytes(fields.authorityReference)),
                             publicKey(holder, fields.withDomainParameters),
                             asn1::encode(0x5F20, asciiBytes(fields.holderReference)),
                             asn1::encode(0x7F4C, {asn1::encode(0x06, fields.roleOid),
                                                   asn1::encode(0x53, fields.rights)}),
                             asn1::encode(0x5F25, cvDate(fields.effectiveDate)),
                             asn1::encode(0x5F24, cvDate(fields.expirationDate))};
    if (!fields.extensions.empty()) {
        Bytes extensions;
        for (const Bytes& extension : fields.extensions)
            append(extensions, extension);
        parts.push_back(asn1::encode(0x65, extensions));
    }
    Bytes content;
    for (const Bytes& part : parts)
        append(content, part);
    const Bytes body = asn1::encode(0x7F4E, content);
    auto signature = signer.signPlain(body);
    if (!signature) return signature.error();
    return asn1::encode(0x7F21, {body, asn1::encode(0x5F37, *signature)});
}

Bytes descriptionExtension(ByteView certificateDescription) {
    return asn1::encode(0x73, {asn1::encode(0x06, kDescriptionOid),
                               asn1::encode(0x80, sha256(certificateDescription))});
}

Bytes terminalSectorExtension(ByteView sectorPublicKeyDataObject) {
    return asn1::encode(0x73, {asn1::encode(0x06, kTerminalSectorOid),
                               asn1::encode(0x80, sha256(sectorPublicKeyDataObject))});
}

Bytes sectorPublicKeyDataObject(ByteView point) {
    return asn1::encode(0x7F49, {asn1::encode(0x06, kRiEcdhSha256), asn1::encode(0x86, point)});
}

}  // namespace oa::sim
