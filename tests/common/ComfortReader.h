#pragma once
// A simulated comfort reader: a PC/SC part 10 reader with a pinpad that runs PACE itself
// (FEATURE_EXECUTE_PACE) and changes PINs on its pinpad (FEATURE_MODIFY_PIN_DIRECT), in front of
// any Card; and `ComfortReaderBackend`, which shows one in-process virtual card behind such a
// reader. vpcd has no pinpad, so the tests of every face use this double. `pinpadModify = false`
// (ComfortReaderBackend::withoutPinpadModify() for its connections) makes it a reader that runs
// PACE but lists no MODIFY_PIN_DIRECT: the new PIN comes from the host.
//
// Like a real comfort reader, after its PACE it protects the host's plain APDUs with the PACE
// keys and passes on APDUs that are protected already (CLA bits 0x0C, as the eID-Server's
// Transmit APDUs or the host's own after Chip Authentication); DestroyPACEChannel and a new
// EstablishPACEChannel end its secure messaging. Header-only, no test framework needed.
#include <algorithm>
#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "card/Card.h"
#include "card/PinpadModify.h"
#include "card/ReaderBackend.h"
#include "card/ReaderPace.h"
#include "card/sim/SimulatorBackend.h"
#include "crypto/Hash.h"
#include "eac/CardAccessReader.h"
#include "eac/PaceChannel.h"
#include "eac/SecureMessagingCard.h"
#include "eid/EidApplication.h"
#include "eid/PinManagement.h"
#include "sim/card/VirtualCard.h"

namespace oa::test {

// The reader's pinpad and the user in front of it. Thread-safe: a test thread queues what the
// user types while a workflow's worker thread drives the reader.
class Pinpad {
public:
    enum class Prompt { Mrz, Can, Pin, Puk, NewPin, NewPinAgain };
    struct Entry {
        enum class Kind { Digits, Cancel, Timeout };
        Kind kind = Kind::Timeout;
        std::string digits;
    };

    // `always`: typed whenever nothing is queued; nothing: the reader's PIN entry times out.
    explicit Pinpad(std::optional<std::string> always = std::string("123456"))
        : always_(std::move(always)) {}

    // Queued for the next prompts, in order.
    void type(std::string digits) { push({Entry::Kind::Digits, std::move(digits)}); }
    void cancel() { push({Entry::Kind::Cancel, {}}); }
    void timeOut() { push({Entry::Kind::Timeout, {}}); }
    void typeAlways(std::optional<std::string> digits) {
        std::lock_guard lock(mutex_);
        always_ = std::move(digits);
    }
    // Called on the reader's thread each time the reader asks, before it takes an entry (a test
    // may queue the entry from here).
    void onPrompt(std::function<void(Prompt)> callback) {
        std::lock_guard lock(mutex_);
        onPrompt_ = std::move(callback);
    }

    // The reader side: the user's answer to `prompt`.
    Entry ask(Prompt prompt) {
        std::function<void(Prompt)> callback;
        {
            std::lock_guard lock(mutex_);
            prompts_.push_back(prompt);
            callback = onPrompt_;
        }
        if (callback) callback(prompt);
        std::lock_guard lock(mutex_);
        if (!queued_.empty()) {
            Entry entry = std::move(queued_.front());
            queued_.pop_front();
            return entry;
        }
        if (always_) return {Entry::Kind::Digits, *always_};
        return {Entry::Kind::Timeout, {}};
    }

    std::vector<Prompt> prompts() const {
        std::lock_guard lock(mutex_);
        return prompts_;
    }

private:
    void push(Entry entry) {
        std::lock_guard lock(mutex_);
        queued_.push_back(std::move(entry));
    }

