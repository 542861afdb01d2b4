#pragma once

#include <string>

namespace oa::workflows {

// The purpose of the data access as a provider's plain-text terms of usage state it: the
// paragraph after a heading line "Zweck des Auslesevorgangs:" (or "Purpose:"), up to the next
// empty line or "Hinweis:"/"Note:" line. Empty when the terms name no purpose (also for HTML).
std::string purposeOfTermsOfUsage(const std::string& terms);

}  // namespace oa::workflows
