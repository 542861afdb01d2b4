#include "net/ServerFailure.h"

namespace oa::net {

const char* toString(ServerFailure failure) {
    switch (failure) {
        case ServerFailure::None:
            return "none";
        case ServerFailure::Overloaded:
            return "overloaded";
        case ServerFailure::RateLimited:
            return "rate limited";
        case ServerFailure::Refused:
            return "connection refused";
        case ServerFailure::Timeout:
            return "timeout";
        case ServerFailure::Other:
            return "other";
    }
    return "unknown";
}

bool isTransient(ServerFailure failure) {
    return failure == ServerFailure::Overloaded || failure == ServerFailure::RateLimited ||
           failure == ServerFailure::Refused || failure == ServerFailure::Timeout;
}

ServerFailure serverFailureForStatus(int httpStatus) {
    if (httpStatus == 503) return ServerFailure::Overloaded;
    if (httpStatus == 429) return ServerFailure::RateLimited;
    return ServerFailure::None;
}

Error serverFailureError(ServerFailure failure, const QString& host, std::string detail) {
    const std::string server = "The server " + host.toStdString();
    switch (failure) {
        case ServerFailure::Overloaded:
            return makeError(ErrorCode::Network,
                             server + " is overloaded; try again in a few minutes.", detail);
        case ServerFailure::RateLimited:
            return makeError(
                ErrorCode::Network,
                server + " is receiving too many requests; try again in a few minutes.", detail);
        case ServerFailure::Refused:
            return makeError(ErrorCode::Network,
                             server + " refused the connection; it may be down, try again later.",
                             detail);
        case ServerFailure::Timeout:
            return makeError(ErrorCode::Timeout,
                             server + " did not answer in time; try again later.", detail);
        case ServerFailure::None:
        case ServerFailure::Other:
            break;
    }
    return makeError(ErrorCode::Network, server + " could not be reached.", detail);
}

}  // namespace oa::net
