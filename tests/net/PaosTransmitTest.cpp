#include <catch2/catch.hpp>

#include "net/PaosTransmit.h"

using namespace oa;
using namespace oa::net;

TEST_CASE("AcceptableStatusCode: no codes accept every status word") {
    CHECK(isAcceptableResponse(hexBytes("6982"), {}));
    CHECK(isAcceptableResponse(hexBytes("01029000"), {}));
}

TEST_CASE("AcceptableStatusCode: a full status word must match exactly") {
    CHECK(isAcceptableResponse(hexBytes("01029000"), {hexBytes("9000")}));
    CHECK_FALSE(isAcceptableResponse(hexBytes("01026300"), {hexBytes("9000")}));
    CHECK_FALSE(isAcceptableResponse(hexBytes("9001"), {hexBytes("9000")}));
}

TEST_CASE("AcceptableStatusCode: a one-byte code is a prefix of the status word") {
    const std::vector<Bytes> codes{hexBytes("9000"), hexBytes("63")};
    CHECK(isAcceptableResponse(hexBytes("63C2"), codes));
    CHECK(isAcceptableResponse(hexBytes("6300"), codes));
    CHECK(isAcceptableResponse(hexBytes("9000"), codes));
    CHECK_FALSE(isAcceptableResponse(hexBytes("6283"), codes));
    CHECK_FALSE(isAcceptableResponse(hexBytes("6A63"), codes));  // only the start counts
}

TEST_CASE("AcceptableStatusCode: responses without a status word are never acceptable") {
    CHECK_FALSE(isAcceptableResponse(Bytes{}, {}));
    CHECK_FALSE(isAcceptableResponse(hexBytes("90"), {hexBytes("90")}));
}

TEST_CASE("Transmit batches run in order and return every output with ok") {
    Transmit transmit{hexBytes("00"),
                      {{hexBytes("00A4040C"), {hexBytes("9000")}},
                       {hexBytes("00B00000"), {hexBytes("62"), hexBytes("9000")}}}};
    std::vector<Bytes> sent;
    const auto outcome = executeTransmit(transmit, [&](ByteView command) -> Result<Bytes> {
        sent.emplace_back(command.begin(), command.end());
        return sent.size() == 1 ? hexBytes("9000") : hexBytes("AABB6282");
    });
    CHECK(outcome.result.isOk());
    CHECK(sent == std::vector<Bytes>{hexBytes("00A4040C"), hexBytes("00B00000")});
    CHECK(outcome.outputApdus == std::vector<Bytes>{hexBytes("9000"), hexBytes("AABB6282")});
}

TEST_CASE("Transmit batches stop at the first unacceptable status word") {
    Transmit transmit{hexBytes("00"),
                      {{hexBytes("00A4040C"), {hexBytes("9000")}},
                       {hexBytes("00220000"), {hexBytes("9000")}},
                       {hexBytes("00B00000"), {}}}};
    int calls = 0;
    const auto outcome = executeTransmit(transmit, [&](ByteView) -> Result<Bytes> {
        return ++calls == 1 ? hexBytes("9000") : hexBytes("6982");
    });
    CHECK(calls == 2);
    CHECK(outcome.result.major == ResultMajor::Error);
    CHECK(outcome.result.message == "unexpected status word 6982");
    CHECK(outcome.outputApdus == std::vector<Bytes>{hexBytes("9000"), hexBytes("6982")});
}

TEST_CASE("Transmit batches stop when the card goes away, reporting noCard") {
    Transmit transmit{hexBytes("00"), {{hexBytes("00A4040C"), {}}, {hexBytes("00B00000"), {}}}};
    int calls = 0;
    const auto outcome = executeTransmit(transmit, [&](ByteView) -> Result<Bytes> {
        if (++calls == 2)
            return makeError(ErrorCode::CardRemoved, "card removed", "SCARD_W_REMOVED_CARD");
        return hexBytes("9000");
    });
    CHECK(calls == 2);
    CHECK(outcome.result.minor == ResultMinor::NoCard);
    CHECK(outcome.outputApdus == std::vector<Bytes>{hexBytes("9000")});
}

TEST_CASE(
    "One-byte codes 90, 63, 90 against three 9000 answers: two outputs and an error (BSI B_33)") {
    const Bytes read = hexBytes("0CB09C000D9701018E08010203040506070800");
    Transmit transmit{
        hexBytes("00"),
        {{read, {hexBytes("90")}}, {read, {hexBytes("63")}}, {read, {hexBytes("90")}}}};
    int calls = 0;
    const auto outcome = executeTransmit(transmit, [&](ByteView) -> Result<Bytes> {
        ++calls;
        return hexBytes("990290008E08A1A2A3A4A5A6A7A89000");
    });
    CHECK(calls == 2);
    CHECK(outcome.result.major == ResultMajor::Error);
    CHECK(outcome.outputApdus.size() == 2);
}
