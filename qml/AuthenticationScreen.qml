import QtQuick
import OpenAusweis

// The authentication page in the main window while an authentication runs or its result is
// shown; nothing otherwise (and nothing at all without a controller, as in tests of other pages).
Loader {
    id: screen

    property AuthController authentication: null
    readonly property bool shown: screen.authentication !== null && screen.authentication.page !== "idle"

    visible: screen.shown
    onShownChanged: {
        if (screen.shown)
            screen.setSource("AuthenticationPage.qml", { controller: screen.authentication })
        else
            screen.setSource("")
    }
}
