// Reader-side PACE on a comfort reader (PC/SC part 10 amendment 1), against a simulated reader:
// vpcd has no pinpad, so `ComfortReader` answers EXECUTE_PACE itself by running PACE with the
// in-process virtual card (the PIN comes from its "pinpad") and protects later APDUs with the
// channel's keys, as a real comfort reader does.
#include <catch2/catch.hpp>

#include "InProcessCard.h"
#include "TestTerminal.h"
#include "card/ReaderPace.h"
#include "crypto/Hash.h"
#include "eac/CardAccessReader.h"
#include "eac/PaceChannel.h"
#include "eac/SecureMessagingCard.h"
#include "eid/EidApplication.h"
#include "eid/PinManagement.h"

using namespace oa;
using namespace oa::test;
namespace rp = oa::readerpace;

namespace {

constexpr std::uint8_t kCardSecurity = 0x1D;

class ComfortReader : public Card {
public:
    explicit ComfortReader(Card& inner) : inner_(inner) {}

    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        if (channel_) return channel_->transmit(command);
        return inner_.transmit(command);
    }
    const Bytes& atr() const override { return inner_.atr(); }
    std::string readerName() const override { return "Comfort reader with pinpad"; }
    bool hasReaderPace() const override { return true; }

    Result<Bytes> controlReaderPace(ByteView command) override {
        ++controls;
        if (garbage) return *garbage;
        if (command.size() < 3) return answer(rp::kResultInconsistentInput, {});
        const std::size_t length = command[1] | std::size_t{command[2]} << 8;
        if (command.size() != 3 + length) return answer(rp::kResultInconsistentInput, {});
        const ByteView input = command.subspan(3);
        switch (static_cast<rp::Function>(command[0])) {
            case rp::Function::GetReaderPaceCapabilities:
                return answer(rp::kResultOk,
                              Bytes{0x01, rp::kCapabilityGenericPace | rp::kCapabilityEid |
                                              rp::kCapabilityDestroyChannel});
            case rp::Function::EstablishPaceChannel:
                return establish(input);
            case rp::Function::DestroyPaceChannel:
                channel_.reset();
                return answer(rp::kResultOk, {});
        }
        return answer(rp::kResultInconsistentInput, {});
    }

    std::optional<std::string> pinpad = "123456";  // nothing: the user cancels on the pinpad
    std::optional<Bytes> garbage;                  // answered instead of EXECUTE_PACE
    std::optional<rp::EstablishPaceChannelInput> lastInput;
    int controls = 0;

private:
    static Bytes answer(std::uint32_t result, const Bytes& data) {
        Bytes out{
            static_cast<std::uint8_t>(result),       static_cast<std::uint8_t>(result >> 8),
            static_cast<std::uint8_t>(result >> 16), static_cast<std::uint8_t>(result >> 24),
            static_cast<std::uint8_t>(data.size()),  static_cast<std::uint8_t>(data.size() >> 8)};
        append(out, data);
        return out;
    }

    static std::uint16_t statusWord(eac::PinState state) {
        switch (state) {
            case eac::PinState::Operational:
                return 0x9000;
            case eac::PinState::OneFailure:
                return 0x63C2;
            case eac::PinState::Suspended:
                return 0x63C1;
            case eac::PinState::Blocked:
                return 0x63C0;
            case eac::PinState::Deactivated:
                return 0x6283;
        }
        return 0x6F00;
    }

    Result<Bytes> establish(ByteView bytes) {
        auto input = rp::parseEstablishInput(bytes);
        if (!input) return answer(rp::kResultInconsistentInput, {});
        lastInput = *input;
        channel_.reset();
        if (!eid::selectMasterFile(inner_)) return answer(rp::kResultCommunicationAbort, {});
        auto cardAccess = eac::readEfCardAccess(inner_);
        if (!cardAccess) return answer(rp::kResultCommunicationAbort, {});
        auto infos = eac::SecurityInfos::parse(*cardAccess);
        if (!infos) return answer(0xE0000001, {});
        auto info = infos->choosePace();
        if (!info) return answer(0xE0000008, {});
        eac::PaceRequest request;
        request.passwordType = static_cast<eac::PasswordType>(input->passwordId);
        if (input->password.empty()) {
            if (!pinpad) return answer(rp::kResultCancelled, {});
            request.password = SecureBytes::fromAscii(*pinpad);
        } else {
            request.password = input->password;
        }
        if (!input->chat.empty()) request.chat = input->chat;
        if (!input->certificateDescription.empty())
            request.certificateDescriptionHash =
                crypto::hash(crypto::HashAlgorithm::Sha256, input->certificateDescription);
        eac::PaceChannel pace(inner_, *info);
        auto paced = pace.establish(request);
        if (!paced) {
            if (pace.pinState() && paced.error().code == ErrorCode::AuthenticationFailed) {
                const std::uint32_t step = pace.pinState() == eac::PinState::Blocked ||
                                                   pace.pinState() == eac::PinState::Deactivated
                                               ? rp::kStepMseSetAt
                                               : rp::kStepMutualAuthentication;
                return answer(rp::kResultCardErrorBase | step << 16 | statusWord(*pace.pinState()),
                              {});
            }
            return answer(rp::kResultCardErrorBase | rp::kStepMutualAuthentication << 16 | 0x6300,
                          {});
        }
        rp::EstablishPaceChannelOutput output;
        output.mseSetAtStatus = paced->pinState ? statusWord(*paced->pinState) : 0x9000;
        output.efCardAccess = *cardAccess;
        output.currentCar = paced->currentCar;
        output.previousCar = paced->previousCar;
        output.idIcc = paced->idPicc;
        channel_ = std::make_unique<eac::SecureMessagingCard>(
            inner_, std::make_unique<eac::SecureMessaging>(std::move(paced->keys)));
        return answer(rp::kResultOk, rp::encodeEstablishOutput(output));
    }

