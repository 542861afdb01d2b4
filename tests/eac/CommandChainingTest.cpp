// Command chaining under secure messaging for readers without extended length: how the client
// splits, protects and sends the parts, and how failures in the middle of a chain end.
#include <catch2/catch.hpp>

#include "eac/SecureMessaging.h"
#include "eac/SecureMessagingCard.h"
#include "sim/card/CardSecureMessaging.h"

using namespace oa;
using namespace oa::eac;

namespace {

const char* kEncryptionKey = "F1234567890ABCDE";
const char* kMacKey = "1234567890ABCDEF";

std::unique_ptr<SecureMessaging> terminalSide() {
    return std::make_unique<SecureMessaging>(SessionKeys{crypto::BlockCipher::Aes128,
                                                         SecureBytes::fromAscii(kEncryptionKey),
                                                         SecureBytes::fromAscii(kMacKey)});
}

Bytes counting(std::size_t size) {
    Bytes data(size);
    for (std::size_t i = 0; i < size; ++i)
        data[i] = static_cast<std::uint8_t>(i);
    return data;
}

// The card's end of the channel: opens every protected part, remembers it, answers 9000 (or what
// the test asks for at one part) under secure messaging.
class ChainingCardSide : public Card {
public:
    explicit ChainingCardSide(bool extendedLength = false)
        : channel_(SecureBytes::fromAscii(kEncryptionKey), SecureBytes::fromAscii(kMacKey)),
          extendedLength_(extendedLength) {}

    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        const std::size_t index = sent.size();
        sent.push_back(command);
        if (command.isExtended() && !extendedLength_) {
            return makeError(ErrorCode::CardError, "extended APDU on a short-only path", "");
        }
        auto plain = channel_.unwrap(command);
        if (!plain) return ResponseApdu({}, plain.refusal());
        opened.push_back(*plain);
        if (index == unprotectedAnswerAt)
            return ResponseApdu({}, StatusWord::SmDataObjectsIncorrect);
        const StatusWord sw = index == refuseAt ? StatusWord::WrongData : StatusWord::Success;
        const Bytes answer =
            plain->isChained() || sw != StatusWord::Success ? Bytes{} : Bytes{0x42};
        return channel_.wrap(ResponseApdu(answer, sw));
    }
    const Bytes& atr() const override { return atr_; }
    std::string readerName() const override { return "Chaining card side"; }
    bool supportsExtendedLength() const override { return extendedLength_; }
    unsigned counter() const { return channel_.sendSequenceCounter().back(); }

    std::vector<CommandApdu> sent;    // as protected on the wire
    std::vector<CommandApdu> opened;  // after the card removed the protection
    std::size_t refuseAt = SIZE_MAX;
    std::size_t unprotectedAnswerAt = SIZE_MAX;

private:
    sim::CardSecureMessaging channel_;
    bool extendedLength_;
    Bytes atr_ = hexBytes("3B8880010000000000000000");
};

Bytes joinedData(const std::vector<CommandApdu>& parts) {
    Bytes joined;
    for (const auto& part : parts)
        append(joined, part.data());
    return joined;
}

CommandApdu verifyCertificate(std::size_t size) {
    return CommandApdu(0x00, 0x2A, 0x00, 0xBE, counting(size));
}

}  // namespace

TEST_CASE("Command data is split into chained parts, the chaining bit on all but the last",
          "[chaining]") {
    const CommandApdu command(0x00, 0x82, 0x00, 0x00, counting(600), 256);
    const auto parts = command.chainedParts(239);
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].data().size() == 239);
    CHECK(parts[1].data().size() == 239);
    CHECK(parts[2].data().size() == 122);
    CHECK(parts[0].cla() == 0x10);
    CHECK(parts[1].cla() == 0x10);
    CHECK(parts[2].cla() == 0x00);
    CHECK(parts[0].le() == CommandApdu::kNoLe);
    CHECK(parts[2].le() == 256);
    for (const auto& part : parts) {
        CHECK(part.ins() == 0x82);
        CHECK_FALSE(part.isExtended());
    }
    CHECK(joinedData(parts) == command.data());

    const auto single = CommandApdu(0x00, 0x82, 0x00, 0x00, counting(239)).chainedParts(239);
    REQUIRE(single.size() == 1);
    CHECK(single[0].encode() == CommandApdu(0x00, 0x82, 0x00, 0x00, counting(239)).encode());
}

TEST_CASE(
    "Without extended length a long protected command goes out as short chained parts, "
    "each protected with its own counter step",
    "[chaining][sm]") {
    ChainingCardSide inner;
    SecureMessagingCard card(inner, terminalSide());
    auto response = card.transmit(verifyCertificate(600));
    REQUIRE(response);
    CHECK(response->isSuccess());
    CHECK(response->data() == Bytes{0x42});

    // 239 plain bytes pad to 240; with DO'87' (4 bytes of tag, length and indicator) and DO'8E'
    // (10 bytes) that is 254, the most a short APDU carries.
    REQUIRE(inner.sent.size() == 3);
    CHECK(inner.sent[0].cla() == 0x1C);
    CHECK(inner.sent[1].cla() == 0x1C);
    CHECK(inner.sent[2].cla() == 0x0C);
    for (const auto& wire : inner.sent) {
        CHECK_FALSE(wire.isExtended());
        CHECK(wire.data().size() <= 255);
    }
    REQUIRE(inner.opened.size() == 3);
    CHECK(inner.opened[0].data().size() == 239);
    CHECK(inner.opened[1].data().size() == 239);
    CHECK(inner.opened[2].data().size() == 122);
    CHECK(joinedData(inner.opened) == counting(600));
    // Command and response of each part moved both counters by one: three parts, six steps.
    CHECK(inner.counter() == 6);
    CHECK(card.isOpen());
}

