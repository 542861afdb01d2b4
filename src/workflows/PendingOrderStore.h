#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

#include "base/Result.h"

namespace oa::workflows {

// An order or activation sent (or about to be sent) to a PIN letter service and not yet
// confirmed: its idempotency key makes a resumed request the same request.
struct PendingRequest {
    QString service;  // the service URL as configured
    QByteArray idempotencyKey;
    QString reference;  // the service's order or activation reference, once known
    QDateTime created;  // UTC
};

// A confirmed order, kept so the user can see its reference later.
struct OrderedLetter {
    QString service;
    QString reference;
    QDateTime ordered;  // UTC
};

// The PIN letter workflow's memory across restarts, one JSON file (pin-letter.json in the app
// data directory; tests inject the path). Every change is written at once, atomically. An
// unreadable file is moved aside (".unreadable") rather than blocking every later order.
class PendingOrderStore {
public:
    enum class Kind { Order, Activation };

    // Empty path: kept in memory only.
    explicit PendingOrderStore(QString path);
    static QString defaultPath();

    // Reads the file if there is one; an error says it was unreadable and has been moved aside.
    Result<void> load();

    std::optional<PendingRequest> pending(Kind kind, const QString& service) const;
    Result<void> setPending(Kind kind, const PendingRequest& request);
    Result<void> clearPending(Kind kind, const QString& service);

    const std::vector<OrderedLetter>& ordered() const { return ordered_; }
    Result<void> addOrdered(const OrderedLetter& letter);

    const QString& path() const { return path_; }

private:
    Result<void> save() const;
    std::vector<PendingRequest>& list(Kind kind) {
        return kind == Kind::Order ? orders_ : activations_;
    }
    const std::vector<PendingRequest>& list(Kind kind) const {
        return kind == Kind::Order ? orders_ : activations_;
    }

    QString path_;
    std::vector<PendingRequest> orders_;
    std::vector<PendingRequest> activations_;
    std::vector<OrderedLetter> ordered_;
};

}  // namespace oa::workflows
