#pragma once

#include <QDate>
#include <QJsonObject>
#include <optional>

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa::service {

// ACCESS_RIGHTS' `aux` object from the authenticated auxiliary data the eID-Server sent with
// EAC1 (67 { 73 { 06 OID, 53 value } ... }, TR-03110-3 A.6.5): `ageVerificationDate` and
// `validityDate` as YYYY-MM-DD, `requiredAge` (whole years from the age verification date to
// `today`), `communityId` as hex. Only the keys present in the data; unknown OIDs are skipped.
// Malformed data, an unparseable date or a repeated OID is an error.
Result<QJsonObject> sdkAuxiliaryData(ByteView authenticatedAuxiliaryData, const QDate& today);

}  // namespace oa::service
