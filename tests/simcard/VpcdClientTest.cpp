#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "sim/VpcdClient.h"
#include "sim/card/VirtualCard.h"

using namespace oa;
using namespace std::chrono_literals;

namespace {

// The reader side of the vpcd protocol, as vpcd speaks it: listens, the card connects.
class FakeVpcd {
public:
    FakeVpcd() {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        REQUIRE(::listen(listener_, 1) == 0);
        socklen_t length = sizeof address;
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
        port_ = ntohs(address.sin_port);
    }
    ~FakeVpcd() {
        dropCard();
        ::close(listener_);
    }
    std::uint16_t port() const { return port_; }

    void acceptCard() { connection_ = ::accept(listener_, nullptr, nullptr); }
    void dropCard() {
        if (connection_ >= 0) ::close(connection_);
        connection_ = -1;
    }
    void send(const Bytes& payload) {
        Bytes frame{static_cast<std::uint8_t>(payload.size() >> 8),
                    static_cast<std::uint8_t>(payload.size())};
        append(frame, payload);
        REQUIRE(::write(connection_, frame.data(), frame.size()) ==
                static_cast<ssize_t>(frame.size()));
    }
    Bytes receive() {
        std::uint8_t header[2];
        readExactly(header, 2);
        Bytes payload(std::size_t{header[0]} << 8 | header[1]);
        readExactly(payload.data(), payload.size());
        return payload;
    }

private:
    void readExactly(std::uint8_t* data, std::size_t size) {
        std::size_t done = 0;
        while (done < size) {
            const ssize_t n = ::read(connection_, data + done, size - done);
            REQUIRE(n > 0);
            done += static_cast<std::size_t>(n);
        }
    }

    int listener_ = -1;
    int connection_ = -1;
    std::uint16_t port_ = 0;
};

}  // namespace

TEST_CASE("vpcd: HOST:PORT is parsed strictly") {
    std::string host;
    std::uint16_t port = 0;
    CHECK(sim::parseHostPort("127.0.0.1:35963", host, port));
    CHECK(host == "127.0.0.1");
    CHECK(port == 35963);
    CHECK(sim::parseHostPort("[::1]:35964", host, port));
    CHECK(host == "::1");
    CHECK_FALSE(sim::parseHostPort("127.0.0.1", host, port));
    CHECK_FALSE(sim::parseHostPort("127.0.0.1:0", host, port));
    CHECK_FALSE(sim::parseHostPort("127.0.0.1:65536", host, port));
    CHECK_FALSE(sim::parseHostPort("127.0.0.1:12x", host, port));
    CHECK_FALSE(sim::parseHostPort(":35963", host, port));
}

TEST_CASE("vpcd: the card answers get-ATR and APDUs, ignores power controls, and reconnects") {
    FakeVpcd vpcd;
    VirtualCard card;
    std::atomic<bool> stop{false};
    sim::VpcdClient client("127.0.0.1", vpcd.port(), card, [&] { return stop.load(); });
    client.reconnectDelay = 10ms;
    std::thread runner([&] { client.run(); });

    vpcd.acceptCard();
    vpcd.send({0x01});  // power on: no answer expected
    vpcd.send({0x04});
    CHECK(vpcd.receive() == VirtualCard::defaultAtr());
    vpcd.send(hexBytes("00A4020C02011C"));
    CHECK(toHex(vpcd.receive()) == "9000");

    vpcd.dropCard();  // vpcd restarts: the card comes back by itself
    vpcd.acceptCard();
    vpcd.send({0x02});
    vpcd.send(hexBytes("00A4020C02ABCD"));
    CHECK(toHex(vpcd.receive()) == "6A82");

    stop = true;
    runner.join();
}
