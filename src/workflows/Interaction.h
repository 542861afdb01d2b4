#pragma once

#include <optional>
#include <string>
#include <vector>

#include <QUrl>

#include "base/Result.h"
#include "base/SecureBytes.h"
#include "card/ReaderInfo.h"
#include "eac/Chat.h"
#include "eid/PinStatus.h"
#include "net/EcardResult.h"

namespace oa::workflows {

// The steps of the online authentication (TR-03124-1 2.5; §2.2 of our digest), in their order.
enum class AuthStep {
    FetchTcToken,
    EvaluateTcToken,
    ConnectEidServer,
    StartPaos,
    CheckServiceCertificates,
    Consent,
    Pace,
    TerminalAuthentication,
    ChipAuthentication,
    Transmit,
    FinishPaos,
    CheckRefreshAddress,
    Done,
};
const char* toString(AuthStep step);

// What the user is shown before the PIN (TR-03124-1 3.6): who asks, why, and for which rights.
struct ConsentRequest {
    std::string providerName;  // subjectName of the CertificateDescription
    std::string providerUrl;   // subjectURL
    std::string issuerName;
    std::string issuerUrl;
    std::string termsOfUsage;  // plain text or HTML source
    std::string purpose;       // the "purpose" paragraph of plain-text terms, if they have one
    Bytes authenticatedAuxiliaryData;  // 67 object of EAC1 (age, validity, community), or empty
    std::string transactionInfo;
    std::string validFrom, validUntil;  // of the terminal certificate, YYYY-MM-DD
    std::vector<eac::AccessRight> requiredRights;
    std::vector<eac::AccessRight> optionalRights;  // the user may switch these off
    // CAN-allowed mode (online-protocols §8.3, e.g. a PIN reset service): the card is opened with
    // the CAN printed on it instead of the PIN.
    bool canAllowedMode = false;
};

// The user's answer: the optional rights switched off. Required rights cannot be refused except
// by cancelling.
struct Consent {
    std::vector<eac::AccessRight> deselected;
};

enum class SecretKind { Pin, Can, Puk };
const char* toString(SecretKind kind);

struct SecretRequest {
    SecretKind kind = SecretKind::Pin;
    eid::PinStatusMessage pinStatus;  // what the card said about the PIN before this request
    int attempt = 1;                  // counts the requests of this kind in one authentication
    bool canAllowedMode = false;      // a Can that replaces the PIN, not one that resumes it
    // The reader has a pinpad and runs PACE itself: the face tells the user to type the secret on
    // the reader and answers with an empty SecureBytes (or Cancelled); the secret never reaches
    // the host. The workflow's next progress() means the reader has taken it.
    bool onReaderPinpad = false;
};

// How an authentication ended: where the browser goes, or the error page when there is nowhere.
struct AuthOutcome {
    net::BrowserResult result = net::BrowserResult::failure(net::BrowserResultMinor::ClientError);
    QUrl redirectUrl;            // with ResultMajor/ResultMinor; empty: show an error page
    int errorPageStatus = 0;     // 400 or 404 when redirectUrl is empty
    std::optional<Error> error;  // what went wrong, in user words with the technical cause

    bool ok() const { return result.ok && !error; }
};

// The one way any face (GUI, SDK, CLI, tests) answers the authentication workflow. The workflow
// calls these from its worker thread and waits for the answer; a face that lives on another
// thread blocks here until the user has answered. Every question may be answered with an error
// of code Cancelled, and cancelRequested() is asked between all steps.
class Interaction {
public:
    virtual ~Interaction() = default;

    // Which of the readers to use; called again when the chosen reader has no card yet.
    virtual Result<std::string> chooseReader(const std::vector<ReaderInfo>& readers) = 0;
    // The workflow waits for a card in `reader` (card removed, or none inserted yet).
    virtual void waitingForCard(const std::string& reader) = 0;
    virtual Result<Consent> askConsent(const ConsentRequest& request) = 0;
    virtual Result<SecureBytes> askSecret(const SecretRequest& request) = 0;
    virtual void progress(AuthStep step) = 0;
    virtual void finished(const AuthOutcome& outcome) = 0;
    // Thread-safe; true once the user wants to stop.
    virtual bool cancelRequested() const = 0;
    // The card left the reader before PACE was done (a bad card position, e.g. on NFC). true: the
    // user put it back and PACE starts over; false (default): the workflow ends.
    virtual bool resumeAfterCardRemoved() { return false; }
};

Error cancelledByUser(std::string detail = {});

}  // namespace oa::workflows
