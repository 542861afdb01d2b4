#pragma once

#include <QString>

#include "base/SecureBytes.h"

namespace oa {

// A PIN, CAN or PUK typed into a QML field, as SecureBytes; the intermediate bytes are wiped.
// The fields themselves are cleared by the pages once the text is handed over.
SecureBytes secretFromText(const QString& text);

}  // namespace oa