    mutable std::mutex mutex_;
    std::deque<Entry> queued_;
    std::optional<std::string> always_;
    std::vector<Prompt> prompts_;
    std::function<void(Prompt)> onPrompt_;
};

// Everything the host handed to the reader: the APDUs as the host sent them and the control
// commands. Thread-safe; shared by all connections of a backend so it outlives them.
class HostTraffic {
public:
    void command(const CommandApdu& apdu) {
        std::lock_guard lock(mutex_);
        commands_.push_back(apdu.encode());
    }
    void control(ByteView bytes) {
        std::lock_guard lock(mutex_);
        controls_.emplace_back(bytes.begin(), bytes.end());
    }
    std::vector<Bytes> commands() const {
        std::lock_guard lock(mutex_);
        return commands_;
    }
    std::vector<Bytes> controls() const {
        std::lock_guard lock(mutex_);
        return controls_;
    }
    // Whether `needle` appears anywhere in what the host sent (a PIN's ASCII digits, say).
    bool contains(ByteView needle) const {
        std::lock_guard lock(mutex_);
        const auto has = [&](const Bytes& hay) {
            return !needle.empty() &&
                   std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
        };
        return std::any_of(commands_.begin(), commands_.end(), has) ||
               std::any_of(controls_.begin(), controls_.end(), has);
    }
    // Whether the host sent a command with this INS (e.g. 0x20 VERIFY, 0x2C RESET RETRY COUNTER)
    // in plain.
    bool sentPlainIns(std::uint8_t ins) const {
        std::lock_guard lock(mutex_);
        return std::any_of(commands_.begin(), commands_.end(), [&](const Bytes& apdu) {
            return apdu.size() >= 2 && (apdu[0] & 0x0C) == 0 && apdu[1] == ins;
        });
    }
    // Why the reader's last PACE could not talk to the card.
    void noteFailure(std::string failure) {
        std::lock_guard lock(mutex_);
        lastFailure_ = std::move(failure);
    }
    std::string lastFailure() const {
        std::lock_guard lock(mutex_);
        return lastFailure_;
    }
    void clear() {
        std::lock_guard lock(mutex_);
        commands_.clear();
        controls_.clear();
    }

private:
    mutable std::mutex mutex_;
    std::vector<Bytes> commands_;
    std::vector<Bytes> controls_;
    std::string lastFailure_;
};

class ComfortReader : public Card {
public:
    ComfortReader(Card& inner, std::shared_ptr<Pinpad> pinpad = std::make_shared<Pinpad>(),
                  std::shared_ptr<HostTraffic> traffic = std::make_shared<HostTraffic>())
        : inner_(inner), pinpad_(std::move(pinpad)), traffic_(std::move(traffic)) {}
    ComfortReader(std::unique_ptr<Card> owned, std::shared_ptr<Pinpad> pinpad,
                  std::shared_ptr<HostTraffic> traffic, std::string name)
        : owned_(std::move(owned)),
          inner_(*owned_),
          pinpad_(std::move(pinpad)),
          traffic_(std::move(traffic)),
          name_(std::move(name)) {}

    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        traffic_->command(command);
        return send(command);
    }
    const Bytes& atr() const override { return inner_.atr(); }
    std::string readerName() const override { return name_; }
    bool supportsExtendedLength() const override { return inner_.supportsExtendedLength(); }
    bool hasReaderPace() const override { return true; }
    bool hasPinpadModify() const override { return pinpadModify; }

    Result<Bytes> controlReaderPace(ByteView command) override {
        ++controls;
        traffic_->control(command);
        if (garbage) return *garbage;
        if (command.size() < 3) return answer(readerpace::kResultInconsistentInput, {});
        const std::size_t length = command[1] | std::size_t{command[2]} << 8;
        if (command.size() != 3 + length) return answer(readerpace::kResultInconsistentInput, {});
        const ByteView input = command.subspan(3);
        switch (static_cast<readerpace::Function>(command[0])) {
            case readerpace::Function::GetReaderPaceCapabilities:
                return answer(
                    readerpace::kResultOk,
                    Bytes{0x01, readerpace::kCapabilityGenericPace | readerpace::kCapabilityEid |
                                    readerpace::kCapabilityDestroyChannel});
            case readerpace::Function::EstablishPaceChannel:
                return establish(input);
            case readerpace::Function::DestroyPaceChannel:
                channel_.reset();
                return answer(readerpace::kResultOk, {});
        }
        return answer(readerpace::kResultInconsistentInput, {});
    }

