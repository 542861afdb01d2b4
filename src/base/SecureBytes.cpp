#include "base/SecureBytes.h"

#include <string.h>

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
