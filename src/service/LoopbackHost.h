#pragma once

#include <QtGlobal>
#include <string>

namespace oa::service {

// DNS rebinding defence: a page from evil.example whose name was made to resolve to 127.0.0.1 still
// sends `Host: evil.example`. Only loopback names with our port are answered.
enum class HostVerdict { Accepted, Missing, NotLoopback, WrongPort };

HostVerdict checkHost(const std::string* host, quint16 port);
bool isLoopbackName(const std::string& name);

}  // namespace oa::service
