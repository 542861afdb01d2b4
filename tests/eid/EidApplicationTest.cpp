// Reading files of the eID card in as few commands as the path allows, with and without extended
// length, and what an absent or forbidden file gives.
#include <catch2/catch.hpp>

#include "InProcessCard.h"
#include "eac/SecureMessagingCard.h"
#include "eid/EidApplication.h"
#include "eid/PinManagement.h"
#include "eid/SelfAuthentication.h"
#include "sim/pki/TestPki.h"

using namespace oa;
using namespace oa::eid;
using oa::test::InProcessCard;

namespace {

// A reader path without extended length (as many contactless readers), counting READ BINARY.
class ShortOnlyCard : public Card {
public:
    explicit ShortOnlyCard(Card& inner) : inner_(inner) {}
    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        if (command.isExtended()) {
            return makeError(ErrorCode::CardError, "extended APDU on a short-only path",
                             toHex(command.header()));
        }
        if (command.ins() == 0xB0) ++reads;
        return inner_.transmit(command);
    }
    const Bytes& atr() const override { return inner_.atr(); }
    std::string readerName() const override { return inner_.readerName(); }
    bool supportsExtendedLength() const override { return false; }
    int reads = 0;

private:
    Card& inner_;
};

// EF.CardSecurity under PACE's secure messaging, read the way the reader path allows.
Result<std::optional<Bytes>> readCardSecurity(Card& card) {
    PinManagement pins(card);
    auto paced = pins.authenticateWithPin(SecureBytes::fromAscii("123456"));
    REQUIRE(paced);
    eac::SecureMessagingCard secure(card,
                                    std::make_unique<eac::SecureMessaging>(std::move(paced->keys)));
    return readFileByShortId(secure, 0x1D, "EF.CardSecurity");
}

Result<SelfAuthenticationResult> selfRead(Card& card, std::vector<DataGroup> groups) {
    const auto& pki = sim::TestPki::builtIn();
    static const auto terminal =
        TerminalIdentity::fromMemory(pki.terminalChain(), pki.terminalKeyPkcs8());
    REQUIRE(terminal);
    auto trust = eac::CscaTrustList::fromPem(pki.cscaPem());
    REQUIRE(trust);
    SelfAuthentication session(card, *terminal, passiveAuthentication(std::move(*trust)));
    SelfAuthenticationRequest request;
    request.dataGroups = std::move(groups);
    request.pin = SecureBytes::fromAscii("123456");
    return session.run(request);
}

}  // namespace

TEST_CASE("Without extended length, files come in short pieces that fit secure messaging",
          "[eidapp]") {
    InProcessCard sim;
    auto whole = readCardSecurity(*sim.card);
    REQUIRE(whole);
    REQUIRE(whole->has_value());
    REQUIRE((*whole)->size() > 2 * 223);  // more than two short pieces

    sim.virtualCard->reset();
    ShortOnlyCard shortOnly(*sim.card);
    auto pieces = readCardSecurity(shortOnly);
    INFO((pieces ? std::string() : pieces.error().message + " / " + pieces.error().detail));
    REQUIRE(pieces);
    REQUIRE(pieces->has_value());
    CHECK(**pieces == **whole);
    CHECK(shortOnly.reads >= 3 + 1);  // EF.CardAccess once, EF.CardSecurity in pieces
}

TEST_CASE("With extended length, every file is one READ BINARY", "[eidapp]") {
    InProcessCard sim;
    class CountingCard : public Card {
    public:
        explicit CountingCard(Card& inner) : inner_(inner) {}
        Result<ResponseApdu> transmit(const CommandApdu& command) override {
            if (command.ins() == 0xB0 && command.isExtended()) ++extendedReads;
            return inner_.transmit(command);
        }
        const Bytes& atr() const override { return inner_.atr(); }
        std::string readerName() const override { return inner_.readerName(); }
        int extendedReads = 0;

    private:
        Card& inner_;
    } counting(*sim.card);
    auto result = selfRead(counting, {DataGroup::DG4, DataGroup::DG17});
    REQUIRE(result);
    CHECK(counting.extendedReads == 3);  // EF.CardSecurity, DG4, DG17
}

TEST_CASE("An absent file is nothing, a file without the right is a clear error", "[eidapp]") {
    InProcessCard sim;
    auto absent = readFileByShortId(*sim.card, 0x1B, "EF.ChipSecurity");
    REQUIRE(absent);
    CHECK_FALSE(absent->has_value());

    EidApplication application(*sim.card);
    REQUIRE(application.select());
    auto forbidden = application.readDataGroup(DataGroup::DG4);  // no PACE, no TA, no CA
    REQUIRE_FALSE(forbidden);
    CHECK(forbidden.error().code == ErrorCode::AuthenticationFailed);
    CHECK(forbidden.error().message.find("DG4") != std::string::npos);
}
