// Reader-side PACE on a comfort reader (PC/SC part 10 amendment 1), against the simulated
// comfort reader of tests/common/ComfortReader.h.
#include <catch2/catch.hpp>

#include "ComfortReader.h"
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
    reader.pinpad().type("999999");
    eac::PaceChannel pace(reader, paceInfo(reader));
    auto paced = pace.establish(pinpadRequest());
    REQUIRE_FALSE(paced);
    CHECK(paced.error().code == ErrorCode::AuthenticationFailed);
    CHECK(paced.error().message == "The PIN is wrong");
    CHECK(pace.pinState() == eac::PinState::OneFailure);

    // The next PACE on the same reader with the right PIN works and resets the counter.
    auto again = pace.establish(pinpadRequest());
    REQUIRE(again);
    CHECK(again->pinState == eac::PinState::OneFailure);
    CHECK(pace.pinState() == eac::PinState::Operational);
}

TEST_CASE("Cancelling on the pinpad ends PACE as cancelled by the user", "[comfort]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    reader.pinpad().cancel();
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

TEST_CASE("The comfort reader passes protected APDUs on and wraps plain ones", "[comfort]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    eac::PaceChannel pace(reader, paceInfo(reader));
    REQUIRE(pace.establish(pinpadRequest()));
    REQUIRE(reader.channelOpen());

    // A command that claims to be protected goes to the card unchanged; the card cannot open it,
    // so its secure messaging ends. The reader learns of it only from the next answer it cannot
    // open, and then drops its channel too.
    auto forged = reader.transmit(CommandApdu(0x0C, 0xB0, 0x9D, 0x00, {}, 256));
    REQUIRE(forged);
    CHECK_FALSE(forged->isSuccess());
    CHECK_FALSE(sim.virtualCard->secureMessagingActive());
    CHECK(reader.channelOpen());
    auto wrapped = reader.transmit(CommandApdu(0x00, 0xB0, 0x9D, 0x00, {}, 256));
    REQUIRE_FALSE(wrapped);
    CHECK(wrapped.error().code == ErrorCode::SecureMessaging);
    CHECK_FALSE(reader.channelOpen());
    auto plain = reader.transmit(CommandApdu(0x00, 0xB0, 0x9D, 0x00, {}, 256));
    REQUIRE(plain);
    CHECK(plain->is(StatusWord::SecurityStatusNotSatisfied));  // EF.CardSecurity needs SM
}

TEST_CASE("DestroyPACEChannel ends the comfort reader's secure messaging", "[comfort]") {
    InProcessCard sim;
    ComfortReader reader(*sim.card);
    eac::PaceChannel pace(reader, paceInfo(reader));
    REQUIRE(pace.establish(pinpadRequest()));
    REQUIRE(reader.channelOpen());
    auto destroyed = reader.controlReaderPace(
        readerpace::encodeCommand(readerpace::Function::DestroyPaceChannel, {}));
    REQUIRE(destroyed);
    auto answer = readerpace::parseAnswer(*destroyed);
    REQUIRE(answer);
    CHECK(answer->result == readerpace::kResultOk);
    CHECK_FALSE(reader.channelOpen());
}

TEST_CASE("The comfort reader backend lists a pinpad reader and connects through it", "[comfort]") {
    ComfortReaderBackend backend;
    auto readers = backend.readers();
    REQUIRE(readers);
    REQUIRE(readers->size() == 1);
    CHECK(readers->front().name == ComfortReaderBackend::kReaderName);
    CHECK(readers->front().pinpad);
    CHECK(readers->front().cardPresent);
    auto card = backend.connect(ComfortReaderBackend::kReaderName);
    REQUIRE(card);
    CHECK((*card)->hasReaderPace());
    CHECK((*card)->hasPinpadModify());
    backend.pinpad().type("123456");
    eac::PaceChannel pace(**card, paceInfo(**card));
    REQUIRE(pace.establish(pinpadRequest()));
    CHECK(backend.pinpad().prompts() == std::vector<Pinpad::Prompt>{Pinpad::Prompt::Pin});
    CHECK_FALSE(backend.traffic().contains(asciiBytes("123456")));

    backend.simulator().removeCard();
    auto after = (*card)->transmit(CommandApdu(0x00, 0xB0, 0x9D, 0x00, {}, 256));
    REQUIRE_FALSE(after);
    CHECK(after.error().code == ErrorCode::CardRemoved);
}
