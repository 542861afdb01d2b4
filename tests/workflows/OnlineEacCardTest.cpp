#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "workflows/OnlineEacCard.h"

using namespace oa;

namespace {

// Answers every command with 9000 and keeps what it got.
class RecordingCard : public Card {
public:
    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        commands.push_back(command);
        return ResponseApdu({}, 0x9000);
    }
    const Bytes& atr() const override { return atr_; }
    std::string readerName() const override { return "recording"; }

    std::vector<CommandApdu> commands;

private:
    Bytes atr_{0x3B, 0x00};
};

}  // namespace

TEST_CASE("Online Chip Authentication names a key ID above 255 in full in MSE:Set AT",
          "[online-eac]") {
    RecordingCard card;
    workflows::OnlineEacCard eac(card);
    eac::ChipAuthenticationInfo info;
    info.protocol = {0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x03, 0x02, 0x02};
    info.version = 2;
    info.keyId = 257;

    // The General Authenticate answer (9000 without data) is not what CA needs; only the MSE
    // command matters here.
    CHECK_FALSE(eac.chipAuthenticate(info, Bytes(65, 0x04)));
    REQUIRE_FALSE(card.commands.empty());
    const CommandApdu& mse = card.commands.front();
    CHECK(mse.ins() == 0x22);
    const Bytes& data = mse.data();
    const Bytes keyReference{0x84, 0x02, 0x01, 0x01};
    CHECK(std::search(data.begin(), data.end(), keyReference.begin(), keyReference.end()) !=
          data.end());
}
