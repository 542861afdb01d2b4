#include "ScriptedVpcdCard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace oa::test {
namespace {

constexpr std::uint8_t kGetAtr = 0x04;

bool readAll(int socket, std::uint8_t* data, std::size_t size) {
    while (size > 0) {
        // vpcd writes length and payload separately; an immediate ACK keeps Nagle on its side
        // from holding the payload back for our delayed-ACK timer (~40 ms per message).
        const int on = 1;
        ::setsockopt(socket, IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
        const ssize_t n = ::read(socket, data, size);
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

ScriptedVpcdCard::ScriptedVpcdCard(std::uint16_t port, Bytes atr, Script script)
    : atr_(std::move(atr)), script_(std::move(script)) {
    socket_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(socket_);
        throw std::runtime_error("cannot reach vpcd on port " + std::to_string(port));
    }
    thread_ = std::thread([this] { serve(); });
}

ScriptedVpcdCard::~ScriptedVpcdCard() {
    ::shutdown(socket_, SHUT_RDWR);
    thread_.join();
    ::close(socket_);
}

std::vector<Bytes> ScriptedVpcdCard::commands() const {
    std::lock_guard lock(mutex_);
    return commands_;
}

void ScriptedVpcdCard::serve() {
    Bytes message;
    while (readFrame(message)) {
        if (message.size() == 1) {
            if (message[0] == kGetAtr && !writeFrame(atr_)) return;
            continue;  // power off, power on and reset need no answer
        }
        {
            std::lock_guard lock(mutex_);
            commands_.push_back(message);
        }
        const Bytes answer = script_(message);
        if (answer.empty()) {
            ::shutdown(socket_, SHUT_RDWR);
            return;
        }
        if (!writeFrame(answer)) return;
    }
}

bool ScriptedVpcdCard::readFrame(Bytes& payload) {
    std::uint8_t length[2];
    if (!readAll(socket_, length, sizeof length)) return false;
    payload.resize(static_cast<std::size_t>(length[0] << 8 | length[1]));
    return payload.empty() || readAll(socket_, payload.data(), payload.size());
}

bool ScriptedVpcdCard::writeFrame(const Bytes& payload) {
    Bytes frame{static_cast<std::uint8_t>(payload.size() >> 8),
                static_cast<std::uint8_t>(payload.size())};
    append(frame, payload);
    return ::send(socket_, frame.data(), frame.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(frame.size());
}

}  // namespace oa::test
