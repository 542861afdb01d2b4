#pragma once

#include <string>
#include <utility>
#include <vector>

#include "card/Card.h"

namespace oa::eac::test {

// A card that expects an exact sequence of command APDUs and answers each with a fixed response.
// A command that differs from the script is answered 6F00 and remembered.
class ScriptedCard : public Card {
public:
    explicit ScriptedCard(std::vector<std::pair<Bytes, Bytes>> script)
        : script_(std::move(script)) {}

    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        const Bytes encoded = command.encode();
        sent.push_back(encoded);
        if (next_ >= script_.size() || script_[next_].first != encoded) {
            mismatches.push_back(toHex(encoded));
            return ResponseApdu({}, 0x6F00);
        }
        return ResponseApdu::parse(script_[next_++].second);
    }
    const Bytes& atr() const override { return atr_; }
    std::string readerName() const override { return "Scripted"; }
    bool finished() const { return next_ == script_.size(); }

    std::vector<Bytes> sent;
    std::vector<std::string> mismatches;

private:
    std::vector<std::pair<Bytes, Bytes>> script_;
    std::size_t next_ = 0;
    Bytes atr_ = hexBytes("3B8880010000000000000000");
};

}  // namespace oa::eac::test
