#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "base/SecureBytes.h"
#include "eac/CscaTrustList.h"
#include "eac/DomainParameters.h"
#include "eac/SecurityInfos.h"
#include "eid/DataGroup.h"
#include "eid/EidData.h"
#include "sim/world/SecureApduBatch.h"
#include "sim/world/ServerPaos.h"
#include "sim/world/ServiceCertificates.h"

namespace oa::sim {

// The messages the eID-Server sends, in protocol order.
enum class PaosStep {
    InitializeFramework,
    Eac1,                // DIDAuthenticate(EAC1InputType)
    Eac2,                // DIDAuthenticate(EAC2InputType)
    EacAdditionalInput,  // DIDAuthenticate(EACAdditionalInputType)
    Transmit,
    StartPaosResponse,
};
QString toString(PaosStep step);
std::optional<PaosStep> paosStepFromName(const QString& name);  // "eac1", "transmit", ...

// Which terminal certificate the eID-Server authenticates with: the demo eService's, or the PIN
// reset service's (CAN allowed and PIN management, online-protocols §8.3).
enum class TerminalProfile { EService, PinReset };

// What the eService asks the eID-Server to read.
struct EidRequest {
    std::vector<eid::DataGroup> required = {
        eid::DataGroup::DG1, eid::DataGroup::DG3, eid::DataGroup::DG4, eid::DataGroup::DG5,
        eid::DataGroup::DG8, eid::DataGroup::DG9, eid::DataGroup::DG17};
    std::vector<eid::DataGroup> optional = {eid::DataGroup::DG7, eid::DataGroup::DG10,
                                            eid::DataGroup::DG13};
    // Age verification: born on or before this day (YYYYMMDD); document validity: still valid
    // on this day. Each becomes auxiliary data, a required right and a VERIFY through Transmit.
    std::optional<std::string> bornOnOrBefore;
    std::optional<std::string> validOn;
    std::optional<Bytes> authenticatedAuxiliaryData;  // built from the two above when absent
    std::optional<QString> transactionInfo;
    TerminalProfile terminal = TerminalProfile::EService;
    // PinReset only, done through Transmit under secure messaging after reading: RESET RETRY
    // COUNTER (00 2C 02 03) to this 6-digit PIN, and ACTIVATE eID (00 44 10 03).
    std::optional<SecureBytes> newPin;
    bool activateEid = false;
};

// What a PIN reset service asks (online-protocols §8.2): names and address, within the PIN reset
// terminal's rights (DG4, DG5, DG13, DG17).
EidRequest pinResetRequest();

// How a session deviates from the script (tests of the client).
struct SessionBehaviour {
    bool initializeFramework = true;
    // EAC2InputType without Signature; the signature follows in EACAdditionalInputType.
    bool signInAdditionalInput = false;
    // Instead of this message, the server ends with an error StartPAOSResponse (or, with
    // closeConnection, drops the connection without an answer).
    std::optional<PaosStep> abortInsteadOf;
    bool abortByClosingConnection = false;
    // Hands out this certificate description instead of the one the terminal certificate names.
    std::optional<Bytes> certificateDescriptionOverride;
};

// What the session learned: for the eService's refresh page.
struct EidSessionResult {
    bool finished = false;
    bool ok = false;
    std::string error;  // what went wrong, for people
    std::string errorDetail;
    std::vector<eid::DataGroup> read;
    std::vector<eid::DataGroup> absent;      // the card has no such file
    std::vector<eid::DataGroup> notAllowed;  // deselected by the user or refused by the card
    eid::EidData data;
    std::string documentSigner;
    std::optional<bool> ageVerified;       // VERIFY of id-DateOfBirth: 9000 true, 6300 false
    std::optional<bool> documentValidity;  // VERIFY of id-DateOfExpiry
    bool pinSet = false;                   // RESET RETRY COUNTER with the new PIN answered 9000
    bool eidActivated = false;             // ACTIVATE eID answered 9000
};

// The server side of one online authentication (TR-03130 as the client sees it): a state
// machine fed one client PAOS message at a time, answering with the next server message.
// Terminal Authentication is signed with the terminal key; Chip Authentication and passive
// authentication of EF.CardSecurity are verified; the data groups are read with secure
// messaging under the CA keys through Transmit.
class EidSession {
public:
    struct Reply {
        QByteArray body;
        PaosStep step = PaosStep::StartPaosResponse;
        bool closeConnection = false;  // answer nothing, drop the connection
    };

