#include "workflows/Interaction.h"

namespace oa::workflows {

const char* toString(AuthStep step) {
    switch (step) {
        case AuthStep::FetchTcToken:
            return "fetch TC token";
        case AuthStep::EvaluateTcToken:
            return "evaluate TC token";
        case AuthStep::ConnectEidServer:
            return "connect eID-Server";
        case AuthStep::StartPaos:
            return "StartPAOS";
        case AuthStep::CheckServiceCertificates:
            return "check service certificates";
        case AuthStep::Consent:
            return "consent";
        case AuthStep::Pace:
            return "PACE";
        case AuthStep::TerminalAuthentication:
            return "Terminal Authentication";
        case AuthStep::ChipAuthentication:
            return "Chip Authentication";
        case AuthStep::Transmit:
            return "Transmit";
        case AuthStep::FinishPaos:
            return "StartPAOSResponse";
        case AuthStep::CheckRefreshAddress:
            return "check refresh address";
        case AuthStep::Done:
            return "done";
    }
    return "?";
}

const char* toString(SecretKind kind) {
    switch (kind) {
        case SecretKind::Pin:
            return "PIN";
        case SecretKind::Can:
            return "CAN";
        case SecretKind::Puk:
            return "PUK";
    }
    return "?";
}

Error cancelledByUser(std::string detail) {
    return makeError(ErrorCode::Cancelled, "The authentication was cancelled.", std::move(detail));
}

}  // namespace oa::workflows
