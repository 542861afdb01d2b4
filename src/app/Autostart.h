#pragma once

#include <QString>

#include "base/Result.h"

namespace oa {

// The user's XDG autostart entry ($XDG_CONFIG_HOME/autostart/openausweis.desktop), made from the
// template the package ships (platform/autostart/openausweis.desktop, built into the app). The
// package never installs it system-wide: starting with the session is the user's choice.
class Autostart {
public:
    // `configHome` empty: $XDG_CONFIG_HOME, else ~/.config.
    explicit Autostart(QString configHome = {});

    QString entryPath() const { return entryPath_; }
    bool isEnabled() const;
    // Writes the entry; `executable` replaces the template's bare "openausweis" when the program
    // is not the one found on PATH (a build tree, /opt), so the session starts this very program.
    Result<void> enable(const QString& executable) const;
    Result<void> disable() const;

    // The template with its Exec line pointed at `executable` (empty: left as it is).
    static Result<QByteArray> entryFor(const QString& executable);

private:
    QString entryPath_;
};

}  // namespace oa
