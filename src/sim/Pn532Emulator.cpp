#include "sim/Pn532Emulator.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "sim/card/VirtualCard.h"

namespace oa::sim {
namespace {

// PN532 command codes (UM0701-02 §7); the answer code is the command code plus one.
enum Command : std::uint8_t {
    Diagnose = 0x00,
    GetFirmwareVersion = 0x02,
    GetGeneralStatus = 0x04,
    ReadRegister = 0x06,
    WriteRegister = 0x08,
    SetParameters = 0x12,
    SamConfiguration = 0x14,
    PowerDown = 0x16,
    RfConfiguration = 0x32,
    InDataExchange = 0x40,
    InCommunicateThru = 0x42,
    InDeselect = 0x44,
    InListPassiveTarget = 0x4A,
    InRelease = 0x52,
};

constexpr std::uint8_t kStatusOk = 0x00;
constexpr std::uint8_t kStatusTimeout = 0x01;        // the target did not answer
constexpr std::uint8_t kStatusNotAcceptable = 0x27;  // no target selected
constexpr std::uint8_t kBaudRate106A = 0x00;
constexpr std::uint8_t kBaudRate106B = 0x03;
// InDataExchange carries at most 262 data bytes each way; more needs the MI bit, which this
// emulator (like libnfc, which aborts on it) does not do.
constexpr std::size_t kMaxExchange = 262;

// Ver 1.6 of the PN532 (IC 0x32), supporting ISO 14443 A, B and ISO 18092.
const Bytes kFirmware{0x32, 0x01, 0x06, 0x07};
const Bytes kUid{0x08, 0x4F, 0x41, 0x31};  // random UID (first byte 08, ISO 14443-3)

// The ATS of a Type A eID card: FSCI 8 (256 bytes), TA/TB/TC present, then the historical bytes
// the contact ATR carries, so the PC/SC-style ATR a reader builds matches VirtualCard's.
Bytes atsFor(const Bytes& atr) {
    Bytes ats{0x78, 0x77, 0xB1, 0x02};
    // Contact ATR 3B 8n 80 01 <n historical bytes> TCK.
    if (atr.size() > 5) ats.insert(ats.end(), atr.begin() + 4, atr.end() - 1);
    Bytes withLength{static_cast<std::uint8_t>(ats.size() + 1)};
    append(withLength, ats);
    return withLength;
}

}  // namespace

Result<std::unique_ptr<Pn532Emulator>> Pn532Emulator::start(std::shared_ptr<VirtualCard> card,
                                                            TargetType type) {
    const int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
        if (master >= 0) close(master);
        return makeError(ErrorCode::Unknown, "The simulated NFC reader could not start",
                         std::string("posix_openpt: ") + std::strerror(errno));
    }
    std::string path = ptsname(master);
    const int slave = open(path.c_str(), O_RDWR | O_NOCTTY);
    if (slave < 0) {
        close(master);
        return makeError(ErrorCode::Unknown, "The simulated NFC reader could not start",
                         "open " + path + ": " + std::strerror(errno));
    }
    // Raw from the start: no echo or line editing before libnfc sets its own modes.
    termios mode{};
    tcgetattr(slave, &mode);
    cfmakeraw(&mode);
    tcsetattr(slave, TCSANOW, &mode);
    return std::unique_ptr<Pn532Emulator>(
        new Pn532Emulator(master, slave, std::move(path), std::move(card), type));
}

Pn532Emulator::Pn532Emulator(int master, int slave, std::string devicePath,
                             std::shared_ptr<VirtualCard> card, TargetType type)
    : master_(master),
      slave_(slave),
      devicePath_(std::move(devicePath)),
      type_(type),
      card_(std::move(card)) {
    if (pipe(wakePipe_) != 0) wakePipe_[0] = wakePipe_[1] = -1;
    thread_ = std::thread([this] { run(); });
}

Pn532Emulator::~Pn532Emulator() {
    unplug();
    for (int fd : wakePipe_)
        if (fd >= 0) close(fd);
}

