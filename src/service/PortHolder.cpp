#include "service/PortHolder.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <string_view>

#include "service/HttpRequest.h"
#include "service/ServerIdentity.h"

namespace oa::service {

namespace {

constexpr qsizetype kMaxHead = 16 * 1024;

struct Answer {
    bool received = false;
    int status = 0;
    std::string server;
};

std::string hostHeader(const QHostAddress& address, quint16 port) {
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return host.toStdString() + ':' + std::to_string(port);
}

// Another program's Server header ends up in our advice, on a terminal and in the window: only
// printable ASCII without markup characters, so it can neither send terminal escape sequences nor
// turn into rich text, and no longer than a product name needs.
std::string printableProductName(const QByteArray& value) {
    constexpr std::size_t kMaxLength = 100;
    std::string name;
    for (const char c : value) {
        if (name.size() == kMaxLength) break;
        if (c >= 0x20 && c <= 0x7e &&
            std::string_view("<>\"'&`\\").find(c) == std::string_view::npos)
            name += c;
    }
    return name;
}

Answer parseHead(const QByteArray& head) {
    Answer answer;
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty() || !lines.first().startsWith("HTTP/1.")) return answer;
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2) return answer;
    answer.received = true;
    answer.status = statusLine[1].toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && equalsIgnoringCase(line.left(colon).toStdString(), "Server"))
            answer.server = printableProductName(line.mid(colon + 1).trimmed());
    }
    return answer;
}

Answer get(const QHostAddress& address, quint16 port, const std::string& target,
           std::chrono::milliseconds timeout) {
    QElapsedTimer clock;
    clock.start();
    auto remaining = [&] { return std::max<int>(1, int(timeout.count() - clock.elapsed())); };
    QTcpSocket socket;
    socket.connectToHost(address, port);
    if (!socket.waitForConnected(remaining())) return {};
    const std::string request = "GET " + target +
                                " HTTP/1.1\r\nHost: " + hostHeader(address, port) +
                                "\r\nUser-Agent: " + ServerIdentity::ours().productToken() +
                                "\r\nConnection: close\r\n\r\n";
    socket.write(request.data(), static_cast<qint64>(request.size()));
    QByteArray head;
    while (!head.contains("\r\n\r\n") && head.size() < kMaxHead &&
           clock.elapsed() < timeout.count()) {
        if (!socket.waitForReadyRead(remaining()) && socket.bytesAvailable() == 0) break;
        head += socket.read(kMaxHead - head.size());
    }
    return parseHead(head.left(head.indexOf("\r\n\r\n")));
}

}  // namespace

PortHolder identifyPortHolder(const QHostAddress& address, quint16 port,
                              std::chrono::milliseconds timeout) {
    const Answer answer = get(address, port, "/eID-Client?Status", timeout);
    if (!answer.received) {
        // Something accepted or refused the connection without speaking HTTP.
        QTcpSocket check;
        check.connectToHost(address, port);
        const bool reachable = check.waitForConnected(static_cast<int>(timeout.count()));
        return {reachable ? PortHolder::Kind::UnknownProgram : PortHolder::Kind::Unreachable, {}};
    }
    const std::string ours = ServerIdentity::ours().name + '/';
    if (answer.server.rfind(ours, 0) == 0) return {PortHolder::Kind::OpenAusweis, answer.server};
    if (!answer.server.empty()) return {PortHolder::Kind::OtherProgram, answer.server};
    return {PortHolder::Kind::UnknownProgram, {}};
}

bool askToShowUi(const QHostAddress& address, quint16 port, const QString& module,
                 std::chrono::milliseconds timeout) {
    const std::string target = "/eID-Client?ShowUI=" + module.toStdString();
    return get(address, port, target, timeout).status == 200;
}

std::string portTakenAdvice(const PortHolder& holder, quint16 port) {
    const std::string portText = std::to_string(port);
    if (holder.kind == PortHolder::Kind::OtherProgram)
        return "The program \"" + holder.server + "\" uses port " + portText +
               ", which OpenAusweis needs for logging in with the ID card in the browser. Quit "
               "that program (for example another eID client such as AusweisApp) and start "
               "OpenAusweis again.";
    return "An unknown program uses port " + portText +
           ", which OpenAusweis needs for logging in with the ID card in the browser. Find it "
           "with `ss -ltnp 'sport = :" +
           portText + "'`, quit it and start OpenAusweis again.";
}

}  // namespace oa::service
