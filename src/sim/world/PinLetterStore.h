#pragma once

#include <QByteArray>
#include <QString>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/Result.h"

namespace oa::sim {

// The "letter" the PIN letter service posts: a new PIN, the activation code and the order
// reference, addressed to the person read from the card.
struct PinLetter {
    QString orderReference;
    QString newPin;          // 6 digits
    QString activationCode;  // XXXX-XXXX-XXXX
    QString addressee;       // names and address as read
    bool used = false;       // activated
};

enum class PinLetterOrderStatus { AwaitingAuthentication, LetterSent };
enum class PinLetterActivationStatus { AwaitingAuthentication, Activated };
const char* toString(PinLetterOrderStatus status);
const char* toString(PinLetterActivationStatus status);

struct PinLetterOrder {
    QString reference;  // PRS-000001
    QByteArray idempotencyKey;
    PinLetterOrderStatus status = PinLetterOrderStatus::AwaitingAuthentication;
    std::vector<QString> sessions;  // eID sessions started for it, newest last
    std::optional<std::size_t> letter;
};

struct PinLetterActivation {
    QString reference;  // ACT-000001
    QByteArray idempotencyKey;
    QString orderReference;
    PinLetterActivationStatus status = PinLetterActivationStatus::AwaitingAuthentication;
    std::vector<QString> sessions;
};

// The service's memory: orders and activations by reference and by idempotency key, and the
// letters posted. The same key always means the same order; an order gets one letter, ever.
class PinLetterStore {
public:
    struct Placed {
        PinLetterOrder* order;
        bool created;  // false: a repeat of an earlier request with this key
    };
    Placed placeOrder(const QByteArray& idempotencyKey);
    PinLetterOrder* order(const QString& reference);

    // Posts the letter for an order (once; later calls change nothing). `random` gives uniform
    // integers in [0, n).
    const PinLetter& sendLetter(PinLetterOrder& order, const QString& addressee,
                                const std::function<int(int)>& random);

    struct Started {
        PinLetterActivation* activation;
        bool created;
    };
    // The code is compared without dashes, spaces and case. Errors: the code is unknown or
    // already used (InvalidInput), or the key was used for another code (InvalidInput).
    Result<Started> startActivation(const QByteArray& idempotencyKey, const QString& code);
    PinLetterActivation* activation(const QString& reference);
    PinLetter* letterFor(const PinLetterActivation& activation);

    const std::vector<PinLetter>& letters() const { return letters_; }
    std::size_t orderCount() const { return orders_.size(); }

    static QString normalizedCode(const QString& code);

private:
    std::map<QString, PinLetterOrder> orders_;
    std::map<QByteArray, QString> orderKeys_;
    std::map<QString, PinLetterActivation> activations_;
    std::map<QByteArray, QString> activationKeys_;
    std::vector<PinLetter> letters_;
};

}  // namespace oa::sim