    Result<Bytes> controlModifyPin(ByteView structure) override {
        // Not listed: the control code never reaches the reader.
        if (!pinpadModify) return Card::controlModifyPin(structure);
        ++controls;
        traffic_->control(structure);
        auto request = pinpad::parseModifyStructure(structure);
        // A driver refuses a structure it cannot read; SCardControl fails.
        if (!request) return request.error();
        auto first = pinpad_->ask(Pinpad::Prompt::NewPin);
        if (auto refused = pinpadRefusal(first)) return *refused;
        if (request->confirmNewPin) {
            auto second = pinpad_->ask(Pinpad::Prompt::NewPinAgain);
            if (auto refused = pinpadRefusal(second)) return *refused;
            if (second.digits != first.digits) return status(pinpad::kPinpadMismatch);
        }
        const std::string& digits = first.digits;
        if (digits.size() < request->minDigits || digits.size() > request->maxDigits ||
            digits.size() != request->pinBlockSize)
            return status(pinpad::kPinpadWrongLength);
        auto templ = CommandApdu::parse(request->apdu);
        if (!templ) return templ.error();
        Bytes data = templ->data();
        std::copy(digits.begin(), digits.end(), data.begin() + request->newPinOffset);
        const CommandApdu command(templ->cla(), templ->ins(), templ->p1(), templ->p2(),
                                  std::move(data), templ->le());
        auto response = send(command);
        wipe(const_cast<Bytes&>(command.data()));
        if (!response) return response.error();
        return response->encode();
    }

    bool channelOpen() const { return channel_ && channel_->isOpen(); }
    Pinpad& pinpad() { return *pinpad_; }
    HostTraffic& traffic() { return *traffic_; }

    std::optional<Bytes> garbage;  // answered instead of EXECUTE_PACE
    std::optional<readerpace::EstablishPaceChannelInput> lastInput;
    int controls = 0;
    std::string lastFailure;  // why the reader's last PACE could not talk to the card
    bool sendDescriptionHash = false;
    bool pinpadModify = true;  // lists FEATURE_MODIFY_PIN_DIRECT

private:
    // The reader's own sending: plain APDUs under its channel, protected ones as they are.
    Result<ResponseApdu> send(const CommandApdu& command) {
        if (channel_ && !channel_->isOpen()) channel_.reset();  // its SM broke: the reader drops it
        const bool alreadyProtected = (command.cla() & 0x0C) == 0x0C;
        if (channel_ && !alreadyProtected) return channel_->transmit(command);
        return inner_.transmit(command);
    }

    static Bytes answer(std::uint32_t result, const Bytes& data) {
        Bytes out{
            static_cast<std::uint8_t>(result),       static_cast<std::uint8_t>(result >> 8),
            static_cast<std::uint8_t>(result >> 16), static_cast<std::uint8_t>(result >> 24),
            static_cast<std::uint8_t>(data.size()),  static_cast<std::uint8_t>(data.size() >> 8)};
        append(out, data);
        return out;
    }

    static Bytes status(std::uint16_t sw) {
        return Bytes{static_cast<std::uint8_t>(sw >> 8), static_cast<std::uint8_t>(sw)};
    }

    static std::optional<Bytes> pinpadRefusal(const Pinpad::Entry& entry) {
        if (entry.kind == Pinpad::Entry::Kind::Cancel) return status(pinpad::kPinpadCancelled);
        if (entry.kind == Pinpad::Entry::Kind::Timeout) return status(pinpad::kPinpadTimeout);
        return std::nullopt;
    }

    static std::uint16_t statusWord(eac::PinState state) {
        switch (state) {
            case eac::PinState::Operational:
                return 0x9000;
            case eac::PinState::OneFailure:
                return 0x63C2;
            case eac::PinState::Suspended:
                return 0x63C1;
            case eac::PinState::Blocked:
                return 0x63C0;
            case eac::PinState::Deactivated:
                return 0x6283;
        }
        return 0x6F00;
    }

