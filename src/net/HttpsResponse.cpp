#include "net/HttpsResponse.h"

namespace oa::net {

QByteArray HttpsResponse::header(QByteArrayView name) const {
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
    return {};
}

}  // namespace oa::net
