// Our client against the project's virtual eID card, in-process through the simulator reader:
// the path the demo mode and the workflows take.
#include <catch2/catch.hpp>

#include "card/sim/SimulatorBackend.h"
#include "eac/CardAccessReader.h"
#include "eac/PaceChannel.h"
#include "eac/SecureMessagingCard.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace oa::eac;

namespace {

std::unique_ptr<Card> connect(SimulatorBackend& backend) {
    auto card = backend.connect(SimulatorBackend::kReaderName);
    REQUIRE(card);
    return std::move(*card);
}

Result<PaceResult> runPace(Card& card, PasswordType type, const char* password) {
    auto infos = readCardAccess(card);
    REQUIRE(infos);
    auto info = infos->choosePace();
    REQUIRE(info);
    PaceChannel pace(card, *info);
    PaceRequest request;
    request.passwordType = type;
    request.password = SecureBytes::fromAscii(password);
    return pace.establish(request);
}

const Bytes kSelectEid = hexBytes("00A4040C09E80704007F00070302");

}  // namespace

TEST_CASE("PACE with PIN and CAN against the virtual card, then a protected SELECT",
          "[virtualcard]") {
    for (const char* profile : {"mustermann", "mustermann-p384", "mustermann-p512"}) {
        INFO(profile);
        auto profileData = sim::builtInProfile(profile);
        REQUIRE(profileData);
        SimulatorBackend backend(std::make_shared<VirtualCard>(*profileData));
        auto card = connect(backend);
        for (auto [type, password] :
             {std::pair{PasswordType::Pin, "123456"}, std::pair{PasswordType::Can, "500540"}}) {
            backend.card()->reset();  // a fresh session: EF.CardAccess is read without SM
            auto result = runPace(*card, type, password);
            INFO((result ? std::string() : result.error().detail));
            REQUIRE(result);
            SecureMessagingCard secure(*card,
                                       std::make_unique<SecureMessaging>(std::move(result->keys)));
            auto select = secure.transmit(*CommandApdu::parse(kSelectEid));
            REQUIRE(select);
            CHECK(select->isSuccess());
            CHECK(backend.card()->secureMessagingActive());
        }
    }
}

TEST_CASE("A wrong PIN at the virtual card lowers the retry counter PACE reports",
          "[virtualcard]") {
    SimulatorBackend backend;
    auto card = connect(backend);
    auto wrong = runPace(*card, PasswordType::Pin, "111111");
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::AuthenticationFailed);

    auto infos = readCardAccess(*card);
    REQUIRE(infos);
    PaceChannel pace(*card, *infos->choosePace());
    auto state = pace.queryPinState();
    REQUIRE(state);
    CHECK(*state == PinState::OneFailure);

    auto right = runPace(*card, PasswordType::Pin, "123456");
    REQUIRE(right);
    CHECK(right->pinState == PinState::OneFailure);
}

TEST_CASE("Changing the PIN under SM at the virtual card takes effect", "[virtualcard]") {
    SimulatorBackend backend;
    auto card = connect(backend);
    auto result = runPace(*card, PasswordType::Pin, "123456");
    REQUIRE(result);
    {
        SecureMessagingCard secure(*card,
                                   std::make_unique<SecureMessaging>(std::move(result->keys)));
        REQUIRE(secure.transmit(*CommandApdu::parse(kSelectEid)));
        auto change = secure.transmit(CommandApdu(0x00, 0x2C, 0x02, 0x03, asciiBytes("654321")));
        REQUIRE(change);
        CHECK(change->isSuccess());
    }
    backend.card()->reset();
    CHECK_FALSE(runPace(*card, PasswordType::Pin, "123456"));
    CHECK(runPace(*card, PasswordType::Pin, "654321"));
}