    Card& inner_;
    std::unique_ptr<eac::SecureMessagingCard> channel_;
};

eac::PaceInfo paceInfo(Card& card) {
    auto infos = eac::readCardAccess(card);
    REQUIRE(infos);
    auto info = infos->choosePace();
    REQUIRE(info);
    return *info;
}

eac::PaceRequest pinpadRequest() {
    eac::PaceRequest request;
    request.passwordType = eac::PasswordType::Pin;
    request.chat = hexBytes("7F4C12060904007F0007030102025305000513FF00");
    return request;
}

}  // namespace

TEST_CASE("A comfort reader reports its PACE capabilities", "[comfort]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    auto capabilities = rp::readerCapabilities(reader);
    REQUIRE(capabilities);
    CHECK((*capabilities & rp::kCapabilityGenericPace) != 0);
    CHECK((*capabilities & rp::kCapabilityEid) != 0);

    auto plain = rp::readerCapabilities(*sim.card);
    REQUIRE_FALSE(plain);
    CHECK(plain.error().code == ErrorCode::Unsupported);
}

TEST_CASE("PACE on the comfort reader: the PIN stays on the pinpad, the results feed EAC",
          "[comfort]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    eac::PaceChannel pace(reader, paceInfo(reader));
    auto paced = pace.establish(pinpadRequest());
    INFO((paced ? "" : paced.error().message + " | " + paced.error().detail));
    REQUIRE(paced);
    REQUIRE(reader.lastInput);
    CHECK(reader.lastInput->password.empty());  // the host sent no PIN
    CHECK(reader.lastInput->passwordId == 3);
    CHECK(reader.lastInput->chat == *pinpadRequest().chat);
    CHECK(paced->readerSecureMessaging);
    CHECK(paced->keys.encryption.empty());
    CHECK_FALSE(paced->idPicc.empty());
    CHECK(paced->currentCar);  // a CHAT was sent: the card names its CVCA
    CHECK(paced->pinState == eac::PinState::Operational);
    CHECK_FALSE(paced->efCardAccess.empty());
    CHECK(eac::SecurityInfos::parse(paced->efCardAccess));
    CHECK(sim.virtualCard->secureMessagingActive());

    // The reader protects what follows: EF.CardSecurity needs secure messaging.
    auto file = eid::readFileByShortId(reader, kCardSecurity, "EF.CardSecurity");
    INFO((file ? "" : file.error().message + " | " + file.error().detail));
    REQUIRE(file);
    REQUIRE(*file);
    CHECK((*file)->size() > 100);
}

TEST_CASE("A wrong PIN on the pinpad is reported with the card's new PIN state", "[comfort]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    reader.pinpad = "999999";
    eac::PaceChannel pace(reader, paceInfo(reader));
    auto paced = pace.establish(pinpadRequest());
    REQUIRE_FALSE(paced);
    CHECK(paced.error().code == ErrorCode::AuthenticationFailed);
    CHECK(paced.error().message == "The PIN is wrong");
    CHECK(pace.pinState() == eac::PinState::OneFailure);

    // The next PACE on the same reader with the right PIN works and resets the counter.
    reader.pinpad = "123456";
    auto again = pace.establish(pinpadRequest());
    REQUIRE(again);
    CHECK(again->pinState == eac::PinState::OneFailure);
    CHECK(pace.pinState() == eac::PinState::Operational);
}

TEST_CASE("Cancelling on the pinpad ends PACE as cancelled by the user", "[comfort]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    reader.pinpad.reset();
    eac::PaceChannel pace(reader, paceInfo(reader));
    auto paced = pace.establish(pinpadRequest());
    REQUIRE_FALSE(paced);
    CHECK(paced.error().code == ErrorCode::Cancelled);
    CHECK(paced.error().message == "The PIN entry was cancelled on the reader.");
}

TEST_CASE("A PIN typed on the keyboard still runs PACE on the host", "[comfort]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    eac::PaceChannel pace(reader, paceInfo(reader));
    auto request = pinpadRequest();
    request.password = secret("123456");
    auto paced = pace.establish(request);
    REQUIRE(paced);
    CHECK_FALSE(paced->readerSecureMessaging);
    CHECK_FALSE(paced->keys.encryption.empty());
    CHECK(reader.controls == 0);
}

TEST_CASE("Broken EXECUTE_PACE answers from the reader are refused", "[comfort]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    const eac::PaceInfo info = paceInfo(reader);
    const Bytes broken = GENERATE(Bytes{}, hexBytes("000000"), hexBytes("000000000500"),
                                  hexBytes("00000000020090"), hexBytes("0000000000000000"),
                                  // success, but the output lacks IDicc
                                  hexBytes("000000000900"
                                           "9000"
                                           "0100"
                                           "31"
                                           "00"
                                           "00"
                                           "0000"));
    reader.garbage = broken;
    eac::PaceChannel pace(reader, info);
    auto paced = pace.establish(pinpadRequest());
    INFO(toHex(broken));
    REQUIRE_FALSE(paced);
    CHECK(paced.error().code == ErrorCode::InvalidInput);
    CHECK(paced.error().message == "The card reader sent an invalid answer");
}