void Pn532Emulator::unplug() {
    if (thread_.joinable()) {
        stop_ = true;
        const char wake = 1;
        [[maybe_unused]] auto written = write(wakePipe_[1], &wake, 1);
        thread_.join();
    }
    if (master_ >= 0) close(master_);
    if (slave_ >= 0) close(slave_);
    master_ = slave_ = -1;
}

void Pn532Emulator::insertCard(std::shared_ptr<VirtualCard> card) {
    std::lock_guard lock(mutex_);
    card_ = std::move(card);
    targetActive_ = false;
}

void Pn532Emulator::removeCard() {
    std::lock_guard lock(mutex_);
    card_.reset();
    targetActive_ = false;
}

int Pn532Emulator::commandCount(std::uint8_t code) const {
    std::lock_guard lock(mutex_);
    const auto found = commandCounts_.find(code);
    return found == commandCounts_.end() ? 0 : found->second;
}

std::size_t Pn532Emulator::largestCommand() const {
    std::lock_guard lock(mutex_);
    return largestCommand_;
}

std::size_t Pn532Emulator::largestBlock() const {
    std::lock_guard lock(mutex_);
    return largestBlock_;
}

std::size_t Pn532Emulator::largestResponse() const {
    std::lock_guard lock(mutex_);
    return largestResponse_;
}

void Pn532Emulator::run() {
    std::uint8_t chunk[512];
    while (!stop_) {
        pollfd fds[2] = {{master_, POLLIN, 0}, {wakePipe_[0], POLLIN, 0}};
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (fds[1].revents != 0) return;
        if ((fds[0].revents & POLLIN) == 0) {
            // Hang-up cannot happen while we hold the slave open; anything else is fatal.
            if (fds[0].revents != 0) return;
            continue;
        }
        const auto got = read(master_, chunk, sizeof chunk);
        if (got <= 0) {
            if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
            return;
        }
        reader_.feed(ByteView(chunk, static_cast<std::size_t>(got)));
        while (auto frame = reader_.next()) {
            switch (frame->kind) {
                case pn532::IncomingFrame::Kind::Information:
                    handle(frame->body);
                    break;
                case pn532::IncomingFrame::Kind::Broken:
                    send(pn532::errorFrame());
                    break;
                default:  // the host's ACK aborts a running command; nothing runs for long here
                    break;
            }
        }
    }
}

void Pn532Emulator::handle(const Bytes& body) {
    if (body.size() < 2 || body[0] != pn532::kHostToChip) {
        send(pn532::errorFrame());
        return;
    }
    send(pn532::ackFrame());
    const std::uint8_t command = body[1];
    Bytes payload{static_cast<std::uint8_t>(command + 1)};
    {
        std::lock_guard lock(mutex_);
        ++commandCounts_[command];
    }
    Bytes answered = answer(command, ByteView(body).subspan(2));
    if (answered.size() == 1 && answered[0] == 0xFF) {
        send(pn532::errorFrame());
        return;
    }
    append(payload, answered);
    send(pn532::encodeFrame(pn532::kChipToHost, payload));
}

// An answer of exactly FF stands for "syntax error" (the error frame).
Bytes Pn532Emulator::answer(std::uint8_t command, ByteView parameters) {
    switch (command) {
        case Diagnose:
            if (!parameters.empty() && parameters[0] == 0x00)  // communication line test: echo
                return Bytes(parameters.begin(), parameters.end());
            if (!parameters.empty() && parameters[0] == 0x06) {  // is the ISO-DEP target there?
                std::lock_guard lock(mutex_);
                return {static_cast<std::uint8_t>(card_ && targetActive_ ? 0x00 : 0x01)};
            }
            return {0xFF};
        case GetFirmwareVersion:
            return kFirmware;
        case GetGeneralStatus: {
            std::lock_guard lock(mutex_);
            return {0x00, 0x01, static_cast<std::uint8_t>(targetActive_ ? 1 : 0), 0x00};
        }
        case ReadRegister:
            return readRegisters(parameters);
        case WriteRegister:
            return writeRegisters(parameters);
        case SetParameters:
        case SamConfiguration:
        case RfConfiguration:
            return {};
        case PowerDown:
            return {kStatusOk};
        case InListPassiveTarget:
            return listPassiveTarget(parameters);
        case InDataExchange:
            return dataExchange(parameters);
        case InCommunicateThru:
            return communicateThru(parameters);
        case InDeselect:
        case InRelease: {
            std::lock_guard lock(mutex_);
            targetActive_ = false;
            return {kStatusOk};
        }
        default:
            return {0xFF};
    }
}

