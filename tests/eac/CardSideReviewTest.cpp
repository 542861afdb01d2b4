// Card side review (stop 15): answers a hostile chip can send that are well-formed enough to get
// through the MAC or token check, but are not what the protocol allows.
#include <catch2/catch.hpp>

#include <functional>

#include "ChipAuthenticationWorkedExample.h"
#include "asn1/Tlv.h"
#include "card/ReaderPace.h"
#include "card/sim/SimulatorBackend.h"
#include "crypto/BlockCipher.h"
#include "crypto/Kdf.h"
#include "crypto/Mac.h"
#include "crypto/Padding.h"
#include "eac/AuthenticationToken.h"
#include "eac/CardAccessReader.h"
#include "eac/Chat.h"
#include "eac/ChipAuthentication.h"
#include "eac/DerInteger.h"
#include "eac/PaceChannel.h"
#include "eac/RestrictedIdentification.h"
#include "eac/SecureMessaging.h"
#include "eac/SecureMessagingCard.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace oa::eac;
using namespace oa::eac::test;

namespace {

// A card that answers every command through a function of the test.
class AnsweringCard : public Card {
public:
    using Answer = std::function<ResponseApdu(const CommandApdu&)>;
    explicit AnsweringCard(Answer answer) : answer_(std::move(answer)) {}
    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        ++sent;
        return answer_(command);
    }
    const Bytes& atr() const override { return atr_; }
    std::string readerName() const override { return "Answering"; }

    int sent = 0;

private:
    Answer answer_;
    Bytes atr_ = hexBytes("3B8880010000000000000000");
};

const char* kEncKey = "F1234567890ABCDE";
const char* kMacKey = "1234567890ABCDEF";

SessionKeys aesKeys() {
    return SessionKeys{crypto::BlockCipher::Aes128, SecureBytes::fromAscii(kEncKey),
                       SecureBytes::fromAscii(kMacKey)};
}

// The chip's side of AES secure messaging: `data` and 9000 protected under `ssc` (the counter
// value after the terminal's increment for the response).
ResponseApdu protectedResponse(std::uint8_t ssc, ByteView data) {
    const auto cipher = crypto::BlockCipher::Aes128;
    const Bytes enc(kEncKey, kEncKey + 16), mac(kMacKey, kMacKey + 16);
    Bytes counter(16, 0);
    counter.back() = ssc;
    Bytes objects;
    if (!data.empty()) {
        const Bytes iv = *crypto::encryptEcb(cipher, enc, counter);
        Bytes indicated{0x01};
        append(indicated, *crypto::encryptCbc(cipher, enc, iv, crypto::padIso9797(data, 16)));
        append(objects, asn1::encode(0x87, indicated));
    }
    append(objects, hexBytes("99029000"));
    Bytes checksum = *crypto::aesCmac(mac, concat({counter, crypto::padIso9797(objects, 16)}));
    checksum.resize(8);
    append(objects, asn1::encode(0x8E, checksum));
    return ResponseApdu(objects, 0x9000);
}

}  // namespace

TEST_CASE("Secure messaging refuses a genuine answer with more data than Le asked for",
          "[sm][review]") {
    const Bytes eightBytes = hexBytes("0102030405060708");
    SECTION("four bytes asked, eight sent") {
        AnsweringCard inner([&](const CommandApdu&) { return protectedResponse(2, eightBytes); });
        SecureMessagingCard card(inner, std::make_unique<SecureMessaging>(aesKeys()));
        auto read = card.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, {}, 4));
        REQUIRE_FALSE(read);
        CHECK(read.error().code == ErrorCode::SecureMessaging);
        CHECK_FALSE(card.isOpen());
    }
    SECTION("eight bytes asked, eight sent") {
        AnsweringCard inner([&](const CommandApdu&) { return protectedResponse(2, eightBytes); });
        SecureMessagingCard card(inner, std::make_unique<SecureMessaging>(aesKeys()));
        auto read = card.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, {}, 8));
        REQUIRE(read);
        CHECK(read->data() == eightBytes);
        CHECK(card.isOpen());
    }
    SECTION("no Le, status only") {
        AnsweringCard inner([&](const CommandApdu&) { return protectedResponse(2, {}); });
        SecureMessagingCard card(inner, std::make_unique<SecureMessaging>(aesKeys()));
        auto select = card.transmit(CommandApdu(0x00, 0xA4, 0x02, 0x0C, hexBytes("011D")));
        REQUIRE(select);
        CHECK(select->isSuccess());
    }
}

