#include "app/ReaderEventLog.h"

#include "base/Bytes.h"

namespace oa {

Q_LOGGING_CATEGORY(lcReaders, "openausweis.readers")

void logReaderEvents(const QString& source, const std::vector<ReaderEvent>& events) {
    for (const auto& event : events) {
        auto line =
            QStringLiteral("[%1] %2").arg(source, QString::fromLatin1(toString(event.kind)));
        if (!event.reader.empty())
            line += QStringLiteral(" \"%1\"").arg(QString::fromStdString(event.reader));
        if (!event.atr.empty())
            line += QStringLiteral(" ATR %1").arg(QString::fromStdString(toHex(event.atr)));
        qCInfo(lcReaders).noquote() << line;
    }
}

}  // namespace oa
