#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <optional>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa::net {

// One element of a small, fully read XML document. Only what the eID protocols need: names with
// their namespace, attributes, the element's own character data and its child elements.
struct XmlElement {
    struct Attribute {
        QString namespaceUri;
        QString name;
        QString value;
    };

    QString namespaceUri;
    QString name;  // local name, without prefix
    std::vector<Attribute> attributes;
    QString text;  // character data directly inside this element
    std::vector<XmlElement> children;

    // Children are matched by local name: real servers differ in the namespaces they use.
    const XmlElement* child(QStringView localName) const;
    std::vector<const XmlElement*> childrenNamed(QStringView localName) const;
    std::optional<QString> attribute(QStringView localName) const;
    // xs:collapse style: surrounding whitespace is not part of URIs, hex or numbers.
    QString trimmedText() const { return text.trimmed(); }
};

struct XmlLimits {
    qsizetype maxBytes = 64 * 1024;
    int maxDepth = 16;
    int maxElements = 512;
};

// Reads a whole document strictly: any DTD, entity declaration, reference to an entity other than
// the five predefined ones, or processing instruction is rejected before anything is expanded;
// size, nesting depth and element count are bounded.
Result<XmlElement> parseXmlDocument(QByteArrayView document, const XmlLimits& limits);

// At most 80 characters of untrusted text for an error detail, marked when cut, on one line
// (control characters become '?').
std::string logExcerpt(QStringView text);

// Strict xs:hexBinary: digits and letters a-f/A-F only, even length, surrounding whitespace
// allowed.
std::optional<Bytes> decodeHexBinary(QStringView text);

}  // namespace oa::net
