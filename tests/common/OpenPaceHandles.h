// Owning handles for OpenPACE (libeac) objects, shared by the tests and the benchmark that run
// OpenPACE as an independent terminal.
#pragma once

#include <eac/eac.h>
#include <eac/pace.h>
#include <openssl/buffer.h>

#include <cstring>
#include <memory>

#include "base/Bytes.h"

namespace oa::test::openpace {

struct BufferFree {
    void operator()(BUF_MEM* b) const { BUF_MEM_free(b); }
};
using Buffer = std::unique_ptr<BUF_MEM, BufferFree>;
struct ContextFree {
    void operator()(EAC_CTX* c) const { EAC_CTX_clear_free(c); }
};
using Context = std::unique_ptr<EAC_CTX, ContextFree>;
struct SecretFree {
    void operator()(PACE_SEC* s) const { PACE_SEC_clear_free(s); }
};
using Secret = std::unique_ptr<PACE_SEC, SecretFree>;

// A copy of `bytes` in OpenPACE's buffer type; null if memory ran out.
inline Buffer buffer(ByteView bytes) {
    Buffer b(BUF_MEM_new());
    if (!b || BUF_MEM_grow(b.get(), bytes.size()) != bytes.size()) return nullptr;
    if (!bytes.empty()) std::memcpy(b->data, bytes.data(), bytes.size());
    return b;
}

// Empty for a null buffer.
inline Bytes bytesOf(const BUF_MEM* b) {
    if (!b) return {};
    const auto* data = reinterpret_cast<const std::uint8_t*>(b->data);
    return Bytes(data, data + b->length);
}

}  // namespace oa::test::openpace
