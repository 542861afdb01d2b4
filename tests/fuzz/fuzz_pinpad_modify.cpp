// Feeds arbitrary bytes to the parsers of a pinpad PIN change (PC/SC part 10
// FEATURE_MODIFY_PIN_DIRECT): the PIN_MODIFY structure (what the simulated comfort reader reads)
// and the reader's answer. An accepted structure must keep the PIN block inside the APDU's data
// and survive encode -> parse unchanged; an accepted answer must be exactly the input's data and
// status word, and no pinpad status word (64xx) may pass as the card's answer.
#include <cstdlib>

#include "card/CommandApdu.h"
#include "card/PinpadModify.h"

namespace pp = oa::pinpad;

namespace {

bool sameRequest(const pp::ModifyPinRequest& a, const pp::ModifyPinRequest& b) {
    return a.timeoutSeconds == b.timeoutSeconds && a.minDigits == b.minDigits &&
           a.maxDigits == b.maxDigits && a.confirmNewPin == b.confirmNewPin &&
           a.newPinOffset == b.newPinOffset && a.pinBlockSize == b.pinBlockSize &&
           a.languageId == b.languageId && a.apdu == b.apdu;
}

void checkStructure(oa::ByteView input) {
    auto request = pp::parseModifyStructure(input);
    if (!request) return;
    if (request->minDigits == 0 || request->minDigits > request->maxDigits ||
        request->maxDigits > request->pinBlockSize)
        std::abort();
    auto command = oa::CommandApdu::parse(request->apdu);
    if (!command) std::abort();
    if (std::size_t{request->newPinOffset} + request->pinBlockSize > command->data().size())
        std::abort();
    const oa::Bytes encoded = pp::encodeModifyStructure(*request);
    if (encoded.size() != pp::kStructureHeaderSize + request->apdu.size()) std::abort();
    auto again = pp::parseModifyStructure(encoded);
    if (!again || !sameRequest(*again, *request)) std::abort();
}

void checkAnswer(oa::ByteView input) {
    auto response = pp::parseModifyAnswer(input);
    if (!response) {
        if (response.error().message.empty()) std::abort();
        return;
    }
    if (input.size() < 2 || response->data().size() != input.size() - 2) std::abort();
    if (!std::equal(response->data().begin(), response->data().end(), input.begin())) std::abort();
    if (response->sw() != (std::uint16_t{input[input.size() - 2]} << 8 | input[input.size() - 1]))
        std::abort();
    switch (response->sw()) {
        case pp::kPinpadTimeout:
        case pp::kPinpadCancelled:
        case pp::kPinpadMismatch:
        case pp::kPinpadWrongLength:
            std::abort();
        default:
            break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const oa::ByteView input(data, size);
    checkStructure(input);
    checkAnswer(input);
    return 0;
}
