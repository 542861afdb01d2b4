#include "sim/world/PinLetterStore.h"

namespace oa::sim {
namespace {

// No 0/O, 1/I/L: the code is typed from paper.
constexpr char kCodeAlphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

QString numbered(const char* prefix, std::size_t number) {
    return QStringLiteral("%1-%2").arg(QLatin1String(prefix)).arg(number, 6, 10, QLatin1Char('0'));
}

}  // namespace

const char* toString(PinLetterOrderStatus status) {
    return status == PinLetterOrderStatus::LetterSent ? "letter-sent" : "awaiting-authentication";
}

const char* toString(PinLetterActivationStatus status) {
    return status == PinLetterActivationStatus::Activated ? "activated" : "awaiting-authentication";
}

PinLetterStore::Placed PinLetterStore::placeOrder(const QByteArray& idempotencyKey) {
    if (auto known = orderKeys_.find(idempotencyKey); known != orderKeys_.end())
        return {&orders_.at(known->second), false};
    PinLetterOrder order;
    order.reference = numbered("PRS", orders_.size() + 1);
    order.idempotencyKey = idempotencyKey;
    orderKeys_[idempotencyKey] = order.reference;
    auto& stored = orders_[order.reference] = std::move(order);
    return {&stored, true};
}

PinLetterOrder* PinLetterStore::order(const QString& reference) {
    const auto found = orders_.find(reference);
    return found == orders_.end() ? nullptr : &found->second;
}

const PinLetter& PinLetterStore::sendLetter(PinLetterOrder& order, const QString& addressee,
                                            const std::function<int(int)>& random) {
    if (order.letter) return letters_.at(*order.letter);
    PinLetter letter;
    letter.orderReference = order.reference;
    for (int i = 0; i < 6; ++i)
        letter.newPin += QChar('0' + random(10));
    const int alphabet = static_cast<int>(sizeof(kCodeAlphabet) - 1);
    for (int i = 0; i < 12; ++i) {
        if (i > 0 && i % 4 == 0) letter.activationCode += QLatin1Char('-');
        letter.activationCode += QLatin1Char(kCodeAlphabet[random(alphabet)]);
    }
    letter.addressee = addressee;
    order.letter = letters_.size();
    order.status = PinLetterOrderStatus::LetterSent;
    letters_.push_back(std::move(letter));
    return letters_.back();
}

QString PinLetterStore::normalizedCode(const QString& code) {
    QString normalized;
    for (QChar c : code)
        if (c != QLatin1Char('-') && !c.isSpace()) normalized += c.toUpper();
    return normalized;
}

Result<PinLetterStore::Started> PinLetterStore::startActivation(const QByteArray& idempotencyKey,
                                                                const QString& code) {
    const QString wanted = normalizedCode(code);
    PinLetter* letter = nullptr;
    for (auto& candidate : letters_)
        if (normalizedCode(candidate.activationCode) == wanted) letter = &candidate;
    if (wanted.isEmpty() || !letter)
        return makeError(ErrorCode::InvalidInput, "The activation code is not known",
                         "unknown-activation-code");
    if (auto known = activationKeys_.find(idempotencyKey); known != activationKeys_.end()) {
        auto& activation = activations_.at(known->second);
        if (activation.orderReference != letter->orderReference)
            return makeError(ErrorCode::InvalidInput,
                             "This request key was already used for another activation code",
                             "idempotency-key-reused");
        return Started{&activation, false};
    }
    if (letter->used)
        return makeError(ErrorCode::InvalidInput, "The activation code was already used",
                         "activation-code-used");
    // A new key for a code whose activation is still open (the app was reinstalled, the key
    // lost): the same activation, not a second one.
    for (auto& [reference, activation] : activations_)
        if (activation.orderReference == letter->orderReference) {
            activationKeys_[idempotencyKey] = reference;
            return Started{&activation, false};
        }
    PinLetterActivation activation;
    activation.reference = numbered("ACT", activations_.size() + 1);
    activation.idempotencyKey = idempotencyKey;
    activation.orderReference = letter->orderReference;
    activationKeys_[idempotencyKey] = activation.reference;
    auto& stored = activations_[activation.reference] = std::move(activation);
    return Started{&stored, true};
}

PinLetterActivation* PinLetterStore::activation(const QString& reference) {
    const auto found = activations_.find(reference);
    return found == activations_.end() ? nullptr : &found->second;
}

PinLetter* PinLetterStore::letterFor(const PinLetterActivation& activation) {
    PinLetterOrder* owner = order(activation.orderReference);
    if (!owner || !owner->letter) return nullptr;
    return &letters_.at(*owner->letter);
}

}  // namespace oa::sim