    static Pinpad::Prompt promptFor(std::uint8_t passwordId) {
        switch (passwordId) {
            case 1:
                return Pinpad::Prompt::Mrz;
            case 2:
                return Pinpad::Prompt::Can;
            case 4:
                return Pinpad::Prompt::Puk;
            default:
                return Pinpad::Prompt::Pin;
        }
    }

    static bool lostCard(const Error& error) {
        return error.code == ErrorCode::CardRemoved || error.code == ErrorCode::NoCard ||
               error.code == ErrorCode::NoReader;
    }

    Result<Bytes> establish(ByteView bytes) {
        auto input = readerpace::parseEstablishInput(bytes);
        if (!input) return answer(readerpace::kResultInconsistentInput, {});
        lastInput = *input;
        channel_.reset();
        if (auto selected = eid::selectMasterFile(inner_); !selected)
            return communicationFailed(selected.error());
        auto cardAccess = eac::readEfCardAccess(inner_);
        if (!cardAccess) return communicationFailed(cardAccess.error());
        auto infos = eac::SecurityInfos::parse(*cardAccess);
        if (!infos) return answer(0xE0000001, {});
        auto info = infos->choosePace();
        if (!info) return answer(0xE0000008, {});
        eac::PaceRequest request;
        request.passwordType = static_cast<eac::PasswordType>(input->passwordId);
        if (input->password.empty()) {
            auto typed = pinpad_->ask(promptFor(input->passwordId));
            if (typed.kind == Pinpad::Entry::Kind::Cancel)
                return answer(readerpace::kResultCancelled, {});
            if (typed.kind == Pinpad::Entry::Kind::Timeout)
                return answer(readerpace::kResultInputTimeout, {});
            request.password = SecureBytes::fromAscii(typed.digits);
        } else {
            request.password = input->password;
        }
        if (!input->chat.empty()) request.chat = input->chat;
        // The reader shows the description; binding its hash into MSE:Set AT is optional, and the
        // virtual card refuses the extension, so only a test that asks for it sends it.
        if (!input->certificateDescription.empty() && sendDescriptionHash)
            request.certificateDescriptionHash =
                crypto::hash(crypto::HashAlgorithm::Sha256, input->certificateDescription);
        eac::PaceChannel pace(inner_, *info);
        auto paced = pace.establish(request);
        if (!paced) {
            lastFailure = paced.error().message + " | " + paced.error().detail;
            traffic_->noteFailure(lastFailure);
            return answer(failureResult(pace, paced.error()), {});
        }
        readerpace::EstablishPaceChannelOutput output;
        output.mseSetAtStatus = paced->pinState ? statusWord(*paced->pinState) : 0x9000;
        output.efCardAccess = *cardAccess;
        output.currentCar = paced->currentCar;
        output.previousCar = paced->previousCar;
        output.idIcc = paced->idPicc;
        channel_ = std::make_unique<eac::SecureMessagingCard>(
            inner_, std::make_unique<eac::SecureMessaging>(std::move(paced->keys)));
        return answer(readerpace::kResultOk, readerpace::encodeEstablishOutput(output));
    }

    Bytes communicationFailed(const Error& error) {
        lastFailure = error.message + " | " + error.detail;
        traffic_->noteFailure(lastFailure);
        return answer(
            lostCard(error) ? readerpace::kResultNoCard : readerpace::kResultCommunicationAbort,
            {});
    }