namespace {

// The GA answer a chip would give with nonce `nonce`: the token is computed as the chip would,
// from the shared secret (which the test knows through the terminal's private key).
Bytes caAnswer(ByteView nonce) {
    const auto parameters = *DomainParameters::standardized(13);
    const auto secret =
        *parameters.sharedSecret(hexBytes(kTerminalPrivate), hexBytes(kChipStaticKey));
    const auto mac = crypto::deriveKey(crypto::BlockCipher::Aes128, secret.bytes(), nonce,
                                       crypto::KdfPurpose::Mac);
    const Bytes token =
        *authenticationToken(crypto::BlockCipher::Aes128, mac.bytes(), hexBytes(kCaProtocol), 0x86,
                             hexBytes(kTerminalPublic));
    return asn1::encode(0x7C, {asn1::encode(0x81, nonce), asn1::encode(0x82, token)});
}

Result<SessionKeys> chipAuthenticationWithNonce(const Bytes& nonce) {
    AnsweringCard card([&](const CommandApdu& command) {
        if (command.ins() == 0x22) return ResponseApdu({}, 0x9000);
        return ResponseApdu(caAnswer(nonce), 0x9000);
    });
    ChipAuthentication ca(card, workedExampleInfo(), *DomainParameters::standardized(13));
    REQUIRE(ca.prepareEphemeralKey(SecureBytes(hexBytes(kTerminalPrivate))));
    return ca.authenticate(hexBytes(kChipStaticKey));
}

}  // namespace

TEST_CASE("Chip Authentication takes only an 8-byte chip nonce, even with a matching token",
          "[ca][review]") {
    // The worked example's own nonce passes (control).
    CHECK(chipAuthenticationWithNonce(hexBytes("4287B3072A3EDC60")));
    for (const char* nonce :
         {"", "4287B3072A3EDC", "4287B3072A3EDC6000", "4287B3072A3EDC604287B3072A3EDC60"}) {
        INFO("nonce " << nonce);
        auto keys = chipAuthenticationWithNonce(hexBytes(nonce));
        REQUIRE_FALSE(keys);
        CHECK(keys.error().code == ErrorCode::CardError);
    }
}

namespace {

Result<Bytes> sectorIdentifierAnswered(Bytes answer) {
    AnsweringCard card([&](const CommandApdu& command) {
        if (command.ins() == 0x22) return ResponseApdu({}, 0x9000);
        return ResponseApdu(answer, 0x9000);
    });
    RestrictedIdentificationInfo info;
    info.protocol = hexBytes("04007F000702020502 03");
    info.hash = crypto::HashAlgorithm::Sha256;
    info.keyId = 1;
    const Bytes sectorKey =
        asn1::encode(0x7F49, {asn1::encode(0x06, hexBytes("04007F00070202050203")),
                              asn1::encode(0x86, hexBytes(kChipStaticKey))});
    return RestrictedIdentification(card, info).sectorIdentifier(sectorKey);
}

}  // namespace