TEST_CASE("Without extended length a chained command keeps its Le for the last part",
          "[chaining][sm]") {
    ChainingCardSide inner;
    SecureMessagingCard card(inner, terminalSide());
    auto response = card.transmit(CommandApdu(0x00, 0x82, 0x00, 0x00, counting(300), 256));
    REQUIRE(response);
    CHECK(response->isSuccess());
    // With DO'97' in the protected body, 223 plain bytes is the most per part.
    REQUIRE(inner.opened.size() == 2);
    CHECK(inner.opened[0].data().size() == 223);
    CHECK(inner.opened[1].data().size() == 77);
    CHECK(inner.opened[0].le() == CommandApdu::kNoLe);
    CHECK(inner.opened[1].le() == 256);
    for (const auto& wire : inner.sent)
        CHECK_FALSE(wire.isExtended());
}

TEST_CASE("A command that fits a short protected APDU is not chained", "[chaining][sm]") {
    ChainingCardSide inner;
    SecureMessagingCard card(inner, terminalSide());
    REQUIRE(card.transmit(verifyCertificate(239)));
    REQUIRE(inner.sent.size() == 1);
    CHECK(inner.sent[0].cla() == 0x0C);
    CHECK_FALSE(inner.sent[0].isExtended());
}

TEST_CASE("With extended length a long protected command stays one APDU", "[chaining][sm]") {
    ChainingCardSide inner(true);
    SecureMessagingCard card(inner, terminalSide());
    REQUIRE(card.transmit(verifyCertificate(600)));
    REQUIRE(inner.sent.size() == 1);
    CHECK(inner.sent[0].isExtended());
    CHECK_FALSE(inner.sent[0].isChained());
    CHECK(inner.opened[0].data() == counting(600));
}

TEST_CASE("A middle part the card refuses ends the command with its answer, the channel stays",
          "[chaining][sm]") {
    ChainingCardSide inner;
    inner.refuseAt = 1;
    SecureMessagingCard card(inner, terminalSide());
    auto response = card.transmit(verifyCertificate(600));
    REQUIRE(response);
    CHECK(response->is(StatusWord::WrongData));
    CHECK(inner.sent.size() == 2);  // the last part never went out
    // The refusal came protected, so both counters still agree and the next command works.
    REQUIRE(card.isOpen());
    auto next = card.transmit(CommandApdu(0x00, 0x84, 0x00, 0x00, {}, 8));
    REQUIRE(next);
    CHECK(next->isSuccess());
}

TEST_CASE("A broken answer to a middle part ends the secure session for good", "[chaining][sm]") {
    ChainingCardSide inner;
    inner.unprotectedAnswerAt = 1;
    SecureMessagingCard card(inner, terminalSide());
    auto response = card.transmit(verifyCertificate(600));
    REQUIRE_FALSE(response);
    CHECK(response.error().code == ErrorCode::SecureMessaging);
    CHECK(inner.sent.size() == 2);
    CHECK_FALSE(card.isOpen());

    auto later = card.transmit(CommandApdu(0x00, 0x84, 0x00, 0x00, {}, 8));
    REQUIRE_FALSE(later);
    CHECK(later.error().code == ErrorCode::SecureMessaging);
    CHECK(inner.sent.size() == 2);  // nothing more reached the card
}

TEST_CASE("A card removed during a chain ends the session with the removal", "[chaining][sm]") {
    struct RemovedAfterFirst : ChainingCardSide {
        Result<ResponseApdu> transmit(const CommandApdu& command) override {
            if (!sent.empty()) return makeError(ErrorCode::CardRemoved, "The card was removed", "");
            return ChainingCardSide::transmit(command);
        }
    } inner;
    SecureMessagingCard card(inner, terminalSide());
    auto response = card.transmit(verifyCertificate(600));
    REQUIRE_FALSE(response);
    CHECK(response.error().code == ErrorCode::CardRemoved);
    CHECK_FALSE(card.isOpen());
}

TEST_CASE("Without extended length an Le beyond 256 is refused before anything is sent",
          "[chaining][sm]") {
    ChainingCardSide inner;
    SecureMessagingCard card(inner, terminalSide());
    auto response =
        card.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, {}, CommandApdu::kExtendedMaxLe));
    REQUIRE_FALSE(response);
    CHECK(response.error().code == ErrorCode::Unsupported);
    CHECK(inner.sent.empty());
}

TEST_CASE("Chained parts also fit short APDUs under 3DES secure messaging", "[chaining][sm]") {
    struct ShortOnly : Card {
        Result<ResponseApdu> transmit(const CommandApdu& command) override {
            sent.push_back(command);
            return ResponseApdu({}, StatusWord::Success);  // unprotected: ends the session
        }
        const Bytes& atr() const override { return atr_; }
        std::string readerName() const override { return "short only"; }
        bool supportsExtendedLength() const override { return false; }
        std::vector<CommandApdu> sent;
        Bytes atr_;
    } inner;
    SecureMessagingCard card(
        inner, std::make_unique<SecureMessaging>(
                   SessionKeys{crypto::BlockCipher::Tdes,
                               SecureBytes(hexBytes("979EC13B1CBFE9DCD01AB0FED307EAE5")),
                               SecureBytes(hexBytes("F1CB1F1FB5ADF208806B89DC579DC1F8"))},
                   hexBytes("887022120C06C228")));
    auto response = card.transmit(verifyCertificate(239));
    REQUIRE(inner.sent.size() == 1);
    CHECK_FALSE(inner.sent[0].isExtended());
    CHECK(inner.sent[0].data().size() <= 255);
    CHECK_FALSE(response);  // the plain 9000 is not a protected answer
}
