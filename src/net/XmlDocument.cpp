#include "net/XmlDocument.h"

#include <QXmlStreamReader>

namespace oa::net {
namespace {

Error xmlError(const std::string& detail) {
    return makeError(ErrorCode::InvalidInput, "The server sent a malformed message.", detail);
}

std::string position(const QXmlStreamReader& reader) {
    return "line " + std::to_string(reader.lineNumber()) + " column " +
           std::to_string(reader.columnNumber());
}

class StrictReader {
public:
    StrictReader(QByteArrayView document, const XmlLimits& limits) : limits_(limits) {
        reader_.setEntityExpansionLimit(0);
        reader_.addData(document.toByteArray());
    }

    Result<XmlElement> read() {
        std::optional<XmlElement> root;
        while (!reader_.atEnd()) {
            const auto token = reader_.readNext();
            if (auto refused = refusal(token)) return *refused;
            if (token == QXmlStreamReader::StartElement) {
                if (root) return xmlError("second root element at " + position(reader_));
                auto element = readElement(1);
                if (!element) return element.error();
                root = std::move(element.value());
            }
        }
        if (reader_.hasError()) return xmlError(errorText());
        if (!root) return xmlError("no root element");
        return std::move(*root);
    }

private:
    std::optional<Error> refusal(QXmlStreamReader::TokenType token) const {
        switch (token) {
            case QXmlStreamReader::DTD:
                return xmlError("document type declaration at " + position(reader_));
            case QXmlStreamReader::EntityReference:
                return xmlError("entity reference &" + logExcerpt(reader_.name()) + "; at " +
                                position(reader_));
            case QXmlStreamReader::ProcessingInstruction:
                return xmlError("processing instruction at " + position(reader_));
            case QXmlStreamReader::Invalid:
                return xmlError(errorText());
            default:
                return std::nullopt;
        }
    }

    std::string errorText() const {
        return reader_.errorString().toStdString() + " at " + position(reader_);
    }

    Result<XmlElement> readElement(int depth) {
        if (depth > limits_.maxDepth) return xmlError("nesting too deep at " + position(reader_));
        if (++elementCount_ > limits_.maxElements) return xmlError("too many elements");
        XmlElement element;
        element.namespaceUri = reader_.namespaceUri().toString();
        element.name = reader_.name().toString();
        for (const auto& attribute : reader_.attributes())
            element.attributes.push_back({attribute.namespaceUri().toString(),
                                          attribute.name().toString(),
                                          attribute.value().toString()});
        while (!reader_.atEnd()) {
            const auto token = reader_.readNext();
            if (auto refused = refusal(token)) return *refused;
            if (token == QXmlStreamReader::EndElement) return element;
            if (token == QXmlStreamReader::Characters) element.text += reader_.text();
            if (token == QXmlStreamReader::StartElement) {
                auto child = readElement(depth + 1);
                if (!child) return child.error();
                element.children.push_back(std::move(child.value()));
            }
        }
        return xmlError(reader_.hasError() ? errorText() : "document ends inside an element");
    }

    QXmlStreamReader reader_;
    XmlLimits limits_;
    int elementCount_ = 0;
};

int hexDigit(QChar c) {
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9') return u - '0';
    if (u >= 'a' && u <= 'f') return u - 'a' + 10;
    if (u >= 'A' && u <= 'F') return u - 'A' + 10;
    return -1;
}

}  // namespace

const XmlElement* XmlElement::child(QStringView localName) const {
    for (const auto& c : children)
        if (c.name == localName) return &c;
    return nullptr;
}

std::vector<const XmlElement*> XmlElement::childrenNamed(QStringView localName) const {
    std::vector<const XmlElement*> found;
    for (const auto& c : children)
        if (c.name == localName) found.push_back(&c);
    return found;
}

std::optional<QString> XmlElement::attribute(QStringView localName) const {
    for (const auto& a : attributes)
        if (a.name == localName) return a.value;
    return std::nullopt;
}

Result<XmlElement> parseXmlDocument(QByteArrayView document, const XmlLimits& limits) {
    if (document.size() > limits.maxBytes)
        return xmlError("document of " + std::to_string(document.size()) + " bytes exceeds " +
                        std::to_string(limits.maxBytes));
    return StrictReader(document, limits).read();
}

std::string logExcerpt(QStringView text) {
    constexpr qsizetype kMaxCharacters = 80;
    QString excerpt = text.first(std::min(text.size(), kMaxCharacters)).toString();
    // Line breaks and other control characters from a peer would forge log lines.
    for (QChar& c : excerpt)
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            c = QLatin1Char('?');
    return excerpt.toStdString() + (text.size() > kMaxCharacters ? "..." : "");
}

std::optional<Bytes> decodeHexBinary(QStringView text) {
    const QStringView hex = text.trimmed();
    if (hex.size() % 2 != 0) return std::nullopt;
    Bytes bytes;
    bytes.reserve(static_cast<std::size_t>(hex.size() / 2));
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        const int high = hexDigit(hex[i]);
        const int low = hexDigit(hex[i + 1]);
        if (high < 0 || low < 0) return std::nullopt;
        bytes.push_back(static_cast<std::uint8_t>(high << 4 | low));
    }
    return bytes;
}

}  // namespace oa::net
