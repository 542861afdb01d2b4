#pragma once

#include "base/Bytes.h"
#include "base/Result.h"

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

// Keeps every secret of this process out of core dumps, wherever it lives (SecureBytes, Qt
// strings, OpenSSL contexts): no core file (RLIMIT_CORE 0) and not dumpable (PR_SET_DUMPABLE 0,
// which also keeps same-user debuggers from attaching). The faces call it first thing in main().
// OPENAUSWEIS_ALLOW_CORE_DUMPS=1 leaves both alone for debugging.
Result<void> keepSecretsOutOfCoreDumps();

}  // namespace oa
