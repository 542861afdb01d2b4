#include "app/SecretText.h"

#include <QByteArray>

namespace oa {

SecureBytes secretFromText(const QString& text) {
    QByteArray latin1 = text.toLatin1();
    SecureBytes secret(ByteView(reinterpret_cast<const std::uint8_t*>(latin1.constData()),
                                static_cast<std::size_t>(latin1.size())));
    wipe(latin1.data(), static_cast<std::size_t>(latin1.size()));
    return secret;
}

}  // namespace oa