TEST_CASE("Restricted Identification takes only a sector identifier as long as the hash",
          "[ri][review]") {
    const Bytes digest(32, 0x5A);
    auto good = sectorIdentifierAnswered(asn1::encode(0x7C, asn1::encode(0x81, digest)));
    REQUIRE(good);
    CHECK(*good == digest);

    for (std::size_t size : {1u, 20u, 31u, 33u, 64u}) {
        INFO("identifier of " << size << " bytes");
        auto bad =
            sectorIdentifierAnswered(asn1::encode(0x7C, asn1::encode(0x81, Bytes(size, 0x5A))));
        REQUIRE_FALSE(bad);
        CHECK(bad.error().code == ErrorCode::CardError);
    }
    // Something other than the asked identifier in the answer.
    auto extra = sectorIdentifierAnswered(
        asn1::encode(0x7C, {asn1::encode(0x81, digest), asn1::encode(0x83, digest)}));
    REQUIRE_FALSE(extra);
    auto trailing = sectorIdentifierAnswered(
        concat({asn1::encode(0x7C, asn1::encode(0x81, digest)), hexBytes("00")}));
    REQUIRE_FALSE(trailing);
}

namespace {

// Passes every APDU to the virtual card, but replaces the trusted CVCA (87) in the answer to
// PACE's last General Authenticate, which no token covers.
class CarReplacingCard : public Card {
public:
    CarReplacingCard(Card& inner, Bytes car) : inner_(inner), car_(std::move(car)) {}

    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        auto response = inner_.transmit(command);
        if (!response || command.cla() != 0x00 || command.ins() != 0x86) return response;
        auto outer = asn1::readOne(response->data());
        if (!outer || outer->tag != 0x7C) return response;
        auto children = outer->children();
        if (!children) return response;
        Bytes value;
        for (const auto& child : *children) {
            if (child.tag == 0x87) {
                append(value, asn1::encode(0x87, car_));
                ++replaced;
            } else {
                append(value, child.encoded);
            }
        }
        return ResponseApdu(asn1::encode(0x7C, value), response->sw());
    }
    const Bytes& atr() const override { return inner_.atr(); }
    std::string readerName() const override { return inner_.readerName(); }

    int replaced = 0;

private:
    Card& inner_;
    Bytes car_;
};

Result<PaceResult> paceWithCar(const Bytes& car, int& replaced) {
    SimulatorBackend backend(std::make_shared<VirtualCard>(sim::defaultProfile()));
    auto connected = backend.connect(SimulatorBackend::kReaderName);
    REQUIRE(connected);
    CarReplacingCard card(**connected, car);
    auto infos = readCardAccess(card);
    REQUIRE(infos);
    auto info = infos->choosePace();
    REQUIRE(info);
    PaceRequest request;
    request.passwordType = PasswordType::Pin;
    request.password = SecureBytes::fromAscii("123456");
    // The card names its CVCAs only when a CHAT announces Terminal Authentication.
    request.chat =
        Chat::authenticationTerminal(CertificateRole::Terminal, {AccessRight::ReadDg4}).encode();
    auto result = PaceChannel(card, *info).establish(request);
    replaced = card.replaced;
    return result;
}

Bytes ascii(const std::string& text) {
    return Bytes(text.begin(), text.end());
}

}  // namespace

TEST_CASE(
    "PACE refuses a trusted CVCA that is no certificate reference (it is not authenticated "
    "and reaches logs and the eID-Server)",
    "[pace][review]") {
    int replaced = 0;
    auto genuine = paceWithCar(ascii("DETESTCVCA00001"), replaced);
    REQUIRE(replaced == 1);
    REQUIRE(genuine);
    REQUIRE(genuine->currentCar);
    CHECK(*genuine->currentCar == ascii("DETESTCVCA00001"));

    for (const std::string& car :
         {std::string("DE\x1b[2J\nCVCA1"), std::string("DEEVIL</CAR>01"), std::string("DE"),
          std::string("DETESTCVCA0000100001"), std::string("de_lowercase01"),
          std::string("DETEST\x00"
                      "CVCA01",
                      13),
          std::string("DETESTCVCA0000!")}) {
        INFO("CAR " << toHex(ascii(car)));
        auto refused = paceWithCar(ascii(car), replaced);
        REQUIRE(replaced == 1);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::CardError);
    }
}

