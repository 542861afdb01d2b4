#include "workflows/OnlineEacCard.h"

#include "asn1/Tlv.h"
#include "eac/DerInteger.h"

namespace oa::workflows {
namespace {

Bytes asBytes(const std::string& text) {
    return Bytes(text.begin(), text.end());
}

Error cardAnswered(const char* step, std::uint16_t sw) {
    return makeError(ErrorCode::AuthenticationFailed,
                     "The ID card did not accept the service's authorization",
                     std::string(step) + " answered " + describe(sw));
}

}  // namespace

Result<void> OnlineEacCard::expectSuccess(const CommandApdu& command, const char* step) {
    auto response = card_.transmit(command);
    if (!response) return response.error();
    if (!response->isSuccess()) return cardAnswered(step, response->sw());
    return {};
}

Result<Bytes> OnlineEacCard::getChallenge() {
    auto response = card_.transmit(CommandApdu(0x00, 0x84, 0x00, 0x00, {}, 8));
    if (!response) return response.error();
    if (!response->isSuccess() || response->data().size() != 8)
        return makeError(ErrorCode::CardError, "The ID card answered unexpectedly",
                         "GET CHALLENGE answered " + describe(response->sw()));
    return response->data();
}

Result<void> OnlineEacCard::presentCertificates(const std::vector<eac::CvCertificate>& chain) {
    for (const auto& certificate : chain) {
        const Bytes reference = asn1::encode(0x83, asBytes(certificate.authorityReference()));
        if (auto ok = expectSuccess(CommandApdu(0x00, 0x22, 0x81, 0xB6, reference), "MSE:Set DST");
            !ok)
            return ok;
        if (auto ok =
                expectSuccess(CommandApdu(0x00, 0x2A, 0x00, 0xBE, certificate.bodyAndSignature()),
                              "PSO:Verify Certificate");
            !ok)
            return ok;
    }
    return {};
}

Result<void> OnlineEacCard::selectTerminal(const eac::CvCertificate& terminal,
                                           const std::optional<Bytes>& auxiliaryData,
                                           ByteView ephemeralKeyComp) {
    Bytes data = asn1::encode(0x80, terminal.publicKey().oid.der());
    append(data, asn1::encode(0x83, asBytes(terminal.holderReference())));
    if (auxiliaryData) append(data, *auxiliaryData);
    append(data, asn1::encode(0x91, ephemeralKeyComp));
    return expectSuccess(CommandApdu(0x00, 0x22, 0x81, 0xA4, std::move(data)), "MSE:Set AT for TA");
}

Result<void> OnlineEacCard::externalAuthenticate(ByteView signature) {
    return expectSuccess(
        CommandApdu(0x00, 0x82, 0x00, 0x00, Bytes(signature.begin(), signature.end())),
        "EXTERNAL AUTHENTICATE");
}

Result<OnlineEacCard::ChipAuthenticationOutput> OnlineEacCard::chipAuthenticate(
    const eac::ChipAuthenticationInfo& info, ByteView ephemeralPublicKey) {
    Bytes mse = asn1::encode(0x80, info.protocol);
    if (info.keyId) append(mse, asn1::encode(0x84, eac::keyReference(*info.keyId)));
    if (auto ok =
            expectSuccess(CommandApdu(0x00, 0x22, 0x41, 0xA4, std::move(mse)), "MSE:Set AT for CA");
        !ok)
        return ok.error();
    auto response = card_.transmit(CommandApdu(
        0x00, 0x86, 0x00, 0x00, asn1::encode(0x7C, asn1::encode(0x80, ephemeralPublicKey)),
        CommandApdu::kShortMaxLe));
    if (!response) return response.error();
    if (!response->isSuccess())
        return makeError(ErrorCode::AuthenticationFailed, "The ID card could not be authenticated",
                         "CA General Authenticate answered " + describe(response->sw()));
    auto outer = asn1::readOne(response->data());
    auto children =
        outer && outer->tag == 0x7C ? outer->children() : Result<std::vector<asn1::Tlv>>(Error{});
    if (!children || children->size() != 2 || (*children)[0].tag != 0x81 ||
        (*children)[1].tag != 0x82 || (*children)[1].value.size() != 8)
        return makeError(ErrorCode::CardError, "The ID card answered unexpectedly",
                         "CA: expected 7C { 81 nonce, 82 token }");
    return ChipAuthenticationOutput{
        Bytes((*children)[0].value.begin(), (*children)[0].value.end()),
        Bytes((*children)[1].value.begin(), (*children)[1].value.end())};
}

}  // namespace oa::workflows
