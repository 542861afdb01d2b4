import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A status at a glance: symbol, title and what to do. The kind shows in symbol and words as well
// as colour, so it reads without colour too.
Pane {
    id: panel

    // "ok", "info", "warning" or "error"
    property string kind: "info"
    property string title
    property string guidance

    Layout.fillWidth: true
    padding: 20
    Material.elevation: 1
    Material.background: kind === "ok" ? (Material.theme === Material.Dark ? "#1d3b26" : "#e3f1e5")
                       : kind === "error" ? (Material.theme === Material.Dark ? "#4a1f1c" : "#fbe4e2")
                       : kind === "warning" ? (Material.theme === Material.Dark ? "#46391a" : "#fdf1d6")
                       : (Material.theme === Material.Dark ? "#1e3347" : "#e4edf6")

    Accessible.role: Accessible.AlertMessage
    Accessible.name: title
    Accessible.description: guidance

    RowLayout {
        anchors.fill: parent
        spacing: 16
        Label {
            Layout.alignment: Qt.AlignTop
            text: panel.kind === "ok" ? "\u2714" : panel.kind === "error" ? "\u2716"
                : panel.kind === "warning" ? "\u26a0" : "\u2139"
            font.pixelSize: 32
            Accessible.ignored: true
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 6
            Label {
                Layout.fillWidth: true
                text: panel.title
                font.pixelSize: 20
                font.bold: true
                wrapMode: Text.Wrap
                Accessible.ignored: true
            }
            Label {
                Layout.fillWidth: true
                visible: text !== ""
                text: panel.guidance
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                Accessible.ignored: true
            }
        }
    }
}