TEST_CASE("Key IDs above 255 are named whole in MSE:Set AT, not cut to their last byte",
          "[ca][ri][review]") {
    CHECK(keyReference(0) == hexBytes("00"));
    CHECK(keyReference(1) == hexBytes("01"));
    CHECK(keyReference(255) == hexBytes("FF"));
    CHECK(keyReference(256) == hexBytes("0100"));
    CHECK(keyReference(0x12345) == hexBytes("012345"));

    Bytes mse;
    AnsweringCard card([&](const CommandApdu& command) {
        if (command.ins() == 0x22) mse = command.data();
        return ResponseApdu({}, 0x6A88);  // referenced data not found: stops after MSE
    });
    ChipAuthentication ca(card, workedExampleInfo(257), *DomainParameters::standardized(13));
    REQUIRE(ca.prepareEphemeralKey(SecureBytes(hexBytes(kTerminalPrivate))));
    REQUIRE_FALSE(ca.authenticate(hexBytes(kChipStaticKey)));
    CHECK(mse == concat({asn1::encode(0x80, hexBytes(kCaProtocol)), hexBytes("84020101")}));

    RestrictedIdentificationInfo ri;
    ri.protocol = hexBytes("04007F00070202050203");
    ri.keyId = 258;
    const Bytes sectorKey =
        asn1::encode(0x7F49, {asn1::encode(0x06, hexBytes("04007F00070202050203")),
                              asn1::encode(0x86, hexBytes(kChipStaticKey))});
    REQUIRE_FALSE(RestrictedIdentification(card, ri).sectorIdentifier(sectorKey));
    CHECK(mse == concat({asn1::encode(0x80, ri.protocol), hexBytes("84020102")}));
}

namespace {

// Objects of a chip's answer under the AES test keys at `ssc`, with a correct DO'8E' appended: what
// a chip holding the session keys can send. Only the parsing behind the MAC check decides.
Bytes withCorrectMac(std::uint8_t ssc, const Bytes& objects) {
    const Bytes mac(kMacKey, kMacKey + 16);
    Bytes counter(16, 0);
    counter.back() = ssc;
    Bytes checksum = *crypto::aesCmac(mac, concat({counter, crypto::padIso9797(objects, 16)}));
    checksum.resize(8);
    return concat({objects, asn1::encode(0x8E, checksum)});
}

// DO'87' with `indicator` over `padded` (already padded, or not, as the test wants).
Bytes cryptogram(std::uint8_t ssc, std::uint8_t indicator, const Bytes& padded) {
    const auto cipher = crypto::BlockCipher::Aes128;
    const Bytes enc(kEncKey, kEncKey + 16);
    Bytes counter(16, 0);
    counter.back() = ssc;
    const Bytes iv = *crypto::encryptEcb(cipher, enc, counter);
    Bytes value{indicator};
    if (!padded.empty()) append(value, *crypto::encryptCbc(cipher, enc, iv, padded));
    return asn1::encode(0x87, value);
}

Result<ResponseApdu> openAnswer(const Bytes& data, std::uint16_t sw = 0x9000) {
    SecureMessaging sm(aesKeys());
    REQUIRE(sm.protect(CommandApdu(0x00, 0xB0, 0x00, 0x00, {}, 256)));
    return sm.unprotect(ResponseApdu(data, sw));
}

}  // namespace

