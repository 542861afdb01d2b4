#pragma once

#include "base/Bytes.h"

namespace oa {

// Holds a secret (PIN, CAN, PUK, session key) and wipes its memory when it changes or dies.
// It has no conversion to text, so a secret cannot end up in a log line by accident.
class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(ByteView bytes);
    static SecureBytes fromAscii(std::string_view text);
    SecureBytes(const SecureBytes& other);
    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(const SecureBytes& other);
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    ~SecureBytes();

    ByteView bytes() const { return ByteView(data_.data(), data_.size()); }
    std::size_t size() const { return data_.size(); }
    bool empty() const { return data_.empty(); }
    void clear();

private:
    Bytes data_;
};

// Overwrites memory in a way the optimiser may not drop.
void wipe(void* data, std::size_t size);
void wipe(Bytes& bytes);
void wipe(std::string& text);

}  // namespace oa
