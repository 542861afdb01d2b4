#include "app/StepObservingCard.h"

#include "app/PinManagementController.h"
#include "app/SelfReadController.h"
#include "card/ReaderPace.h"

namespace oa {
namespace {

// Instructions and MSE P1 values of TR-03110-3 / ISO 7816-4.
constexpr std::uint8_t kManageSecurityEnvironment = 0x22;
constexpr std::uint8_t kGeneralAuthenticate = 0x86;
constexpr std::uint8_t kResetRetryCounter = 0x2C;
constexpr std::uint8_t kPerformSecurityOperation = 0x2A;
constexpr std::uint8_t kGetChallenge = 0x84;
constexpr std::uint8_t kExternalAuthenticate = 0x82;
constexpr std::uint8_t kReadBinary = 0xB0;
constexpr std::uint8_t kReadBinaryOddInstruction = 0xB1;
constexpr std::uint8_t kSetForMutualAuthentication = 0xC1;    // PACE
constexpr std::uint8_t kSetForExternalAuthentication = 0x81;  // TA
constexpr std::uint8_t kSetForInternalAuthentication = 0x41;  // CA

bool isPaceSetup(const CommandApdu& command) {
    return command.ins() == kManageSecurityEnvironment &&
           command.p1() == kSetForMutualAuthentication;
}

}  // namespace

StepObservingCard::StepObservingCard(Card& card, Classifier classify, Listener listener)
    : card_(card), classify_(std::move(classify)), listener_(std::move(listener)) {}

void StepObservingCard::observe(const CommandApdu& command) {
    const int step = classify_(command, reached_);
    if (step > reached_) {
        reached_ = step;
        listener_(step);
    }
}

Result<ResponseApdu> StepObservingCard::transmit(const CommandApdu& command) {
    observe(command);
    return card_.transmit(command);
}

Result<Bytes> StepObservingCard::controlReaderPace(ByteView command) {
    // bFunction(1) wLengthInputData(2) abData: only EstablishPACEChannel asks the pinpad.
    const bool establish =
        command.size() >= 3 &&
        command[0] == static_cast<std::uint8_t>(readerpace::Function::EstablishPaceChannel);
    if (!establish) return card_.controlReaderPace(command);
    const std::size_t length = command[1] | (command[2] << 8);
    const auto input = length <= command.size() - 3
                           ? readerpace::parseEstablishInput(command.subspan(3, length))
                           : Result<readerpace::EstablishPaceChannelInput>(makeError(
                                 ErrorCode::InvalidInput, "malformed EstablishPACEChannel"));
    const int passwordId = input ? input->passwordId : 0;
    observe(CommandApdu(0x00, kManageSecurityEnvironment, kSetForMutualAuthentication, 0xA4));
    if (pinpadListener_) pinpadListener_(passwordId, false, false);
    auto answer = card_.controlReaderPace(command);
    if (pinpadListener_) {
        const auto parsed = answer ? readerpace::parseAnswer(*answer)
                                   : Result<readerpace::ControlAnswer>(answer.error());
        pinpadListener_(passwordId, true, parsed && parsed->result == readerpace::kResultOk);
    }
    return answer;
}

Result<Bytes> StepObservingCard::controlModifyPin(ByteView structure) {
    observe(CommandApdu(0x00, kResetRetryCounter, 0x02, 0x03));
    if (pinpadListener_) pinpadListener_(kNewPin, false, false);
    auto answer = card_.controlModifyPin(structure);
    if (pinpadListener_) pinpadListener_(kNewPin, true, answer.ok());
    return answer;
}

StepObservingCard::Classifier StepObservingCard::pinManagementSteps() {
    return [](const CommandApdu& command, int) {
        if (command.ins() == kResetRetryCounter) return int(PinManagementController::Changing);
        if (isPaceSetup(command) || command.ins() == kGeneralAuthenticate)
            return int(PinManagementController::Pace);
        return 0;
    };
}

StepObservingCard::Classifier StepObservingCard::selfAuthenticationSteps() {
    using Step = SelfReadController::Step;
    return [](const CommandApdu& command, int reached) {
        const auto ins = command.ins();
        if (reached < Step::TerminalAuthentication &&
            (isPaceSetup(command) || ins == kGeneralAuthenticate))
            return int(Step::Pace);
        if (ins == kPerformSecurityOperation || ins == kGetChallenge ||
            ins == kExternalAuthenticate ||
            (ins == kManageSecurityEnvironment && command.p1() == kSetForExternalAuthentication))
            return int(Step::TerminalAuthentication);
        if (reached >= Step::TerminalAuthentication &&
            ((ins == kManageSecurityEnvironment && command.p1() == kSetForInternalAuthentication) ||
             ins == kGeneralAuthenticate))
            return int(Step::ChipAuthentication);
        if (reached >= Step::ChipAuthentication &&
            (ins == kReadBinary || ins == kReadBinaryOddInstruction))
            return int(Step::Reading);
        return 0;
    };
}

}  // namespace oa