Bytes Pn532Emulator::listPassiveTarget(ByteView parameters) {
    if (parameters.size() < 2) return {0xFF};
    std::lock_guard lock(mutex_);
    const std::uint8_t baudRate = parameters[1];
    const bool matches = (type_ == TargetType::IsoA && baudRate == kBaudRate106A) ||
                         (type_ == TargetType::IsoB && baudRate == kBaudRate106B);
    if (!card_ || !matches) return {0x00};
    card_->reset();
    targetActive_ = true;
    cardBlockNumber_ = 1;  // ISO 14443-4: the PICC's block number starts at 1
    chainedCommand_.clear();
    pendingResponse_.clear();
    if (type_ == TargetType::IsoA) {
        // Tg, SENS_RES, SEL_RES (ISO 14443-4 compliant), NFCID1, ATS
        Bytes target{0x01, 0x00, 0x04, 0x20, static_cast<std::uint8_t>(kUid.size())};
        append(target, kUid);
        append(target, atsFor(card_->atr()));
        Bytes answer{0x01};
        append(answer, target);
        return answer;
    }
    // Tg, ATQB (50, PUPI, application data, protocol info: 256-byte frames, ISO 14443-4),
    // ATTRIB_RES length and content.
    Bytes target{0x01, 0x50};
    append(target, kUid);
    append(target, Bytes{0x00, 0x00, 0x00, 0x00, 0x00, 0x81, 0x81, 0x01, 0x00});
    Bytes answer{0x01};
    append(answer, target);
    return answer;
}

Bytes Pn532Emulator::dataExchange(ByteView parameters) {
    if (parameters.size() < 2) return {0xFF};
    std::shared_ptr<VirtualCard> card;
    {
        std::lock_guard lock(mutex_);
        if (!card_) return {kStatusTimeout};
        if (!targetActive_) return {kStatusNotAcceptable};
        card = card_;
    }
    const ByteView apdu = parameters.subspan(1);
    if (apdu.size() > kMaxExchange) return {kStatusNotAcceptable};
    Bytes response = card->process(apdu);
    std::lock_guard lock(mutex_);
    largestCommand_ = std::max(largestCommand_, apdu.size());
    if (response.size() > kMaxExchange) return {kStatusNotAcceptable};
    largestResponse_ = std::max(largestResponse_, response.size());
    Bytes answer{kStatusOk};
    append(answer, response);
    return answer;
}

// A Type B card got CID 1 with its ATTRIB and answers only blocks carrying it; a Type A card
// has CID 0 and may see blocks without. Answers carry the CID when the block did.
Bytes Pn532Emulator::communicateThru(ByteView block) {
    if (block.empty()) return {0xFF};
    const bool withCid = (block[0] & 0x08) != 0;
    const std::uint8_t expectedCid = type_ == TargetType::IsoB ? 1 : 0;
    if (withCid ? (block.size() < 2 || block[1] != expectedCid) : expectedCid != 0)
        return {kStatusTimeout};
    Bytes plain(block.begin(), block.end());
    if (withCid) {
        plain[0] &= static_cast<std::uint8_t>(~0x08);
        plain.erase(plain.begin() + 1);
    }
    {
        std::lock_guard lock(mutex_);
        cidInUse_ = withCid;
    }
    Bytes answer = cardBlock(plain);
    if (withCid && answer.size() >= 2) {
        answer[1] |= 0x08;
        answer.insert(answer.begin() + 2, expectedCid);
    }
    std::lock_guard lock(mutex_);
    largestBlock_ = std::max({largestBlock_, block.size(), answer.size() - 1});
    return answer;
}

