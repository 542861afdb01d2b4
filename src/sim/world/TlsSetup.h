#pragma once

#include <QSslConfiguration>

#include "sim/world/Misbehaviour.h"
#include "sim/world/TlsTestPki.h"

namespace oa::sim {

// The eService (TLS-1-2 for the client): TLS 1.2 or later with forward-secret AES-GCM suites.
QSslConfiguration eServiceTlsConfiguration(const TlsTestPki& pki, const TlsMisbehaviour& faults);
// The eID-Server (TLS-2): TLS 1.2 with RSA-PSK suites only.
QSslConfiguration eidServerTlsConfiguration(const TlsTestPki& pki, const TlsMisbehaviour& faults);

}  // namespace oa::sim
