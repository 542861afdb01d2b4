#include "service/ServerIdentity.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "base/Version.h"

namespace oa::service {

ServerIdentity ServerIdentity::ours() {
    return ServerIdentity{"OpenAusweis", kVersion};
}

std::string ServerIdentity::productToken() const {
    return name + '/' + version + " (" + kSpecificationTitle + '/' + kSpecificationVersion + ')';
}

std::vector<std::pair<std::string, std::string>> ServerIdentity::statusFields() const {
    return {{"Name", name},
            {"Implementation-Title", name},
            {"Implementation-Vendor", "OpenAusweis project"},
            {"Implementation-Version", version},
            {"Specification-Title", kSpecificationTitle},
            {"Specification-Vendor", kSpecificationVendor},
            {"Specification-Version", kSpecificationVersion}};
}

std::string ServerIdentity::statusText() const {
    std::string text;
    for (const auto& [key, value] : statusFields())
        text += key + ": " + value + '\n';
    return text;
}

std::string ServerIdentity::statusJson() const {
    QJsonObject object;
    for (const auto& [key, value] : statusFields())
        object.insert(QString::fromStdString(key), QString::fromStdString(value));
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

}  // namespace oa::service
