#pragma once

#include <QByteArray>
#include <optional>

#include "sim/world/HttpsListener.h"

namespace oa::sim {

// Takes one HTTP/1.1 request (Content-Length bodies only) off the front of a connection's
// plaintext buffer, within the test world's limits: 16 KiB of headers, 1 MiB of body.
struct HttpRequestRead {
    enum class Verdict { NeedMore, Complete, TooLarge };
    Verdict verdict = Verdict::NeedMore;
    HttpRequest request;  // when Complete
    int status = 0;       // when TooLarge: 431 or 413
};

HttpRequestRead readHttpRequest(QByteArray& buffer);

// The status line, headers and body of an answer as bytes.
QByteArray encodeHttpAnswer(const HttpAnswer& answer);

}  // namespace oa::sim
