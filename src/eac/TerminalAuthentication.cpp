#include "eac/TerminalAuthentication.h"

#include "asn1/Tlv.h"

namespace oa::eac {
namespace {

Error malformedCertificate(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "A certificate of the service is damaged",
                     std::move(detail));
}

// What TA needs from a CV certificate: body and signature for PSO:Verify, the references and
// the signature scheme of the terminal key.
struct CertificateParts {
    Bytes bodyAndSignature;  // 7F4E ... 5F37 ..., the value of 7F21
    Bytes authorityReference;
    Bytes holderReference;
    Bytes publicKeyProtocol;
};

Result<CertificateParts> split(ByteView certificate) {
    auto outer = asn1::readOne(certificate);
    if (!outer || outer->tag != 0x7F21) return malformedCertificate("not a CV certificate (7F21)");
    auto parts = outer->children();
    if (!parts || parts->size() != 2 || (*parts)[0].tag != 0x7F4E || (*parts)[1].tag != 0x5F37)
        return malformedCertificate("CV certificate is not body and signature");
    auto body = (*parts)[0].children();
    if (!body) return malformedCertificate(body.error().detail);
    auto car = asn1::find(*body, 0x42);
    auto chr = asn1::find(*body, 0x5F20);
    auto key = asn1::find(*body, 0x7F49);
    if (!car || !chr || !key) return malformedCertificate("CAR, CHR or public key missing");
    auto keyFields = key->children();
    if (!keyFields || keyFields->empty() || (*keyFields)[0].tag != 0x06)
        return malformedCertificate("public key without algorithm");
    return CertificateParts{Bytes(outer->value.begin(), outer->value.end()),
                            Bytes(car->value.begin(), car->value.end()),
                            Bytes(chr->value.begin(), chr->value.end()),
                            Bytes((*keyFields)[0].value.begin(), (*keyFields)[0].value.end())};
}

}  // namespace

Result<void> TerminalAuthentication::expectSuccess(const CommandApdu& command, const char* step) {
    auto response = card_.transmit(command);
    if (!response) return response.error();
    if (!response->isSuccess())
        return makeError(ErrorCode::AuthenticationFailed,
                         "The ID card did not accept the service's authorization",
                         std::string(step) + " answered " + describe(response->sw()));
    return {};
}

Result<void> TerminalAuthentication::run(const Input& input, const Signer& signer) {
    if (input.certificates.empty())
        return makeError(ErrorCode::InvalidInput, "The service sent no certificates",
                         "TA without certificate chain");
    std::optional<CertificateParts> terminal;
    for (const Bytes& certificate : input.certificates) {
        auto parts = split(certificate);
        if (!parts) return parts.error();
        if (auto ok = expectSuccess(
                CommandApdu(0x00, 0x22, 0x81, 0xB6, asn1::encode(0x83, parts->authorityReference)),
                "MSE:Set DST");
            !ok)
            return ok;
        if (auto ok = expectSuccess(CommandApdu(0x00, 0x2A, 0x00, 0xBE, parts->bodyAndSignature),
                                    "PSO:Verify Certificate");
            !ok)
            return ok;
        terminal = std::move(*parts);
    }

    Bytes template_ = asn1::encode(0x80, terminal->publicKeyProtocol);
    append(template_, asn1::encode(0x83, terminal->holderReference));
    if (input.auxiliaryData) append(template_, *input.auxiliaryData);
    append(template_, asn1::encode(0x91, input.ephemeralKeyComp));
    if (auto ok = expectSuccess(CommandApdu(0x00, 0x22, 0x81, 0xA4, std::move(template_)),
                                "MSE:Set AT for TA");
        !ok)
        return ok;

    auto challenge = card_.transmit(CommandApdu(0x00, 0x84, 0x00, 0x00, {}, 8));
    if (!challenge) return challenge.error();
    if (!challenge->isSuccess() || challenge->data().size() != 8)
        return makeError(ErrorCode::CardError, "The ID card answered unexpectedly",
                         "GET CHALLENGE answered " + describe(challenge->sw()));

    // TR-03110 Part 3 B.11.1: ID_PICC || r_PICC || Comp(PK_PCD) || auxiliary data (the same
    // single 67 object the MSE:Set AT carried).
    Bytes toSign = concat({input.idPicc, challenge->data(), input.ephemeralKeyComp});
    if (input.auxiliaryData) append(toSign, *input.auxiliaryData);
    auto signature = signer(toSign);
    if (!signature) return signature.error();
    return expectSuccess(CommandApdu(0x00, 0x82, 0x00, 0x00, std::move(*signature)),
                         "EXTERNAL AUTHENTICATE");
}

}  // namespace oa::eac
