#include "sim/world/HttpRequestReader.h"

#include <QList>

namespace oa::sim {
namespace {

constexpr qsizetype kMaxHeaderBytes = 16 * 1024;
constexpr qsizetype kMaxBodyBytes = 1024 * 1024;

QByteArray reasonPhrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 302:
            return "Found";
        case 303:
            return "See Other";
        case 307:
            return "Temporary Redirect";
        case 400:
            return "Bad Request";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 413:
            return "Payload Too Large";
        case 429:
            return "Too Many Requests";
        case 431:
            return "Request Header Fields Too Large";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
    }
}

}  // namespace

HttpRequestRead readHttpRequest(QByteArray& buffer) {
    HttpRequestRead read;
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0 || end > kMaxHeaderBytes) {
        if (end > kMaxHeaderBytes || buffer.size() > kMaxHeaderBytes) {
            read.verdict = HttpRequestRead::Verdict::TooLarge;
            read.status = 431;
        }
        return read;
    }
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    read.request.method = requestLine.value(0);
    read.request.target = requestLine.value(1);
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0) continue;
        const QByteArray name = lines[i].left(colon).trimmed();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        read.request.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) != 0) continue;
        bool ok = false;
        length = value.toLongLong(&ok);
        if (!ok) length = -1;
    }
    if (length < 0 || length > kMaxBodyBytes) {
        read.verdict = HttpRequestRead::Verdict::TooLarge;
        read.status = 413;
        return read;
    }
    if (buffer.size() < end + 4 + length) return read;
    read.request.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    read.verdict = HttpRequestRead::Verdict::Complete;
    return read;
}

QByteArray encodeHttpAnswer(const HttpAnswer& answer) {
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(answer.status) + " " +
                     reasonPhrase(answer.status) + "\r\n";
    if (!answer.body.isEmpty() || answer.status == 200)
        raw += "Content-Type: " + answer.contentType + "\r\n";
    raw += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n";
    raw += "Cache-Control: no-store\r\n";
    for (const auto& [name, value] : answer.headers)
        raw += name + ": " + value + "\r\n";
    raw += "\r\n" + answer.body;
    return raw;
}

}  // namespace oa::sim
