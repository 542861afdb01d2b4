import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One entry of the navigation bar: a symbol, a label and an optional badge ("!" when the
// screen needs attention). The checked state is also spoken, not only coloured.
ItemDelegate {
    id: button

    property string symbol
    property string badge

    Layout.fillWidth: true
    checkable: false
    highlighted: checked
    focusPolicy: Qt.StrongFocus
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    Accessible.role: Accessible.PageTab
    Accessible.name: badge !== "" ? qsTr("%1, needs attention").arg(text) : text
    Accessible.checkable: true
    Accessible.checked: checked

    contentItem: RowLayout {
        spacing: 12
        Label {
            text: button.symbol
            font.pixelSize: 20
            Layout.preferredWidth: 24
            horizontalAlignment: Text.AlignHCenter
            Accessible.ignored: true
        }
        Label {
            text: button.text
            font.bold: button.checked
            Layout.fillWidth: true
            // Wraps rather than cut: the bold (current) German names are wider than the column.
            wrapMode: Text.Wrap
            Accessible.ignored: true
        }
        Label {
            visible: button.badge !== ""
            text: button.badge
            font.bold: true
            color: "white"
            horizontalAlignment: Text.AlignHCenter
            Layout.preferredWidth: 22
            background: Rectangle { radius: 11; color: "#b3261e" }
            Accessible.ignored: true
        }
    }
}
