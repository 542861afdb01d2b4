#include "sim/world/ServerXml.h"

#include <QXmlStreamReader>

namespace oa::sim {
namespace {

Error refused(const std::string& detail) {
    return makeError(ErrorCode::InvalidInput, "The eID-Server received a malformed message",
                     detail);
}

}  // namespace

const ServerXmlElement* ServerXmlElement::child(QStringView localName) const {
    for (const auto& element : children)
        if (element.name == localName) return &element;
    return nullptr;
}

std::vector<const ServerXmlElement*> ServerXmlElement::childrenNamed(QStringView localName) const {
    std::vector<const ServerXmlElement*> found;
    for (const auto& element : children)
        if (element.name == localName) found.push_back(&element);
    return found;
}

std::optional<QString> ServerXmlElement::attribute(QStringView namespaceUri,
                                                   QStringView localName) const {
    const QString key = namespaceUri.toString() + QLatin1Char('|') + localName.toString();
    for (const auto& [name, value] : attributes)
        if (name == key) return value;
    return std::nullopt;
}

Result<ServerXmlElement> readServerXml(QByteArrayView xml, const ServerXmlLimits& limits) {
    if (xml.size() > limits.maxBytes)
        return refused("message of " + std::to_string(xml.size()) + " bytes is too large");
    QXmlStreamReader reader(xml.toByteArray());
    std::vector<ServerXmlElement> stack;
    std::optional<ServerXmlElement> root;
    int elements = 0;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
            case QXmlStreamReader::DTD:
                return refused("document type declarations are not accepted");
            case QXmlStreamReader::EntityReference:
                return refused("entity references are not accepted");
            case QXmlStreamReader::StartElement: {
                if (root) return refused("content after the root element");
                if (++elements > limits.maxElements) return refused("too many elements");
                if (static_cast<int>(stack.size()) >= limits.maxDepth)
                    return refused("elements nested too deeply");
                ServerXmlElement element;
                element.namespaceUri = reader.namespaceUri().toString();
                element.name = reader.name().toString();
                for (const auto& attribute : reader.attributes())
                    element.attributes.emplace_back(attribute.namespaceUri().toString() +
                                                        QLatin1Char('|') +
                                                        attribute.name().toString(),
                                                    attribute.value().toString());
                stack.push_back(std::move(element));
                break;
            }
            case QXmlStreamReader::EndElement: {
                ServerXmlElement done = std::move(stack.back());
                stack.pop_back();
                done.text = done.text.trimmed();
                if (stack.empty())
                    root = std::move(done);
                else
                    stack.back().children.push_back(std::move(done));
                break;
            }
            case QXmlStreamReader::Characters:
                if (stack.empty()) {
                    if (!reader.isWhitespace()) return refused("text outside the root element");
                } else {
                    stack.back().text += reader.text();
                }
                break;
            default:
                break;
        }
    }
    if (reader.hasError())
        return refused("XML: " + reader.errorString().toStdString() + " at line " +
                       std::to_string(reader.lineNumber()));
    if (!root) return refused("no root element");
    return std::move(*root);
}

}  // namespace oa::sim
