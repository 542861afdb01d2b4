#include "sim/card/CardStateFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>

namespace oa::sim {
namespace {

Error invalid(const std::string& path, std::string detail) {
    return makeError(ErrorCode::InvalidInput, "The saved card state is not valid",
                     path + ": " + std::move(detail));
}

bool validPin(const QString& pin) {
    return (pin.size() == 5 || pin.size() == 6) &&
           std::all_of(pin.begin(), pin.end(), [](QChar c) { return c.isDigit(); });
}

}  // namespace

Result<std::optional<PersistentCardState>> loadCardState(const std::string& path) {
    QFile file(QString::fromStdString(path));
    if (!file.exists()) return std::optional<PersistentCardState>{};
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::InvalidInput, "Cannot read the saved card state",
                         path + ": " + file.errorString().toStdString());
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject()) return invalid(path, "not a JSON object");
    const QJsonObject o = document.object();
    const int counter = o.value("pinRetryCounter").toInt(-1);
    const int pukUses = o.value("pukUsesLeft").toInt(-1);
    const QString pin = o.value("pin").toString();
    if (counter < 0 || counter > PinState::kMaxRetries || pukUses < 0 ||
        pukUses > PinState::kPukUses || !o.value("eidDeactivated").isBool() ||
        !o.value("transportPin").isBool() || !validPin(pin)) {
        return invalid(path, "missing or out-of-range fields");
    }
    PersistentCardState state;
    state.pinState.retryCounter = counter;
    state.pinState.pukUsesLeft = pukUses;
    state.pinState.eidDeactivated = o.value("eidDeactivated").toBool();
    state.pinState.transportPin = o.value("transportPin").toBool();
    state.pin = SecureBytes::fromAscii(pin.toStdString());
    return std::optional<PersistentCardState>(std::move(state));
}

Result<void> saveCardState(const std::string& path, const PersistentCardState& state) {
    QJsonObject o;
    o["pinRetryCounter"] = state.pinState.retryCounter;
    o["pukUsesLeft"] = state.pinState.pukUsesLeft;
    o["eidDeactivated"] = state.pinState.eidDeactivated;
    o["transportPin"] = state.pinState.transportPin;
    o["pin"] = QString::fromLatin1(reinterpret_cast<const char*>(state.pin.bytes().data()),
                                   static_cast<qsizetype>(state.pin.size()));
    // Written to a temporary file and renamed, so a crash never leaves half a state behind.
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly)) {
        return makeError(ErrorCode::InvalidInput, "Cannot save the card state",
                         path + ": " + file.errorString().toStdString());
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(o).toJson());
    if (!file.commit()) {
        return makeError(ErrorCode::InvalidInput, "Cannot save the card state",
                         path + ": " + file.errorString().toStdString());
    }
    return {};
}

}  // namespace oa::sim
