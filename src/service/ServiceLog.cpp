#include "service/ServiceLog.h"

namespace oa::service {
Q_LOGGING_CATEGORY(lcService, "openausweis.service")
}  // namespace oa::service
