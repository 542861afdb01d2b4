#pragma once

#include <QString>
#include <string>

#include "base/Result.h"

namespace oa::net {

// Why a server could not serve a request, as far as retrying and the user's message care.
enum class ServerFailure {
    None,
    Overloaded,   // 503
    RateLimited,  // 429
    Refused,      // connection refused
    Timeout,      // no connection, handshake or answer in time
    Other,        // anything else: not worth repeating
};

const char* toString(ServerFailure failure);
// Failures that may go away when the same request is repeated a little later.
bool isTransient(ServerFailure failure);
ServerFailure serverFailureForStatus(int httpStatus);
// The user-level error naming the server ("The server id.example.de is overloaded; ...").
Error serverFailureError(ServerFailure failure, const QString& host, std::string detail);

}  // namespace oa::net
