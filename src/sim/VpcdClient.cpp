#include "sim/VpcdClient.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <optional>
#include <thread>

#include "sim/card/VirtualCard.h"

namespace oa::sim {
namespace {

constexpr std::uint8_t kPowerOff = 0x00;
constexpr std::uint8_t kPowerOn = 0x01;
constexpr std::uint8_t kReset = 0x02;
constexpr std::uint8_t kGetAtr = 0x04;
constexpr int kPollMilliseconds = 200;

Error connectionError(std::string detail) {
    return makeError(ErrorCode::NoReader, "Lost the connection to the virtual reader",
                     std::move(detail));
}

class Socket {
public:
    explicit Socket(int fd) : fd_(fd) {}
    ~Socket() {
        if (fd_ >= 0) ::close(fd_);
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    int fd() const { return fd_; }

private:
    int fd_;
};

// vpcd sends a frame's length and its APDU in two writes with Nagle's algorithm on, so the APDU
// waits until the length is acknowledged; a delayed ACK from us would cost ~40 ms per APDU. The
// kernel drops quick-ACK mode again on its own, hence before every read.
void acknowledgeAtOnce(int socket) {
    const int one = 1;
    ::setsockopt(socket, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
}

// Reads exactly size bytes, waking regularly to honour a stop request.
Result<void> readExactly(int socket, std::uint8_t* data, std::size_t size,
                         const VpcdClient::StopCheck& shouldStop) {
    std::size_t done = 0;
    while (done < size) {
        if (shouldStop()) return makeError(ErrorCode::Cancelled, "Stopped");
        pollfd p{socket, POLLIN, 0};
        const int ready = ::poll(&p, 1, kPollMilliseconds);
        if (ready < 0 && errno != EINTR) return connectionError(std::strerror(errno));
        if (ready <= 0) continue;
        acknowledgeAtOnce(socket);
        const ssize_t n = ::recv(socket, data + done, size - done, 0);
        if (n == 0) return connectionError("vpcd closed the connection");
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return connectionError(std::strerror(errno));
        }
        done += static_cast<std::size_t>(n);
    }
    return {};
}

Result<void> writeFrame(int socket, ByteView payload) {
    Bytes frame{static_cast<std::uint8_t>(payload.size() >> 8),
                static_cast<std::uint8_t>(payload.size())};
    append(frame, payload);
    std::size_t done = 0;
    while (done < frame.size()) {
        const ssize_t n = ::send(socket, frame.data() + done, frame.size() - done, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            return connectionError(std::strerror(errno));
        }
        done += static_cast<std::size_t>(n);
    }
    return {};
}

}  // namespace

bool parseHostPort(const std::string& text, std::string& host, std::uint16_t& port) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return false;
    std::string name = text.substr(0, colon);
    if (name.front() == '[') {
        if (name.back() != ']' || name.size() < 3) return false;
        name = name.substr(1, name.size() - 2);
    }
    unsigned value = 0;
    const char* begin = text.data() + colon + 1;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end || value == 0 || value > 65535) return false;
    host = name;
    port = static_cast<std::uint16_t>(value);
    return true;
}

VpcdClient::VpcdClient(std::string host, std::uint16_t port, VirtualCard& card,
                       StopCheck shouldStop)
    : host_(std::move(host)), port_(port), card_(card), shouldStop_(std::move(shouldStop)) {}

void VpcdClient::run() {
    bool reportedWaiting = false;
    while (!shouldStop_()) {
        const auto result = serveOnce();
        if (shouldStop_()) break;
        if (!result && !reportedWaiting) {
            std::fprintf(stderr, "openausweis-sim: %s (%s); retrying\n",
                         result.error().message.c_str(), result.error().detail.c_str());
            reportedWaiting = true;
        }
        if (result) reportedWaiting = false;
        const auto until = std::chrono::steady_clock::now() + reconnectDelay;
        while (!shouldStop_() && std::chrono::steady_clock::now() < until) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
}

Result<int> VpcdClient::connectSocket() {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port_);
    if (const int rc = ::getaddrinfo(host_.c_str(), service.c_str(), &hints, &found); rc != 0) {
        return makeError(ErrorCode::NoReader, "Cannot find the virtual reader",
                         host_ + ": " + ::gai_strerror(rc));
    }
    std::string lastError = "no address";
    for (addrinfo* a = found; a; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
            const int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            ::freeaddrinfo(found);
            return fd;
        }
        lastError = std::strerror(errno);
        ::close(fd);
    }
    ::freeaddrinfo(found);
    return makeError(ErrorCode::NoReader, "The virtual reader is not reachable",
                     host_ + ":" + service + ": " + lastError);
}

Result<void> VpcdClient::serveOnce() {
    auto fd = connectSocket();
    if (!fd) return fd.error();
    Socket socket(*fd);
    std::fprintf(stderr, "openausweis-sim: card inserted into vpcd at %s:%u\n", host_.c_str(),
                 static_cast<unsigned>(port_));
    return serve(socket.fd());
}

Result<void> VpcdClient::serve(int socket) {
    for (;;) {
        std::uint8_t header[2];
        if (auto r = readExactly(socket, header, sizeof header, shouldStop_); !r) return r;
        const std::size_t length = std::size_t{header[0]} << 8 | header[1];
        Bytes message(length);
        if (auto r = readExactly(socket, message.data(), length, shouldStop_); !r) return r;
        if (const auto reply = answer(message)) {
            if (auto r = writeFrame(socket, *reply); !r) return r;
        }
    }
}

std::optional<Bytes> VpcdClient::answer(ByteView message) {
    if (message.size() == 1) {
        switch (message[0]) {
            case kPowerOff:
            case kPowerOn:
            case kReset:
                card_.reset();
                return std::nullopt;
            case kGetAtr:
                return card_.atr();
            default:
                return std::nullopt;  // unknown control: vpcd expects no answer
        }
    }
    return card_.process(message);
}

}  // namespace oa::sim
