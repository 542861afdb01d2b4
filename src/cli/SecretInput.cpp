#include "cli/SecretInput.h"

#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace oa::cli {
namespace {

constexpr std::size_t kMaxSecret = 64;

// Reads up to a newline or end of input, byte by byte, so nothing stays in a stdio buffer.
Result<SecureBytes> readLine(int fd, const std::string& source) {
    Bytes line;
    line.reserve(kMaxSecret + 1);  // no reallocation: no unwiped copies
    for (;;) {
        std::uint8_t c = 0;
        const ssize_t got = ::read(fd, &c, 1);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            wipe(line);
            return makeError(ErrorCode::InvalidInput, "Cannot read the secret from " + source,
                             std::strerror(errno));
        }
        if (got == 0 || c == '\n') break;
        if (line.size() == kMaxSecret) {
            wipe(line);
            return makeError(ErrorCode::InvalidInput, "The secret in " + source + " is too long",
                             "more than 64 bytes");
        }
        line.push_back(c);
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    SecureBytes secret{view(line)};
    wipe(line);
    return secret;
}

// Switches terminal echo off for as long as it lives.
class EchoOff {
public:
    explicit EchoOff(int fd) : fd_(fd) {
        if (tcgetattr(fd_, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff() {
        if (active_) tcsetattr(fd_, TCSAFLUSH, &saved_);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    int fd_;
    termios saved_{};
    bool active_ = false;
};

}  // namespace

Result<SecureBytes> readSecret(const std::optional<std::string>& file, const char* prompt,
                               std::ostream& err) {
    if (file) {
        FILE* handle = std::fopen(file->c_str(), "rb");
        if (!handle) {
            return makeError(ErrorCode::InvalidInput, "Cannot open " + *file, std::strerror(errno));
        }
        auto secret = readLine(fileno(handle), *file);
        std::fclose(handle);
        return secret;
    }
    if (!isatty(STDIN_FILENO)) return readLine(STDIN_FILENO, "standard input");
    err << prompt << std::flush;
    Result<SecureBytes> secret = [] {
        EchoOff quiet(STDIN_FILENO);
        return readLine(STDIN_FILENO, "the terminal");
    }();
    err << "\n";
    return secret;
}

Result<SecureBytes> secretOnPinpad(const std::optional<std::string>& file, const char* what,
                                   std::ostream& err) {
    if (file)
        return makeError(
            ErrorCode::InvalidInput,
            std::string("This reader has a pinpad: enter the ") + what + " there, not from a file",
            "secret file " + *file + " given for a comfort reader");
    err << "Enter the " << what << " on the reader's pinpad\n" << std::flush;
    return SecureBytes();
}

}  // namespace oa::cli
