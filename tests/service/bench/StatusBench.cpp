// ?Status latency and throughput of the port-24727 listener: the server runs on this process's Qt
// event loop, a raw-socket client on another thread keeps N keep-alive connections busy (one
// request in flight each) and records every round trip. `serve` only runs the listener (for wrk).
//
//   service_bench [--connections N] [--requests M] [--idle K]
//   service_bench serve [--port P]
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QMetaObject>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "service/EidClientEndpoint.h"
#include "service/LocalHttpServer.h"
#include "service/OpenFileLimit.h"
#include "service/UnavailableActivation.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    bool serve = false;
    int port = 0;
    int connections = 100;
    int requests = 200'000;
    int idle = 0;
};

Options parse(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto number = [&] { return i + 1 < argc ? std::atoi(argv[++i]) : 0; };
        if (arg == "serve") options.serve = true;
        if (arg == "--port") options.port = number();
        if (arg == "--connections") options.connections = std::max(1, number());
        if (arg == "--requests") options.requests = std::max(1, number());
        if (arg == "--idle") options.idle = std::max(0, number());
    }
    return options;
}

int connectTo(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        std::perror("connect");
        std::exit(1);
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

// Length of the first complete response in `buffer`, or 0.
std::size_t completeResponse(const std::string& buffer) {
    const auto end = buffer.find("\r\n\r\n");
    if (end == std::string::npos) return 0;
    const auto field = buffer.find("Content-Length: ");
    const std::size_t length =
        field < end ? std::strtoul(buffer.c_str() + field + 16, nullptr, 10) : 0;
    return buffer.size() >= end + 4 + length ? end + 4 + length : 0;
}

struct Report {
    std::vector<double> latenciesMicro;
    double seconds = 0;
};

Report drive(int port, const Options& options) {
    std::vector<int> idle;
    for (int i = 0; i < options.idle; ++i)
        idle.push_back(connectTo(port));
    const std::string request =
        "GET /eID-Client?Status HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
        "\r\nUser-Agent: service_bench\r\n\r\n";
    const int n = options.connections;
    std::vector<pollfd> fds(n);
    std::vector<std::string> buffers(n);
    std::vector<Clock::time_point> sentAt(n);
    int sent = 0;
    for (int i = 0; i < n; ++i) {
        fds[i] = {connectTo(port), POLLIN, 0};
        if (sent < options.requests) {
            sentAt[i] = Clock::now();
            ::send(fds[i].fd, request.data(), request.size(), 0);
            ++sent;
        }
    }
    Report report;
    report.latenciesMicro.reserve(options.requests);
    const auto start = Clock::now();
    char chunk[16384];
    while (static_cast<int>(report.latenciesMicro.size()) < options.requests) {
        if (::poll(fds.data(), fds.size(), 5000) <= 0) break;
        for (int i = 0; i < n; ++i) {
            if (!(fds[i].revents & POLLIN)) continue;
            const ssize_t got = ::recv(fds[i].fd, chunk, sizeof chunk, 0);
            if (got <= 0) {
                std::fprintf(stderr, "connection %d closed\n", i);
                std::exit(1);
            }
            buffers[i].append(chunk, static_cast<std::size_t>(got));
            while (const std::size_t length = completeResponse(buffers[i])) {
                buffers[i].erase(0, length);
                const auto now = Clock::now();
                report.latenciesMicro.push_back(
                    std::chrono::duration<double, std::micro>(now - sentAt[i]).count());
                if (sent < options.requests) {
                    sentAt[i] = now;
                    ::send(fds[i].fd, request.data(), request.size(), 0);
                    ++sent;
                }
            }
        }
    }
    report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    for (const pollfd& p : fds)
        ::close(p.fd);
    for (int fd : idle)
        ::close(fd);
    return report;
}

double percentile(std::vector<double> sorted, double p) {
    if (sorted.empty()) return 0;
    const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
    return sorted[index];
}

}  // namespace

int main(int argc, char** argv) {
    oa::service::raiseOpenFileLimit();
    QCoreApplication app(argc, argv);
    const Options options = parse(argc, argv);

    oa::service::UnavailableActivation activation;
    oa::service::EidClientEndpoint endpoint(activation);
    oa::service::LocalHttpServerSettings settings;
    settings.addresses = {QHostAddress(QHostAddress::LocalHost)};
    settings.port = static_cast<quint16>(options.port);
    oa::service::LocalHttpServer server(settings, endpoint);
    const auto port = server.listen();
    if (!port.ok()) {
        std::fprintf(stderr, "%s (%s)\n", port.error().message.c_str(),
                     port.error().detail.c_str());
        return 1;
    }
    if (options.serve) {
        std::printf("listening on http://127.0.0.1:%u/eID-Client\n", unsigned(*port));
        std::fflush(stdout);
        return app.exec();
    }

    Report report;
    std::thread client([&] {
        report = drive(*port, options);
        QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    app.exec();
    client.join();

    std::vector<double> sorted = report.latenciesMicro;
    std::sort(sorted.begin(), sorted.end());
    std::printf(
        "?Status: %zu requests over %d keep-alive connections (%d idle besides) in %.2f s\n",
        sorted.size(), options.connections, options.idle, report.seconds);
    std::printf("throughput %.0f req/s; latency p50 %.0f us, p99 %.0f us, max %.0f us\n",
                static_cast<double>(sorted.size()) / report.seconds, percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.empty() ? 0.0 : sorted.back());
    return 0;
}
