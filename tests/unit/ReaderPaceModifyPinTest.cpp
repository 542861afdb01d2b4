// FEATURE_MODIFY_PIN_DIRECT of comfort readers: the PIN_MODIFY structure for a PIN change on the
// pinpad, built and parsed strictly, and the reader's answers (card status or pinpad status).
#include <catch2/catch.hpp>

#include "card/Card.h"
#include "card/PinpadModify.h"
#include "card/ReaderPace.h"

using namespace oa;

TEST_CASE("The PIN change structure asks for a 6-digit new PIN twice and carries 00 2C 02 03",
          "[readerpace][modifypin]") {
    const Bytes structure = pinpad::encodeModifyStructure(pinpad::changePinRequest());
    CHECK(toHex(structure) ==
          "0000"          // reader default timeouts
          "82"            // ASCII digits, system units bytes
          "06"            // 6-byte PIN block
          "00"            // no PIN length in the APDU
          "0000"          // insertion offsets: current PIN (none), new PIN
          "0606"          // 6 to 6 digits
          "01"            // confirm the new PIN, no current PIN
          "02"            // validation key
          "02"            // two messages
          "0704"          // German
          "000102000000"  // message indexes, T=1 prologue
          "0B000000"      // 11 bytes of APDU
          "002C020306FFFFFFFFFFFF");
    auto parsed = pinpad::parseModifyStructure(structure);
    REQUIRE(parsed);
    CHECK(parsed->minDigits == 6);
    CHECK(parsed->maxDigits == 6);
    CHECK(parsed->confirmNewPin);
    CHECK(parsed->pinBlockSize == 6);
    CHECK(parsed->newPinOffset == 0);
    CHECK(parsed->apdu == hexBytes("002C020306FFFFFFFFFFFF"));
}

TEST_CASE("PIN_MODIFY structures that do not add up are refused", "[readerpace][modifypin]") {
    const Bytes good = pinpad::encodeModifyStructure(pinpad::changePinRequest());
    auto broken = [&](std::size_t at, std::uint8_t value) {
        Bytes copy = good;
        copy[at] = value;
        return copy;
    };
    Bytes cut(good.begin(), good.end() - 1);
    Bytes longer = good;
    longer.push_back(0x00);
    const Bytes bad = GENERATE_COPY(Bytes{}, Bytes(good.begin(), good.begin() + 23), cut, longer,
                                    broken(2, 0x01),       // BCD, not ASCII
                                    broken(9, 0x03),       // also asks for the current PIN
                                    broken(7, 0x07),       // more digits than the block holds
                                    broken(8, 0x00),       // no minimum
                                    broken(6, 0x01),       // PIN block runs past the data
                                    broken(24 + 4, 0x07),  // Lc does not match
                                    broken(20, 0x0C));     // ulDataLength
    INFO(toHex(bad));
    auto parsed = pinpad::parseModifyStructure(bad);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == ErrorCode::InvalidInput);
}

TEST_CASE("MODIFY_PIN_DIRECT answers: the card's status, or the pinpad's own",
          "[readerpace][modifypin]") {
    auto ok = pinpad::parseModifyAnswer(hexBytes("9000"));
    REQUIRE(ok);
    CHECK(ok->isSuccess());
    auto refused = pinpad::parseModifyAnswer(hexBytes("6982"));
    REQUIRE(refused);
    CHECK(refused->sw() == 0x6982);

    auto timeout = pinpad::parseModifyAnswer(hexBytes("6400"));
    REQUIRE_FALSE(timeout);
    CHECK(timeout.error().code == ErrorCode::Timeout);
    auto cancelled = pinpad::parseModifyAnswer(hexBytes("6401"));
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().code == ErrorCode::Cancelled);
    auto mismatch = pinpad::parseModifyAnswer(hexBytes("6402"));
    REQUIRE_FALSE(mismatch);
    CHECK(mismatch.error().message == "The two new PINs typed on the reader were different.");
    auto length = pinpad::parseModifyAnswer(hexBytes("6403"));
    REQUIRE_FALSE(length);
    CHECK(length.error().code == ErrorCode::InvalidInput);

    for (const Bytes& garbage : {Bytes{}, hexBytes("90"), hexBytes("AA6401")}) {
        INFO(toHex(garbage));
        auto parsed = pinpad::parseModifyAnswer(garbage);
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().message == "The card reader sent an invalid answer");
    }
}

TEST_CASE("A reader without MODIFY_PIN_DIRECT says so", "[readerpace][modifypin]") {
    class PlainCard : public Card {
    public:
        Result<ResponseApdu> transmit(const CommandApdu&) override {
            return ResponseApdu({}, StatusWord::Success);
        }
        const Bytes& atr() const override { return atr_; }
        std::string readerName() const override { return "plain"; }

    private:
        Bytes atr_;
    } card;
    CHECK_FALSE(card.hasPinpadModify());
    auto result = pinpad::modifyPin(card, pinpad::changePinRequest());
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::Unsupported);
    auto destroyed = readerpace::destroyChannel(card);
    REQUIRE_FALSE(destroyed);
    CHECK(destroyed.error().code == ErrorCode::Unsupported);
}

TEST_CASE("Reader PACE results for a blocked or switched-off PIN and a suspended PIN",
          "[readerpace]") {
    const auto blocked = readerpace::resultError(0xF0020000 | 0x63C0);
    CHECK(blocked.code == ErrorCode::AuthenticationFailed);
    CHECK(blocked.message == "The PIN is blocked");
    const auto off = readerpace::resultError(0xF0020000 | 0x6283);
    CHECK(off.code == ErrorCode::AuthenticationFailed);
    CHECK(off.message.find("switched off") != std::string::npos);
    const auto suspended = readerpace::resultError(0xF0060000 | 0x6985);
    CHECK(suspended.message == "The PIN is suspended. Enter the CAN first.");
}