    // The reader's dwResult for a failed PACE: the card's status word and the step it failed in.
    static std::uint32_t failureResult(const eac::PaceChannel& pace, const Error& error) {
        using namespace readerpace;
        if (lostCard(error)) return kResultNoCard;
        if (error.message.find("suspended") != std::string::npos)
            return kResultCardErrorBase | std::uint32_t{kStepMutualAuthentication} << 16 | 0x6985;
        if (error.code == ErrorCode::AuthenticationFailed && pace.pinState()) {
            const std::uint32_t step = pace.pinState() == eac::PinState::Blocked ||
                                               pace.pinState() == eac::PinState::Deactivated
                                           ? kStepMseSetAt
                                           : kStepMutualAuthentication;
            return kResultCardErrorBase | step << 16 | statusWord(*pace.pinState());
        }
        if (error.message.find("blocked") != std::string::npos)
            return kResultCardErrorBase | std::uint32_t{kStepMutualAuthentication} << 16 | 0x6983;
        if (error.code == ErrorCode::AuthenticationFailed)
            return kResultCardErrorBase | std::uint32_t{kStepMutualAuthentication} << 16 | 0x6300;
        return kResultCommunicationAbort;
    }

    std::unique_ptr<Card> owned_;
    Card& inner_;
    std::shared_ptr<Pinpad> pinpad_;
    std::shared_ptr<HostTraffic> traffic_;
    std::string name_ = "Comfort reader with pinpad";
    std::unique_ptr<eac::SecureMessagingCard> channel_;
};

// One in-process virtual card behind a simulated comfort reader, listed as a PC/SC reader with a
// pinpad. The card is inserted and removed through simulator(); every connection shares the
// pinpad and the traffic log.
class ComfortReaderBackend : public ReaderBackend {
public:
    static constexpr const char* kReaderName = "Comfort Reader with pinpad (simulated) 00 00";

    explicit ComfortReaderBackend(
        std::shared_ptr<VirtualCard> card = std::make_shared<VirtualCard>(),
        std::shared_ptr<Pinpad> pinpad = std::make_shared<Pinpad>())
        : simulator_(std::move(card)),
          pinpad_(std::move(pinpad)),
          traffic_(std::make_shared<HostTraffic>()) {}

    SimulatorBackend& simulator() { return simulator_; }
    Pinpad& pinpad() { return *pinpad_; }
    HostTraffic& traffic() { return *traffic_; }
    // Readers connected from now on run PACE but list no MODIFY_PIN_DIRECT.
    void withoutPinpadModify() { pinpadModify_ = false; }

    std::string name() const override { return "comfort-reader-simulation"; }
    Result<std::vector<ReaderInfo>> readers() override {
        auto listed = simulator_.readers();
        if (!listed) return listed.error();
        for (auto& reader : *listed) {
            reader.name = kReaderName;
            reader.backend = "pcsc";
            reader.pinpad = true;
        }
        return listed;
    }
    Result<std::unique_ptr<Card>> connect(const std::string& reader) override {
        if (reader != kReaderName)
            return makeError(ErrorCode::NoReader, "The card reader is not available",
                             "comfort reader simulation has no reader '" + reader + "'");
        auto card = simulator_.connect(SimulatorBackend::kReaderName);
        if (!card) return card.error();
        auto comfort =
            std::make_unique<ComfortReader>(std::move(*card), pinpad_, traffic_, kReaderName);
        comfort->pinpadModify = pinpadModify_;
        return std::unique_ptr<Card>(std::move(comfort));
    }
    Result<void> waitForChange(std::chrono::milliseconds timeout) override {
        return simulator_.waitForChange(timeout);
    }
    void cancelWait() override { simulator_.cancelWait(); }

private:
    SimulatorBackend simulator_;
    std::shared_ptr<Pinpad> pinpad_;
    std::shared_ptr<HostTraffic> traffic_;
    std::atomic<bool> pinpadModify_{true};
};

// Whether `pin` opens `card` (PACE on a plain in-process reader; false without a card).
inline bool pinOpensCard(const std::shared_ptr<VirtualCard>& card, const std::string& pin) {
    SimulatorBackend plain(card);
    auto connection = plain.connect(SimulatorBackend::kReaderName);
    if (!connection) return false;
    eid::PinManagement pins(**connection);
    return pins.authenticateWithPin(SecureBytes::fromAscii(pin)).ok();
}

// Whether `pin` opens the card behind the comfort reader.
inline bool pinOpensCard(ComfortReaderBackend& readers, const std::string& pin) {
    return pinOpensCard(readers.simulator().card(), pin);
}

}  // namespace oa::test
