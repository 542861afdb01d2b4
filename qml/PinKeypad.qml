import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Digits 1–9, 0 and erase, for those who prefer not to type; optionally in a fresh random order
// each time it is shown, so the positions clicked tell an onlooker nothing.
GridLayout {
    id: pad

    property bool shuffled: false
    readonly property var ordered: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0"]
    property var keys: pad.ordered

    signal digit(string value)
    signal erase()

    function arrange() {
        if (!pad.shuffled) {
            pad.keys = pad.ordered
            return
        }
        const digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
        for (let i = digits.length - 1; i > 0; --i) {
            const j = Math.floor(Math.random() * (i + 1))
            const swap = digits[i]
            digits[i] = digits[j]
            digits[j] = swap
        }
        pad.keys = digits.slice(0, 9).concat(["", digits[9]])
    }

    onShuffledChanged: pad.arrange()
    onVisibleChanged: if (pad.visible) pad.arrange()

    columns: 3
    rowSpacing: 4
    columnSpacing: 4
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("On-screen keypad")

    Repeater {
        model: pad.keys
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
