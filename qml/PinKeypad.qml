import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Digits 1–9, 0 and erase, for those who prefer not to type.
GridLayout {
    id: pad

    signal digit(string value)
    signal erase()

    columns: 3
    rowSpacing: 4
    columnSpacing: 4
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("On-screen keypad")

    Repeater {
        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0"]
        onItemAdded: (index, item) => item.clicked.connect(() => pad.digit(item.text))
        delegate: Button {
            id: key
            required property string modelData
            visible: key.modelData !== ""
            text: key.modelData
            focusPolicy: Qt.StrongFocus
            Layout.preferredWidth: 64
            Accessible.role: Accessible.Button
            Accessible.name: key.modelData
        }
    }
    Button {
        text: "\u232b"
        Layout.preferredWidth: 64
        onClicked: pad.erase()
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Erase the last digit")
    }
}
