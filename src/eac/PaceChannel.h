#pragma once

#include <cstdint>
#include <deque>
#include <optional>

#include "base/Bytes.h"
#include "base/Result.h"
#include "base/SecureBytes.h"
#include "card/Card.h"
#include "eac/DomainParameters.h"
#include "eac/PinState.h"
#include "eac/SecurityInfos.h"
#include "eac/SessionKeys.h"

namespace oa::eac {

// Password references of MSE:Set AT (TR-03110 Part 3 D.2.1.2).
enum class PasswordType : std::uint8_t { Mrz = 1, Can = 2, Pin = 3, Puk = 4 };

struct PaceRequest {
    PasswordType passwordType = PasswordType::Pin;
    // MRZ: the MRZ information (document number, date of birth, date of expiry, each with check
    // digit, ASCII); CAN, PIN, PUK: the digits as ASCII.
    SecureBytes password;
    // Complete CHAT data object (7F4C ...) for an authentication terminal, sent in MSE:Set AT.
    std::optional<Bytes> chat;
    // Hash of the certificate description, sent as certificate extension (tag 65, id-description)
    // so the card can bind the description to the session. Only with a CHAT.
    std::optional<Bytes> certificateDescriptionHash;
    // The complete certificate description (DER) for a comfort reader's own PACE: the reader
    // hashes it for the card and may show it on its display (PC/SC part 10 amendment 1).
    Bytes certificateDescription;
    // Tag 84 (domain parameter ID) in MSE:Set AT; ICAO's example omits it, real clients send it.
    bool sendParameterId = true;
};

struct PaceResult {
    SessionKeys keys;
    Bytes idPicc;                      // Comp(PK_PICC), signed in Terminal Authentication
    Bytes cardEphemeralKey;            // PK_PICC
    std::optional<Bytes> currentCar;   // GA4 tag 87, only after a CHAT was sent
    std::optional<Bytes> previousCar;  // GA4 tag 88
    std::optional<PinState> pinState;  // from MSE:Set AT, for PIN only
    // Reader-side PACE (comfort reader): `keys` stay empty, the reader protects the APDUs that
    // follow itself, and efCardAccess is the file as the reader read it.
    bool readerSecureMessaging = false;
    Bytes efCardAccess;
};

// PACE v2 with generic mapping, terminal side (TR-03110 Part 2 3.2, ICAO 9303-11 4.4), over any
// Card without secure messaging. Steps in order: MSE:Set AT, GA 1 (encrypted nonce), GA 2
// (mapping), GA 3 (key agreement), GA 4 (mutual authentication).
class PaceChannel {
public:
    PaceChannel(Card& card, PaceInfo info);

    // On a reader that runs PACE itself (Card::hasReaderPace()) an empty password means: the
    // user types it on the reader's pinpad, and the reader runs PACE (establishInReader, with
    // the request's certificate description).
    Result<PaceResult> establish(const PaceRequest& request);
    // EstablishPACEChannel on the reader (PC/SC part 10 amendment 1), with the CHAT and the
    // certificate description; the host never sees the password.
    Result<PaceResult> establishInReader(const PaceRequest& request,
                                         const Bytes& certificateDescription = {});
    // MSE:Set AT with the PIN reference and nothing else: reads the PIN state without a try.
    Result<PinState> queryPinState();
    // Last PIN state the card reported (MSE:Set AT or a failed GA 4), if any.
    std::optional<PinState> pinState() const { return pinState_; }

    // For reproducing published vectors: private keys to use instead of random ones, in the
    // order PACE draws them (SK_map, then the ephemeral key).
    void useTerminalKeysForTesting(std::deque<SecureBytes> keys) {
        injectedKeys_ = std::move(keys);
    }

private:
    Result<void> setAuthenticationTemplate(const PaceRequest& request);
    Result<Bytes> generalAuthenticate(std::uint8_t tag, ByteView value, std::uint8_t expected);
    Result<SecureBytes> nextPrivateKey(const DomainParameters& parameters);
    Error mutualAuthenticationFailed(const ResponseApdu& response, PasswordType type);
    Error readerPaceFailed(Error error, PasswordType type) const;

    Card& card_;
    PaceInfo info_;
    std::optional<PinState> pinState_;
    std::deque<SecureBytes> injectedKeys_;
};

}  // namespace oa::eac
