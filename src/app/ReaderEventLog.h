#pragma once

#include <QLoggingCategory>
#include <QString>
#include <vector>

#include "card/ReaderInfo.h"

namespace oa {

Q_DECLARE_LOGGING_CATEGORY(lcReaders)

// Writes reader events of one source to the openausweis.readers logging category.
void logReaderEvents(const QString& source, const std::vector<ReaderEvent>& events);

}  // namespace oa
