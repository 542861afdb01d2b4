#include "workflows/PendingOrderStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace oa::workflows {
namespace {

constexpr int kVersion = 1;

QJsonObject toJson(const PendingRequest& request) {
    return {{"service", request.service},
            {"idempotencyKey", QString::fromLatin1(request.idempotencyKey)},
            {"reference", request.reference},
            {"created", request.created.toString(Qt::ISODate)}};
}

QJsonObject toJson(const OrderedLetter& letter) {
    return {{"service", letter.service},
            {"reference", letter.reference},
            {"ordered", letter.ordered.toString(Qt::ISODate)}};
}

std::optional<QDateTime> dateFrom(const QJsonValue& value) {
    if (!value.isString()) return std::nullopt;
    QDateTime date = QDateTime::fromString(value.toString(), Qt::ISODate);
    if (!date.isValid()) return std::nullopt;
    return date.toUTC();
}

std::optional<PendingRequest> pendingFrom(const QJsonValue& value) {
    const QJsonObject object = value.toObject();
    const auto created = dateFrom(object.value("created"));
    if (!value.isObject() || object.size() != 4 || !object.value("service").isString() ||
        !object.value("idempotencyKey").isString() || !object.value("reference").isString() ||
        !created)
        return std::nullopt;
    PendingRequest request{object.value("service").toString(),
                           object.value("idempotencyKey").toString().toLatin1(),
                           object.value("reference").toString(), *created};
    if (request.service.isEmpty() || request.idempotencyKey.isEmpty()) return std::nullopt;
    return request;
}

std::optional<OrderedLetter> orderedFrom(const QJsonValue& value) {
    const QJsonObject object = value.toObject();
    const auto ordered = dateFrom(object.value("ordered"));
    if (!value.isObject() || object.size() != 3 || !object.value("service").isString() ||
        !object.value("reference").isString() || !ordered)
        return std::nullopt;
    return OrderedLetter{object.value("service").toString(), object.value("reference").toString(),
                         *ordered};
}

template <typename T, typename Parse>
bool readList(const QJsonValue& value, std::vector<T>& into, Parse parse) {
    if (!value.isArray()) return false;
    for (const QJsonValue& entry : value.toArray()) {
        auto parsed = parse(entry);
        if (!parsed) return false;
        into.push_back(std::move(*parsed));
    }
    return true;
}

}  // namespace

PendingOrderStore::PendingOrderStore(QString path) : path_(std::move(path)) {}

QString PendingOrderStore::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/pin-letter.json");
}

Result<void> PendingOrderStore::load() {
    orders_.clear();
    activations_.clear();
    ordered_.clear();
    if (path_.isEmpty() || !QFileInfo::exists(path_)) return {};
    QFile file(path_);
    QJsonParseError parseError{};
    QJsonDocument document;
    if (file.open(QIODevice::ReadOnly))
        document = QJsonDocument::fromJson(file.readAll(), &parseError);
    file.close();
    const QJsonObject root = document.object();
    const bool ok = parseError.error == QJsonParseError::NoError && document.isObject() &&
                    root.value("version").toInt() == kVersion &&
                    readList(root.value("pendingOrders"), orders_, pendingFrom) &&
                    readList(root.value("pendingActivations"), activations_, pendingFrom) &&
                    readList(root.value("ordered"), ordered_, orderedFrom);
    if (ok) return {};
    orders_.clear();
    activations_.clear();
    ordered_.clear();
    const QString aside = path_ + QStringLiteral(".unreadable");
    QFile::remove(aside);
    QFile::rename(path_, aside);
    return makeError(ErrorCode::InvalidInput,
                     "The saved PIN letter orders could not be read; they were put aside",
                     aside.toStdString() + ": " + parseError.errorString().toStdString());
}

std::optional<PendingRequest> PendingOrderStore::pending(Kind kind, const QString& service) const {
    for (const auto& request : list(kind))
        if (request.service == service) return request;
    return std::nullopt;
}

Result<void> PendingOrderStore::setPending(Kind kind, const PendingRequest& request) {
    auto& requests = list(kind);
    std::erase_if(requests, [&](const PendingRequest& r) { return r.service == request.service; });
    requests.push_back(request);
    return save();
}

Result<void> PendingOrderStore::clearPending(Kind kind, const QString& service) {
    std::erase_if(list(kind), [&](const PendingRequest& r) { return r.service == service; });
    return save();
}

Result<void> PendingOrderStore::addOrdered(const OrderedLetter& letter) {
    ordered_.push_back(letter);
    return save();
}

Result<void> PendingOrderStore::save() const {
    if (path_.isEmpty()) return {};
    QJsonArray orders, activations, ordered;
    for (const auto& request : orders_)
        orders.append(toJson(request));
    for (const auto& request : activations_)
        activations.append(toJson(request));
    for (const auto& letter : ordered_)
        ordered.append(toJson(letter));
    const QJsonObject root{{"version", kVersion},
                           {"pendingOrders", orders},
                           {"pendingActivations", activations},
                           {"ordered", ordered}};
    QDir().mkpath(QFileInfo(path_).absolutePath());
    QSaveFile file(path_);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson()) < 0 ||
        !file.commit())
        return makeError(ErrorCode::Unknown, "The PIN letter order could not be saved",
                         path_.toStdString() + ": " + file.errorString().toStdString());
    return {};
}

}  // namespace oa::workflows
