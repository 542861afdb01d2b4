#include <catch2/catch.hpp>

#include <signal.h>

#include <algorithm>

#include "Harness.h"
#include "card/pcsc/PcscBackend.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace oa::test;

namespace {

const ReaderInfo* findReader(const std::vector<ReaderInfo>& readers, const std::string& name) {
    auto it = std::find_if(readers.begin(), readers.end(),
                           [&](const ReaderInfo& info) { return info.name == name; });
    return it == readers.end() ? nullptr : &*it;
}

ResponseApdu send(Card& card, const CommandApdu& command) {
    auto response = card.transmit(command);
    INFO(toHex(command.encode()));
    REQUIRE(response.ok());
    return *response;
}

const CommandApdu kSelectMasterFile(0x00, 0xA4, 0x00, 0x0C, hexBytes("3F00"));
const CommandApdu kSelectCardAccess(0x00, 0xA4, 0x02, 0x0C, hexBytes("011C"));
const CommandApdu kReadBinary(0x00, 0xB0, 0x00, 0x00, {}, 256);
// SFI 1C is EF.CardAccess: READ BINARY with P1 = 80 | SFI needs no SELECT.
const CommandApdu kReadCardAccessBySfi(0x00, 0xB0, 0x9C, 0x00, {}, 256);

}  // namespace

TEST_CASE("pcscd lists both vpcd readers, empty, through the PC/SC backend", "[readers]") {
    PcscBackend backend;
    CHECK(backend.name() == "pcsc");
    auto readers = backend.readers();
    REQUIRE(readers.ok());
    for (const char* name : {kFirstReader, kSecondReader}) {
        const ReaderInfo* reader = findReader(*readers, name);
        INFO(name);
        REQUIRE(reader);
        CHECK(reader->backend == "pcsc");
        CHECK_FALSE(reader->cardPresent);
        CHECK(reader->atr.empty());
    }
}

TEST_CASE("Connecting to an empty or unknown reader gives typed errors", "[readers]") {
    PcscBackend backend;
    auto empty = backend.connect(kSecondReader);
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == ErrorCode::NoCard);
    CHECK(empty.error().detail.find("SCARD_E_NO_SMARTCARD") != std::string::npos);

    auto unknown = backend.connect("No Such Reader 99 00");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::NoReader);
    CHECK(unknown.error().detail.find("SCARD_E_UNKNOWN_READER") != std::string::npos);
}

TEST_CASE("A virtual card on vpcd appears with its ATR and answers file commands", "[card]") {
    PcscBackend backend;
    REQUIRE_FALSE(cardPresent(backend, kFirstReader));
    SimCard sim;

    const auto appeared = waitUntil(5s, [&] { return cardPresent(backend, kFirstReader); });
    REQUIRE(appeared);
    WARN("card visible after " << appeared->count() << " ms");
    auto readers = backend.readers();
    REQUIRE(readers.ok());
    const ReaderInfo* reader = findReader(*readers, kFirstReader);
    REQUIRE(reader);
    CHECK(reader->atr == VirtualCard::defaultAtr());
    CHECK_FALSE(findReader(*readers, kSecondReader)->cardPresent);

    auto card = backend.connect(kFirstReader);
    REQUIRE(card.ok());
    CHECK((*card)->atr() == VirtualCard::defaultAtr());
    CHECK((*card)->readerName() == kFirstReader);

    // The same card in-process answers the same bytes: nothing is lost or added on the way.
    VirtualCard reference;
    CHECK(send(**card, kSelectMasterFile).isSuccess());
    CHECK(send(**card, kSelectCardAccess).isSuccess());
    const ResponseApdu content = send(**card, kReadBinary);
    CHECK((content.isSuccess() || content.is(StatusWord::EndOfFileReached)));
    REQUIRE_FALSE(content.data().empty());
    CHECK(content.data().front() == 0x31);  // SecurityInfos is a SET
    reference.process(kSelectCardAccess.encode());
    CHECK(content.encode() == reference.process(kReadBinary.encode()));
    CHECK(send(**card, kReadCardAccessBySfi).data() == content.data());
}

TEST_CASE("A card pulled out of the reader gives CardRemoved on transmit", "[card]") {
    PcscBackend backend;
    SimCard sim;
    REQUIRE(waitUntil(5s, [&] { return cardPresent(backend, kFirstReader); }));
    auto card = backend.connect(kFirstReader);
    REQUIRE(card.ok());
    REQUIRE(send(**card, kSelectMasterFile).isSuccess());

    sim.remove();
    const auto gone = waitUntil(5s, [&] { return !cardPresent(backend, kFirstReader); });
    REQUIRE(gone);
    WARN("card gone after " << gone->count() << " ms");

    auto response = (*card)->transmit(kSelectMasterFile);
    REQUIRE_FALSE(response.ok());
    CHECK(response.error().code == ErrorCode::CardRemoved);
    CHECK(response.error().message == "The card was removed.");
    INFO(response.error().detail);
    CHECK(response.error().detail.find("SCARD_") != std::string::npos);
}
