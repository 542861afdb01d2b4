// The PC/SC part 10 amendment 1 structures of reader-side PACE, built and parsed strictly.
#include <catch2/catch.hpp>

#include "card/ReaderPace.h"

using namespace oa;
namespace rp = oa::readerpace;

TEST_CASE("EXECUTE_PACE commands carry bFunction and a little-endian input length",
          "[readerpace]") {
    CHECK(rp::encodeCommand(rp::Function::GetReaderPaceCapabilities, {}) == hexBytes("010000"));
    const Bytes input(300, 0xAB);
    const Bytes command = rp::encodeCommand(rp::Function::EstablishPaceChannel, input);
    CHECK(toHex(ByteView(command).first(3)) == "022C01");
    CHECK(command.size() == 303);
}

TEST_CASE("EstablishPACEChannel input: PIN ID, CHAT, no PIN for the pinpad, description",
          "[readerpace]") {
    rp::EstablishPaceChannelInput input;
    input.passwordId = 3;
    input.chat = hexBytes("7F4C0E060904007F00070301020253010F");
    input.certificateDescription = hexBytes("3003020101");
    const SecureBytes encoded = rp::encodeEstablishInput(input);
    CHECK(toHex(encoded.bytes()) ==
          "03117F4C0E060904007F00070301020253010F"
          "00"
          "0500"
          "3003020101");
    auto parsed = rp::parseEstablishInput(encoded.bytes());
    REQUIRE(parsed);
    CHECK(parsed->passwordId == 3);
    CHECK(parsed->chat == input.chat);
    CHECK(parsed->password.empty());
    CHECK(parsed->certificateDescription == input.certificateDescription);

    input.password = SecureBytes::fromAscii("123456");
    auto withPin = rp::parseEstablishInput(rp::encodeEstablishInput(input).bytes());
    REQUIRE(withPin);
    CHECK(withPin->password.size() == 6);
}

TEST_CASE("EstablishPACEChannel input with lengths that do not add up is refused", "[readerpace]") {
    const Bytes broken =
        GENERATE(Bytes{}, hexBytes("03"), hexBytes("030500"), hexBytes("0300000100"),
                 hexBytes("0300000000FF"), hexBytes("0500000000"), hexBytes("0000000000"));
    INFO(toHex(broken));
    CHECK_FALSE(rp::parseEstablishInput(broken));
}

TEST_CASE("EstablishPACEChannel output round trip with both CARs", "[readerpace]") {
    rp::EstablishPaceChannelOutput output;
    output.mseSetAtStatus = 0x63C2;
    output.efCardAccess = hexBytes("3100");
    output.currentCar = asciiBytes("DETESTeID00005");
    output.previousCar = asciiBytes("DETESTeID00004");
    output.idIcc = Bytes(32, 0x11);
    const Bytes encoded = rp::encodeEstablishOutput(output);
    CHECK(toHex(ByteView(encoded).first(6)) == "63C202003100");
    auto parsed = rp::parseEstablishOutput(encoded);
    REQUIRE(parsed);
    CHECK(parsed->mseSetAtStatus == 0x63C2);
    CHECK(parsed->efCardAccess == output.efCardAccess);
    CHECK(parsed->currentCar == output.currentCar);
    CHECK(parsed->previousCar == output.previousCar);
    CHECK(parsed->idIcc == output.idIcc);

    output.currentCar.reset();
    output.previousCar.reset();
    auto withoutCars = rp::parseEstablishOutput(rp::encodeEstablishOutput(output));
    REQUIRE(withoutCars);
    CHECK_FALSE(withoutCars->currentCar);
}

TEST_CASE("EstablishPACEChannel output that is cut off, too long or incomplete is refused",
          "[readerpace]") {
    const Bytes broken = GENERATE(Bytes{}, hexBytes("9000"), hexBytes("900001003100"),
                                  hexBytes("90000100310000000100"),
                                  hexBytes("9000010031000000010011"
                                           "FF"),
                                  hexBytes("9000000000000100"
                                           "11"),
                                  hexBytes("900001003100"
                                           "00"
                                           "01"
                                           "41"
                                           "0100"
                                           "11"));
    INFO(toHex(broken));
    auto parsed = rp::parseEstablishOutput(broken);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == ErrorCode::InvalidInput);
}

TEST_CASE("Reader answers: dwResult little-endian, output length exact", "[readerpace]") {
    auto ok =
        rp::parseAnswer(hexBytes("00000000"
                                 "0200"
                                 "0160"));
    REQUIRE(ok);
    CHECK(ok->result == 0);
    CHECK(ok->data == hexBytes("0160"));
    auto capabilities = rp::parseCapabilities(ok->data);
    REQUIRE(capabilities);
    CHECK(*capabilities == 0x60);

    auto cancelled =
        rp::parseAnswer(hexBytes("010020F0"
                                 "0000"));
    REQUIRE(cancelled);
    CHECK(cancelled->result == rp::kResultCancelled);

    CHECK_FALSE(rp::parseAnswer(hexBytes("000000")));
    CHECK_FALSE(
        rp::parseAnswer(hexBytes("00000000"
                                 "0300"
                                 "0160")));
    CHECK_FALSE(
        rp::parseAnswer(hexBytes("00000000"
                                 "0100"
                                 "0160")));
    CHECK_FALSE(rp::parseCapabilities(hexBytes("020000")));
}

TEST_CASE("Reader result codes become user messages", "[readerpace]") {
    CHECK(rp::resultError(rp::kResultCancelled).code == ErrorCode::Cancelled);
    CHECK(rp::resultError(rp::kResultInputTimeout).code == ErrorCode::Timeout);
    CHECK(rp::resultError(rp::kResultCommunicationAbort).code == ErrorCode::CardRemoved);
    const Error wrongPin = rp::resultError(0xF00663C2);
    CHECK(wrongPin.code == ErrorCode::AuthenticationFailed);
    CHECK(wrongPin.message == "The PIN is wrong");
    CHECK(wrongPin.detail.find("0xF00663C2") != std::string::npos);
    CHECK(rp::cardStatus(0xF00663C2, rp::kStepMutualAuthentication) == 0x63C2);
    CHECK_FALSE(rp::cardStatus(0xF00663C2, rp::kStepMseSetAt));
    CHECK(rp::resultError(0xF0026983).message == "The PIN is blocked");
    CHECK(rp::resultError(0xE0000001).code == ErrorCode::CardError);
}
