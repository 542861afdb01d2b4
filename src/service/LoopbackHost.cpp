#include "service/LoopbackHost.h"

#include <QHostAddress>
#include <QString>
#include <algorithm>

#include "service/HttpRequest.h"

namespace oa::service {

bool isLoopbackName(const std::string& name) {
    if (equalsIgnoringCase(name, "localhost")) return true;
    std::string literal = name;
    if (literal.size() > 2 && literal.front() == '[' && literal.back() == ']')
        literal = literal.substr(1, literal.size() - 2);
    else if (literal.find(':') != std::string::npos)
        return false;  // an IPv6 literal must be bracketed in Host
    // Only dotted quads: QHostAddress would also read "127.1" or "2130706433".
    if (literal.find(':') == std::string::npos &&
        literal.find_first_not_of("0123456789.") != std::string::npos)
        return false;
    if (literal.find(':') == std::string::npos &&
        std::count(literal.begin(), literal.end(), '.') != 3)
        return false;
    QHostAddress address;
    return address.setAddress(QString::fromStdString(literal)) && address.isLoopback();
}

HostVerdict checkHost(const std::string* host, quint16 port) {
    if (!host || host->empty()) return HostVerdict::Missing;
    const auto colon = host->rfind(':');
    const auto bracket = host->rfind(']');
    if (colon == std::string::npos || (bracket != std::string::npos && colon < bracket)) {
        if (!isLoopbackName(*host)) return HostVerdict::NotLoopback;
        return port == 80 ? HostVerdict::Accepted : HostVerdict::WrongPort;
    }
    const std::string name = host->substr(0, colon);
    const std::string portText = host->substr(colon + 1);
    if (!isLoopbackName(name)) return HostVerdict::NotLoopback;
    if (portText.empty() || portText.size() > 5 ||
        portText.find_first_not_of("0123456789") != std::string::npos)
        return HostVerdict::WrongPort;
    return std::stoul(portText) == port ? HostVerdict::Accepted : HostVerdict::WrongPort;
}

}  // namespace oa::service
