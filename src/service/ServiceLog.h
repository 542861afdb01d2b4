#pragma once

#include <QLoggingCategory>

namespace oa::service {
Q_DECLARE_LOGGING_CATEGORY(lcService)
}  // namespace oa::service