TEST_CASE("SM refuses answers with a correct MAC but broken objects, padding or status",
          "[sm][review]") {
    const Bytes ok = hexBytes("99029000");
    const Bytes data = hexBytes("0102030405060708");
    const Bytes padded = crypto::padIso9797(data, 16);

    // Control: the same construction, well-formed, opens.
    auto good = openAnswer(withCorrectMac(2, concat({cryptogram(2, 0x01, padded), ok})));
    REQUIRE(good);
    CHECK(good->data() == data);
    auto fullBlock = crypto::padIso9797(Bytes(16, 0x42), 16);  // padding is a block of its own
    auto whole = openAnswer(withCorrectMac(2, concat({cryptogram(2, 0x01, fullBlock), ok})));
    REQUIRE(whole);
    CHECK(whole->data() == Bytes(16, 0x42));

    const std::vector<std::pair<const char*, Bytes>> broken = {
        {"padding-content indicator 02", concat({cryptogram(2, 0x02, padded), ok})},
        {"no padding at all", concat({cryptogram(2, 0x01, concat({data, Bytes(8, 0x00)})), ok})},
        {"padding 80 01",
         concat({cryptogram(2, 0x01, concat({data, hexBytes("8001"), Bytes(6, 0x00)})), ok})},
        {"padding longer than a block",
         concat({cryptogram(2, 0x01, concat({data, hexBytes("80"), Bytes(23, 0x00)})), ok})},
        {"zero block only", concat({cryptogram(2, 0x01, Bytes(16, 0x00)), ok})},
        {"empty cryptogram", concat({cryptogram(2, 0x01, {}), ok})},
        {"cryptogram not whole blocks",
         concat({asn1::encode(0x87, hexBytes("01 000102030405060708")), ok})},
        {"no DO'99'", cryptogram(2, 0x01, padded)},
        {"DO'99' of three bytes", hexBytes("9903900000")},
        {"DO'99' before DO'87'", concat({ok, cryptogram(2, 0x01, padded)})},
        {"two DO'99'", concat({ok, ok})},
        {"plain DO'81'", concat({asn1::encode(0x81, data), ok})},
    };
    for (const auto& [what, objects] : broken) {
        INFO(what);
        auto opened = openAnswer(withCorrectMac(2, objects));
        REQUIRE_FALSE(opened);
        CHECK(opened.error().code == ErrorCode::SecureMessaging);
    }

    // The MAC covers DO'99' 9000; the plain status word says something else.
    auto otherStatus = openAnswer(withCorrectMac(2, ok), 0x6282);
    REQUIRE_FALSE(otherStatus);
    // A MAC computed at the wrong counter (a replayed or reordered answer).
    auto replayed = openAnswer(withCorrectMac(1, concat({cryptogram(1, 0x01, padded), ok})));
    REQUIRE_FALSE(replayed);
}

namespace {

// A comfort reader whose EstablishPACEChannel output names `car` as the card's trusted CVCA.
class ReaderPaceCard : public Card {
public:
    explicit ReaderPaceCard(Bytes car) : car_(std::move(car)) {}
    Result<ResponseApdu> transmit(const CommandApdu&) override { return ResponseApdu({}, 0x9000); }
    bool hasReaderPace() const override { return true; }
    Result<Bytes> controlReaderPace(ByteView) override {
        readerpace::EstablishPaceChannelOutput output;
        output.mseSetAtStatus = 0x9000;
        output.efCardAccess = hexBytes("3100");
        output.currentCar = car_;
        output.idIcc = Bytes(32, 0x11);
        const Bytes data = readerpace::encodeEstablishOutput(output);
        Bytes answer = hexBytes("00000000");
        answer.push_back(static_cast<std::uint8_t>(data.size()));
        answer.push_back(static_cast<std::uint8_t>(data.size() >> 8));
        append(answer, data);
        return answer;
    }
    const Bytes& atr() const override { return atr_; }
    std::string readerName() const override { return "Comfort reader"; }

private:
    Bytes car_;
    Bytes atr_ = hexBytes("3B8880010000000000000000");
};

Result<PaceResult> readerPaceWithCar(const std::string& car) {
    ReaderPaceCard card(Bytes(car.begin(), car.end()));
    auto info = decodePaceProtocol(hexBytes("04007F00070202040202"));
    REQUIRE(info);
    PaceRequest request;
    request.passwordType = PasswordType::Pin;  // no password: typed on the reader's pinpad
    return PaceChannel(card, *info).establish(request);
}

}  // namespace

TEST_CASE("A comfort reader's PACE is refused when the CVCA it passes on is no reference",
          "[pace][comfort][review]") {
    auto good = readerPaceWithCar("DETESTCVCA00001");
    INFO((good ? std::string() : good.error().detail));
    REQUIRE(good);
    CHECK(good->readerSecureMessaging);
    auto bad = readerPaceWithCar(
        "DE\x1b]0;owned\x07"
        "CVCA1");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == ErrorCode::CardError);
}
