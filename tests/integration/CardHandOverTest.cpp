// How a card is left for the next program: other eID clients (AusweisApp2) connect and read
// EF.CardSecurity by short file identifier at once, assuming the master file is selected.
#include <catch2/catch.hpp>

#include "Harness.h"
#include "card/pcsc/PcscBackend.h"

using namespace oa;
using namespace oa::test;

namespace {

// The eID application (TR-03110 part 3, the AID of the German eID).
const CommandApdu kSelectEidApplication(0x00, 0xA4, 0x04, 0x0C, hexBytes("E80704007F00070302"));
// READ BINARY with P1 = 80 | SFI 1C: EF.CardAccess, which lives in the master file.
const CommandApdu kReadCardAccessBySfi(0x00, 0xB0, 0x9C, 0x00, {}, 256);

std::unique_ptr<Card> connectFirstReader(PcscBackend& backend) {
    auto card = backend.connect(kFirstReader);
    REQUIRE(card.ok());
    return std::move(*card);
}

ResponseApdu send(Card& card, const CommandApdu& command) {
    auto response = card.transmit(command);
    INFO(toHex(command.encode()));
    REQUIRE(response.ok());
    return *response;
}

}  // namespace

TEST_CASE("A connection that sent commands leaves the card reset for the next program", "[card]") {
    SimCard sim;
    PcscBackend ours;
    REQUIRE(waitUntil(5s, [&] { return cardPresent(ours, kFirstReader); }));
    {
        auto card = connectFirstReader(ours);
        REQUIRE(send(*card, kSelectEidApplication).isSuccess());
        // Inside the eID application the master file's EF.CardAccess is out of reach: this is the
        // state a next program must not inherit.
        CHECK(send(*card, kReadCardAccessBySfi).is(StatusWord::FileNotFound));
    }
    PcscBackend nextProgram;
    auto next = connectFirstReader(nextProgram);
    const ResponseApdu content = send(*next, kReadCardAccessBySfi);
    CHECK((content.isSuccess() || content.is(StatusWord::EndOfFileReached)));
    REQUIRE_FALSE(content.data().empty());
    CHECK(content.data().front() == 0x31);  // SecurityInfos is a SET
}

TEST_CASE("A connection that only looked leaves the card to the program using it", "[card]") {
    SimCard sim;
    PcscBackend user;
    REQUIRE(waitUntil(5s, [&] { return cardPresent(user, kFirstReader); }));
    auto card = connectFirstReader(user);
    REQUIRE(send(*card, kSelectEidApplication).isSuccess());
    {
        // Connect and go without a command, as a reader list or a second app that looks does.
        PcscBackend looker;
        auto looked = connectFirstReader(looker);
        CHECK_FALSE(looked->atr().empty());
    }
    // No reset happened: the user's connection goes on, still inside the eID application.
    auto response = card->transmit(kReadCardAccessBySfi);
    REQUIRE(response.ok());
    CHECK(response->is(StatusWord::FileNotFound));
}
