import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Across the top of the window while developer mode is on: in words and with a symbol, not only
// by colour, on every screen.
Pane {
    objectName: "developerModeBar"
    padding: 8
    background: Rectangle { color: "#8a1c1c" }
    Accessible.role: Accessible.AlertMessage
    Accessible.name: label.text

    RowLayout {
        anchors.fill: parent
        spacing: 10
        Label {
            text: "\u26a0"
            color: "white"
            font.pixelSize: 20
            Accessible.ignored: true
        }
        Label {
            id: label
            Layout.fillWidth: true
            text: qsTr("DEVELOPER MODE: test certificates are trusted. Never use it with real services; turn it off in the settings.")
            color: "white"
            font.bold: true
            wrapMode: Text.Wrap
            Accessible.ignored: true
        }
    }
}