// The card's side of the ISO 14443-4 block protocol (FSD 256: 253 INF bytes per block).
Bytes Pn532Emulator::cardBlock(ByteView block) {
    std::shared_ptr<VirtualCard> card;
    {
        std::lock_guard lock(mutex_);
        if (!card_) return {kStatusTimeout};
        if (!targetActive_) return {kStatusNotAcceptable};
        card = card_;
    }
    const std::uint8_t pcb = block[0];
    const std::uint8_t number = pcb & 0x01;
    if ((pcb & 0xE2) == 0x02) {  // I-block
        Bytes apdu;
        {
            std::lock_guard lock(mutex_);
            cardBlockNumber_ = number;
            chainedCommand_.insert(chainedCommand_.end(), block.begin() + 1, block.end());
            if (pcb & 0x10) return {kStatusOk, static_cast<std::uint8_t>(0xA2 | number)};
            apdu = std::move(chainedCommand_);
            chainedCommand_.clear();
        }
        Bytes response = card->process(apdu);
        std::lock_guard lock(mutex_);
        largestCommand_ = std::max(largestCommand_, apdu.size());
        largestResponse_ = std::max(largestResponse_, response.size());
        pendingResponse_ = std::move(response);
        return nextResponseBlock();
    }
    std::lock_guard lock(mutex_);
    if ((pcb & 0xF6) == 0xA2 && number != cardBlockNumber_ && !pendingResponse_.empty()) {
        cardBlockNumber_ = number;  // R(ACK) for the next piece of a chained answer
        return nextResponseBlock();
    }
    if ((pcb & 0xE6) == 0xA2) {  // R(ACK) or R(NAK) otherwise: "still here"
        return {kStatusOk, static_cast<std::uint8_t>(0xA2 | cardBlockNumber_)};
    }
    if (pcb == 0xC2) {  // S(DESELECT)
        targetActive_ = false;
        return {kStatusOk, 0xC2};
    }
    return {kStatusTimeout};  // a card ignores blocks it does not understand
}

Bytes Pn532Emulator::nextResponseBlock() {
    const std::size_t infPerBlock = 256 - 3 - (cidInUse_ ? 1 : 0);
    const std::size_t size = std::min(infPerBlock, pendingResponse_.size());
    const bool more = size < pendingResponse_.size();
    Bytes answer{kStatusOk, static_cast<std::uint8_t>(0x02 | cardBlockNumber_ | (more ? 0x10 : 0))};
    for (std::size_t i = 0; i < size; ++i)
        answer.push_back(pendingResponse_[i]);
    pendingResponse_.erase(pendingResponse_.begin(), pendingResponse_.begin() + size);
    return answer;
}

Bytes Pn532Emulator::readRegisters(ByteView parameters) {
    if (parameters.empty() || parameters.size() % 2 != 0) return {0xFF};
    std::lock_guard lock(mutex_);
    Bytes values;
    for (std::size_t i = 0; i < parameters.size(); i += 2) {
        const auto address = static_cast<std::uint16_t>((parameters[i] << 8) | parameters[i + 1]);
        values.push_back(registers_[address]);
    }
    return values;
}

Bytes Pn532Emulator::writeRegisters(ByteView parameters) {
    if (parameters.empty() || parameters.size() % 3 != 0) return {0xFF};
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < parameters.size(); i += 3) {
        const auto address = static_cast<std::uint16_t>((parameters[i] << 8) | parameters[i + 1]);
        registers_[address] = parameters[i + 2];
    }
    return {};
}

void Pn532Emulator::send(const Bytes& frame) {
    std::size_t done = 0;
    while (done < frame.size()) {
        const auto written = write(master_, frame.data() + done, frame.size() - done);
        if (written < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return;
        }
        done += static_cast<std::size_t>(written);
    }
}

}  // namespace oa::sim
