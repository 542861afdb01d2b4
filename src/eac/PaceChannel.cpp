#include "eac/PaceChannel.h"

#include "asn1/Tlv.h"
#include "card/ReaderPace.h"
#include "crypto/BlockCipher.h"
#include "crypto/Hash.h"
#include "crypto/Kdf.h"
#include "eac/AuthenticationToken.h"
#include "eac/CertificateReference.h"
#include "eac/DomainParameters.h"

namespace oa::eac {
namespace {

using crypto::BlockCipher;

Error cardError(std::string detail) {
    return makeError(ErrorCode::CardError, "The ID card answered unexpectedly", std::move(detail));
}

const char* passwordName(PasswordType type) {
    switch (type) {
        case PasswordType::Mrz:
            return "MRZ";
        case PasswordType::Can:
            return "CAN";
        case PasswordType::Pin:
            return "PIN";
        case PasswordType::Puk:
            return "PUK";
    }
    return "password";
}

// π of ICAO 9303-11 9.7.3: SHA-1 of the MRZ information, the other passwords as they are.
SecureBytes passwordKey(const PaceRequest& request, BlockCipher cipher) {
    if (request.passwordType != PasswordType::Mrz)
        return crypto::deriveKey(cipher, request.password.bytes(), {},
                                 crypto::KdfPurpose::Password);
    Bytes k = crypto::hash(crypto::HashAlgorithm::Sha1, request.password.bytes());
    SecureBytes key = crypto::deriveKey(cipher, k, {}, crypto::KdfPurpose::Password);
    wipe(k);
    return key;
}

// The trusted CVCAs the card names after PACE travel unauthenticated (the token covers only the
// keys) and end up in the log, in error messages and in the PAOS answer to the eID-Server: only
// what a certificate reference can be passes.
Result<void> checkCertificationAuthorities(const PaceResult& result) {
    for (const auto* car : {&result.currentCar, &result.previousCar}) {
        // An empty previous CAR (88 00) is how some cards say they have none.
        if (!*car || (*car)->empty()) continue;
        if (auto problem = certificateReferenceProblem(**car))
            return cardError("PACE: the trusted CVCA the card names is no reference (" + *problem +
                             ")");
    }
    return {};
}

}  // namespace

PaceChannel::PaceChannel(Card& card, PaceInfo info) : card_(card), info_(std::move(info)) {}

Result<SecureBytes> PaceChannel::nextPrivateKey(const DomainParameters& parameters) {
    if (injectedKeys_.empty()) return parameters.generatePrivateKey();
    SecureBytes key = std::move(injectedKeys_.front());
    injectedKeys_.pop_front();
    return key;
}

Result<void> PaceChannel::setAuthenticationTemplate(const PaceRequest& request) {
    Bytes data = asn1::encode(0x80, info_.protocol);
    append(data, asn1::encode(0x83, Bytes{static_cast<std::uint8_t>(request.passwordType)}));
    if (request.sendParameterId && info_.parameterId)
        append(data, asn1::encode(0x84, Bytes{static_cast<std::uint8_t>(*info_.parameterId)}));
    if (request.chat) append(data, *request.chat);
    if (request.chat && request.certificateDescriptionHash) {
        static const Bytes kIdDescription = hexBytes("04007F000703010301");
        append(data,
               asn1::encode(
                   0x65,
                   asn1::encode(0x73, {asn1::encode(0x06, kIdDescription),
                                       asn1::encode(0x80, *request.certificateDescriptionHash)})));
    }
    auto response = card_.transmit(CommandApdu(0x00, 0x22, 0xC1, 0xA4, std::move(data)));
    if (!response) return response.error();
    if (!response->data().empty()) return cardError("MSE:Set AT for PACE answered with data");
    if (request.passwordType == PasswordType::Pin) {
        pinState_ = pinStateFromStatusWord(response->sw());
        if (pinState_ == PinState::Blocked)
            return makeError(ErrorCode::AuthenticationFailed,
                             "The PIN is blocked. Unblock it with the PUK.", "MSE:Set AT 63C0");
        if (pinState_ == PinState::Deactivated)
            return makeError(ErrorCode::AuthenticationFailed,
                             "The online ID function of this card is switched off.",
                             "MSE:Set AT 6283");
        if (pinState_) return {};
    } else if (response->isSuccess() || response->isRetryCounter()) {
        return {};
    }
    return cardError("MSE:Set AT for PACE answered " + describe(response->sw()));
}

Result<PinState> PaceChannel::queryPinState() {
    Bytes data = asn1::encode(0x80, info_.protocol);
    append(data, asn1::encode(0x83, Bytes{static_cast<std::uint8_t>(PasswordType::Pin)}));
    if (info_.parameterId)
        append(data, asn1::encode(0x84, Bytes{static_cast<std::uint8_t>(*info_.parameterId)}));
    auto response = card_.transmit(CommandApdu(0x00, 0x22, 0xC1, 0xA4, std::move(data)));
    if (!response) return response.error();
    if (!response->data().empty()) return cardError("MSE:Set AT for the PIN answered with data");
    pinState_ = pinStateFromStatusWord(response->sw());
    if (!pinState_) return cardError("MSE:Set AT for the PIN answered " + describe(response->sw()));
    return *pinState_;
}

// One chained General Authenticate step (1 to 3): sends 7C{tag value} (7C{} for tag 0) and
// returns the value of the answer's only data object, which must carry `expected`.
Result<Bytes> PaceChannel::generalAuthenticate(std::uint8_t tag, ByteView value,
                                               std::uint8_t expected) {
    const Bytes inner = tag ? asn1::encode(tag, value) : Bytes{};
    CommandApdu command(0x10, 0x86, 0x00, 0x00, asn1::encode(0x7C, inner),
                        CommandApdu::kShortMaxLe);
    auto response = card_.transmit(command);
    if (!response) return response.error();
    if (!response->isSuccess()) {
        return makeError(ErrorCode::CardError, "PACE failed",
                         "General Authenticate answered " + describe(response->sw()));
    }
    auto outer = asn1::readOne(response->data());
    if (!outer || outer->tag != 0x7C) return cardError("General Authenticate: no 7C object");
    auto children = outer->children();
    if (!children || children->empty() || (*children)[0].tag != expected)
        return cardError("General Authenticate: expected tag missing");
    if (children->size() != 1) return cardError("General Authenticate: unexpected data object");
    return Bytes((*children)[0].value.begin(), (*children)[0].value.end());
}

Error PaceChannel::mutualAuthenticationFailed(const ResponseApdu& response, PasswordType type) {
    const std::string detail =
        "General Authenticate (mutual authentication) answered " + describe(response.sw());
    if (type == PasswordType::Pin && response.isRetryCounter()) {
        pinState_ = pinStateFromStatusWord(response.sw());
        return makeError(ErrorCode::AuthenticationFailed, "The PIN is wrong", detail);
    }
    if (response.isRetryCounter() || response.is(StatusWord::AuthenticationFailed))
        return makeError(ErrorCode::AuthenticationFailed,
                         std::string("The ") + passwordName(type) + " is wrong", detail);
    if (response.is(StatusWord::ConditionsOfUseNotSatisfied) && type == PasswordType::Pin)
        return makeError(ErrorCode::AuthenticationFailed,
                         "The PIN is suspended. Enter the CAN first.", detail);
    if (response.is(StatusWord::AuthenticationMethodBlocked))
        return makeError(ErrorCode::AuthenticationFailed,
                         std::string("The ") + passwordName(type) + " is blocked", detail);
    return cardError(detail);
}

// The reader's error in the same words as a failed PACE on the host, with the password's name.
Error PaceChannel::readerPaceFailed(Error error, PasswordType type) const {
    if (error.code != ErrorCode::AuthenticationFailed) return error;
    if (type == PasswordType::Pin && pinState_ == PinState::Blocked)
        error.message = "The PIN is blocked. Unblock it with the PUK.";
    else if (type == PasswordType::Pin && pinState_ == PinState::Deactivated)
        error.message = "The online ID function of this card is switched off.";
    else if (type != PasswordType::Pin && error.message == "The PIN is wrong")
        error.message = std::string("The ") + passwordName(type) + " is wrong";
    else if (type != PasswordType::Pin && error.message == "The PIN is blocked")
        error.message = std::string("The ") + passwordName(type) + " is blocked";
    return error;
}

Result<PaceResult> PaceChannel::establishInReader(const PaceRequest& request,
                                                  const Bytes& certificateDescription) {
    readerpace::EstablishPaceChannelInput input;
    input.passwordId = static_cast<std::uint8_t>(request.passwordType);
    if (request.chat) input.chat = *request.chat;
    input.password = request.password;
    input.certificateDescription = certificateDescription;
    std::uint32_t readerResult = readerpace::kResultOk;
    auto output = readerpace::establishChannel(card_, input, &readerResult);
    if (!output) {
        // The reader passes on the card's answers: the PIN's state after MSE:Set AT or a failed
        // mutual authentication.
        for (auto step : {readerpace::kStepMseSetAt, readerpace::kStepMutualAuthentication}) {
            const auto sw = readerpace::cardStatus(readerResult, step);
            if (sw && request.passwordType == PasswordType::Pin) {
                if (auto state = pinStateFromStatusWord(*sw)) pinState_ = state;
            }
        }
        return readerPaceFailed(output.error(), request.passwordType);
    }
    PaceResult result;
    if (request.passwordType == PasswordType::Pin) {
        const auto before = pinStateFromStatusWord(output->mseSetAtStatus);
        if (!before)
            return cardError("reader PACE: MSE:Set AT answered " +
                             describe(output->mseSetAtStatus));
        result.pinState = before;
        pinState_ = PinState::Operational;
    }
    result.readerSecureMessaging = true;
    result.efCardAccess = std::move(output->efCardAccess);
    result.idPicc = std::move(output->idIcc);
    result.currentCar = std::move(output->currentCar);
    result.previousCar = std::move(output->previousCar);
    if (auto ok = checkCertificationAuthorities(result); !ok) return ok.error();
    return result;
}

Result<PaceResult> PaceChannel::establish(const PaceRequest& request) {
    if (card_.hasReaderPace() && request.password.empty())
        return establishInReader(request, request.certificateDescription);
    if (!info_.parameterId || info_.mapping != PaceMapping::Generic)
        return makeError(ErrorCode::Unsupported, "This card's PACE variant is not supported",
                         "only generic mapping on standardized domain parameters");
    auto parameters = DomainParameters::standardized(*info_.parameterId);
    if (!parameters) return parameters.error();
    const BlockCipher cipher = info_.cipher;

    if (auto ok = setAuthenticationTemplate(request); !ok) return ok.error();
    const std::optional<PinState> pinStateBefore = pinState_;

    // Step 1: the card's nonce, encrypted with the password key.
    auto step1 = generalAuthenticate(0, {}, 0x80);
    if (!step1) return step1.error();
    const Bytes& encryptedNonce = *step1;
    if (encryptedNonce.size() != crypto::blockSize(cipher))
        return cardError("encrypted nonce is not one block");
    SecureBytes passwordKeyBytes = passwordKey(request, cipher);
    auto nonceBytes = crypto::decryptCbc(cipher, passwordKeyBytes.bytes(),
                                         Bytes(crypto::blockSize(cipher), 0), encryptedNonce);
    if (!nonceBytes) return nonceBytes.error();
    const SecureBytes nonce(view(*nonceBytes));
    wipe(*nonceBytes);

    // Step 2: generic mapping to a generator only both sides know.
    auto mappingKey = nextPrivateKey(*parameters);
    if (!mappingKey) return mappingKey.error();
    auto mappingPublic = parameters->publicKey(mappingKey->bytes());
    if (!mappingPublic) return mappingPublic.error();
    auto step2 = generalAuthenticate(0x81, *mappingPublic, 0x82);
    if (!step2) return step2.error();
    if (*step2 == *mappingPublic) return cardError("card echoed the mapping key");
    auto mapped = parameters->mapGeneric(nonce.bytes(), mappingKey->bytes(), *step2);
    if (!mapped) return mapped.error();

    // Step 3: ephemeral key agreement on the mapped generator.
    auto ephemeralKey = nextPrivateKey(*mapped);
    if (!ephemeralKey) return ephemeralKey.error();
    auto ephemeralPublic = mapped->publicKey(ephemeralKey->bytes());
    if (!ephemeralPublic) return ephemeralPublic.error();
    auto step3 = generalAuthenticate(0x83, *ephemeralPublic, 0x84);
    if (!step3) return step3.error();
    const Bytes cardPublic = *step3;
    if (cardPublic == *ephemeralPublic) return cardError("card echoed the ephemeral key");
    auto secret = mapped->sharedSecret(ephemeralKey->bytes(), cardPublic);
    if (!secret) return secret.error();

    PaceResult result;
    result.keys.cipher = cipher;
    result.keys.encryption =
        crypto::deriveKey(cipher, secret->bytes(), {}, crypto::KdfPurpose::Encryption);
    result.keys.mac = crypto::deriveKey(cipher, secret->bytes(), {}, crypto::KdfPurpose::Mac);

    // Step 4: exchange of authentication tokens over each other's ephemeral key.
    const std::uint8_t keyTag = mapped->publicKeyTag();
    auto terminalToken =
        authenticationToken(cipher, result.keys.mac.bytes(), info_.protocol, keyTag, cardPublic);
    auto expectedCardToken = authenticationToken(cipher, result.keys.mac.bytes(), info_.protocol,
                                                 keyTag, *ephemeralPublic);
    if (!terminalToken) return terminalToken.error();
    if (!expectedCardToken) return expectedCardToken.error();
    CommandApdu step4(0x00, 0x86, 0x00, 0x00,
                      asn1::encode(0x7C, asn1::encode(0x85, *terminalToken)),
                      CommandApdu::kShortMaxLe);
    auto response = card_.transmit(step4);
    if (!response) return response.error();
    if (!response->isSuccess()) return mutualAuthenticationFailed(*response, request.passwordType);
    // Re-read the answer with the strict parser (tags 86 and optional CARs).
    auto outer = asn1::readOne(response->data());
    if (!outer || outer->tag != 0x7C) return cardError("General Authenticate: no 7C object");
    auto children = outer->children();
    if (!children || children->empty() || (*children)[0].tag != 0x86)
        return cardError("General Authenticate: no authentication token");
    for (std::size_t i = 1; i < children->size(); ++i) {
        const auto& child = (*children)[i];
        const Bytes value(child.value.begin(), child.value.end());
        if (child.tag == 0x87 && i == 1)
            result.currentCar = value;
        else if (child.tag == 0x88 && i == children->size() - 1)
            result.previousCar = value;
        else
            return cardError("General Authenticate: unexpected data object");
    }
    if (!constantTimeEqual((*children)[0].value, *expectedCardToken))
        return makeError(ErrorCode::AuthenticationFailed, "The ID card could not be authenticated",
                         "PACE: card's authentication token does not verify");

    if (request.passwordType == PasswordType::Pin) pinState_ = PinState::Operational;
    result.pinState = pinStateBefore;
    result.idPicc = mapped->compress(cardPublic);
    result.cardEphemeralKey = cardPublic;
    if (auto ok = checkCertificationAuthorities(result); !ok) return ok.error();
    return result;
}

}  // namespace oa::eac