    EidSession(QString sessionIdentifier, EidRequest request,
               std::shared_ptr<const ServiceCertificates> certificates, eac::CscaTrustList trust,
               SessionBehaviour behaviour = {});
    ~EidSession();

    Reply handle(QByteArrayView clientMessage);

    const QString& sessionIdentifier() const { return sessionIdentifier_; }
    const EidRequest& request() const { return request_; }
    const EidSessionResult& result() const { return result_; }
    bool finished() const { return result_.finished; }
    // The server messages sent so far.
    const std::vector<PaosStep>& stepsSent() const { return steps_; }

private:
    enum class State {
        AwaitStartPaos,
        AwaitInitializeFrameworkResponse,
        AwaitEac1Output,
        AwaitChallenge,
        AwaitEac2Output,
        AwaitTransmitResponse,
        Done,
    };
    struct FileRead;

    Reply dispatch(const ClientMessage& message);
    Reply onStartPaos(const ClientMessage& message);
    Reply sendEac1(const ClientMessage& message);
    Reply onEac1Output(const ClientMessage& message);
    Reply sendSignature(const ClientMessage& message, ByteView challenge, bool additional);
    Reply onEac2Output(const ClientMessage& message);
    Reply onTransmitResponse(const ClientMessage& message);
    Reply sendNextReads(const ClientMessage& message);
    Result<void> chooseChipAuthentication(ByteView efCardAccess);
    Result<void> verifyChip(const ClientMessage& message);
    void acceptFileAnswer(FileRead& file, const ResponseApdu& response);
    void addVerifications(std::vector<CommandApdu>& commands);
    Result<void> acceptOtherAnswer(int kind, const ResponseApdu& response);
    Result<void> checkPinManagementRequest() const;
    bool pinManagementDue() const;
    Reply sendPinManagement(const ClientMessage& message);
    Reply sendProtected(const std::vector<CommandApdu>& commands, const ClientMessage& message);

    Reply send(PaosStep step, const QString& relatesTo,
               const std::function<QByteArray(ServerMessageWriter&)>& write);
    Reply fail(const QString& relatesTo, const std::string& message, const std::string& detail,
               const QString& minor = {});
    Reply finishOk(const QString& relatesTo);

    QString sessionIdentifier_;
    EidRequest request_;
    std::shared_ptr<const ServiceCertificates> certificates_;
    eac::CscaTrustList trust_;
    SessionBehaviour behaviour_;

    State state_ = State::AwaitStartPaos;
    QString lastMessageId_;
    std::vector<PaosStep> steps_;
    EidSessionResult result_;

    // EAC
    Bytes effectiveChat_;
    Bytes efCardAccess_;
    Bytes idPicc_;
    std::optional<eac::SecurityInfos> cardAccess_;
    std::optional<eac::ChipAuthenticationInfo> caInfo_;
    std::optional<eac::DomainParameters> caParameters_;
    SecureBytes ephemeralPrivate_;
    Bytes ephemeralPublic_;
    std::unique_ptr<SecureApduBatch> secure_;

    // Reading
    std::vector<FileRead> files_;
    std::vector<std::pair<std::size_t, int>>
        pending_;  // (file index, -1 for SELECT / chunk offset)
    bool pinManagementSent_ = false;
};

}  // namespace oa::sim
