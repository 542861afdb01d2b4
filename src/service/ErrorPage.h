#pragma once

#include <string>

#include "service/HttpResponse.h"

namespace oa::service {

enum class PageLanguage { English, German };

// The language of the browser's Accept-Language that we speak (highest q wins; English if none).
PageLanguage preferredLanguage(const std::string* acceptLanguage);

// Why the eID-Client refuses or ends a browser request, in words a user can act on.
enum class PageReason {
    UnknownRequest,     // 404 on a path or query we do not serve
    InvalidActivation,  // 400: tcTokenURL missing or not an https URL
    Busy,               // 409: another activation runs
    TcTokenNotFound,    // 404 from the workflow
    NoRedirect,         // 400 from the workflow: no address to return to
    InternalError,      // 500
    ForeignHost,        // 403/421: not addressed to this computer's loopback
    MalformedRequest,   // 400/501 from the parser
    TooLarge,           // 413/414/431
    Timeout,            // 408
};

// A complete HTML error response. `detail` is shown escaped; `retryTarget` (the request target)
// adds a "try again" link.
HttpResponse errorPage(int status, PageReason reason, PageLanguage language,
                       const std::string& detail = {}, const std::string& retryTarget = {});

std::string escapeHtml(const std::string& text);

}  // namespace oa::service
