#pragma once

#include <QByteArrayView>
#include <QString>
#include <optional>
#include <vector>

#include "base/Result.h"

namespace oa::sim {

// A small element tree for the eID-Server's side of PAOS, read strictly and independently of
// the client's reader: no DTD (so no entity can be declared, let alone expanded), no entity
// references, bounded size, depth and element count.
struct ServerXmlElement {
    QString namespaceUri;
    QString name;                                         // local name
    QString text;                                         // character data directly inside, trimmed
    std::vector<std::pair<QString, QString>> attributes;  // (namespace + '|' + local name, value)
    std::vector<ServerXmlElement> children;

    const ServerXmlElement* child(QStringView localName) const;
    std::vector<const ServerXmlElement*> childrenNamed(QStringView localName) const;
    std::optional<QString> attribute(QStringView namespaceUri, QStringView localName) const;
};

struct ServerXmlLimits {
    qsizetype maxBytes = 1024 * 1024;
    int maxDepth = 24;
    int maxElements = 4096;
};

Result<ServerXmlElement> readServerXml(QByteArrayView xml, const ServerXmlLimits& limits = {});

}  // namespace oa::sim
