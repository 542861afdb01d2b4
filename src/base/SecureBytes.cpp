#include "base/SecureBytes.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <cstring>

namespace oa {

void wipe(void* data, std::size_t size) {
    if (data != nullptr && size > 0) explicit_bzero(data, size);
}

void wipe(Bytes& bytes) {
    wipe(bytes.data(), bytes.capacity());
    bytes.clear();
}

void wipe(std::string& text) {
    wipe(text.data(), text.capacity());
    text.clear();
}

Result<void> keepSecretsOutOfCoreDumps() {
    const char* allow = getenv("OPENAUSWEIS_ALLOW_CORE_DUMPS");
    if (allow != nullptr && std::strcmp(allow, "1") == 0) return {};
    const rlimit none{0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0)
        return makeError(ErrorCode::Unknown, "Could not switch off core dumps",
                         std::string("setrlimit(RLIMIT_CORE): ") + strerror(errno));
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        return makeError(ErrorCode::Unknown, "Could not switch off core dumps",
                         std::string("prctl(PR_SET_DUMPABLE): ") + strerror(errno));
    return {};
}

SecureBytes::SecureBytes(ByteView bytes) : data_(bytes.begin(), bytes.end()) {}

SecureBytes SecureBytes::fromAscii(std::string_view text) {
    return SecureBytes(ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

SecureBytes::SecureBytes(const SecureBytes& other) : data_(other.data_) {}

// A moved-from vector hands over its buffer, so nothing is left to wipe behind.
SecureBytes::SecureBytes(SecureBytes&& other) noexcept : data_(std::move(other.data_)) {
    other.data_.clear();
}

SecureBytes& SecureBytes::operator=(const SecureBytes& other) {
    if (this != &other) {
        clear();
        data_ = other.data_;
    }
    return *this;
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept {
    if (this != &other) {
        clear();
        data_ = std::move(other.data_);
        other.data_.clear();
    }
    return *this;
}

SecureBytes::~SecureBytes() {
    clear();
}

void SecureBytes::clear() {
    wipe(data_);
}

}  // namespace oa
