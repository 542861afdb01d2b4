#pragma once

#include <QByteArray>
#include <QUrl>
#include <optional>

#include "base/Result.h"
#include "net/EcardResult.h"

namespace oa::net {

// Pure steps of the RefreshAddress determination (TR-03124-1 2.5.4, §2.3 of our digest). The
// network side (TLS handshakes, certificate hashes) lives with the transport and the workflow.

// Adds ResultMajor (and ResultMinor on errors) as further query parameters, keeping any query and
// fragment the address already has.
QUrl withResult(const QUrl& address, const BrowserResult& result);

// Same scheme, host and port, where an omitted port means the scheme's default.
bool isSameOrigin(const QUrl& a, const QUrl& b);

// The origin the refresh address is compared with: the subjectURL of the certificate description
// when known, else the address the TC token was fetched from.
QUrl refreshReferenceOrigin(const QUrl& subjectUrl, const QUrl& tcTokenUrl);

// One hop while the refresh address is not yet same-origin: only 302, 303 or 307 with an https
// Location (relative ones resolved against the current address) lead on.
Result<QUrl> nextRefreshHop(const QUrl& current, int httpStatus, const QByteArray& location);

// Where the browser goes when the RefreshAddress cannot be used (§2.3 step 4): the
// CommunicationErrorAddress with communicationError; without one, nowhere (a 400 page).
std::optional<QUrl> communicationErrorRedirect(
    const std::optional<QUrl>& communicationErrorAddress);

// An absolute https URL with a host, as every address of the protocol must be.
bool isHttpsUrl(const QUrl& url);

}  // namespace oa::net
