// Feeds arbitrary bytes into the port-24727 request parser, as one piece and again split where the
// first byte says, pipelining whatever follows a complete request. Whatever comes in, the parser
// must stay within its limits, agree with itself across splits, and fail only with a status we
// answer.
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "service/EidClientEndpoint.h"
#include "service/ErrorPage.h"
#include "service/HttpRequestParser.h"
#include "service/LoopbackHost.h"

namespace {

using oa::service::HttpLimits;
using oa::service::HttpRequestParser;
using State = HttpRequestParser::State;

struct Outcome {
    std::vector<std::string> targets;
    int failure = 0;
};

void checkRequest(const oa::service::HttpRequest& request, const HttpLimits& limits) {
    if (request.target.size() > limits.maxTargetBytes) std::abort();
    if (request.headers.size() > limits.maxHeaderCount) std::abort();
    if (request.body.size() > limits.maxBodyBytes) std::abort();
    (void)oa::service::checkHost(request.header("Host"), 24727);
    (void)oa::service::preferredLanguage(request.header("Accept-Language"));
    (void)oa::service::parseEidClientQuery(request.query());
}

Outcome parse(std::string_view input, std::size_t pieceSize) {
    const HttpLimits limits;
    HttpRequestParser parser(limits);
    Outcome outcome;
    std::size_t offset = 0;
    std::size_t pending = 0;  // bytes of the current request fed but not yet consumed
    while (offset < input.size()) {
        const std::size_t piece = std::min(pieceSize, input.size() - offset);
        const std::size_t used = parser.feed(input.substr(offset, piece));
        if (used > piece) std::abort();
        offset += used;
        pending += used;
        if (parser.state() == State::Failed) {
            const int status = parser.failureStatus();
            if (status != 400 && status != 413 && status != 414 && status != 431 && status != 501 &&
                status != 505)
                std::abort();
            outcome.failure = status;
            return outcome;
        }
        if (parser.state() == State::Complete) {
            checkRequest(parser.request(), limits);
            outcome.targets.push_back(parser.request().target);
            if (parser.request().upgrade) return outcome;
            parser.reset();
            pending = 0;
        } else if (used < piece) {
            std::abort();  // an unfinished request must take every byte offered
        }
    }
    (void)pending;
    return outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
    const Outcome whole = parse(input, input.size() + 1);
    const Outcome split = parse(input, 1 + data[0] % 64);
    // Bytes in pieces must give the same requests and the same verdict. Which refusal a broken
    // request gets may differ: http-parser reports a header's bytes at piece ends, so the size
    // limit (431) can trip before the malformation (400) when the same bytes arrive in pieces.
    const bool wholeFailed = whole.failure != 0;
    const bool splitFailed = split.failure != 0;
    if (wholeFailed != splitFailed || whole.targets != split.targets) std::abort();
    return 0;
}
