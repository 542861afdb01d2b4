import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A masked field for a PIN, CAN or PUK: digits only, hardware keyboard always, an optional
// on-screen keypad below it. The page clears it as soon as the secret is handed over.
ColumnLayout {
    id: field

    property string label
    property int minimumLength: 6
    property int maximumLength: 6
    property alias text: input.text
    readonly property bool complete: input.text.length >= minimumLength && input.text.length <= maximumLength
    property bool keypadShown: false
    property alias keypadShuffled: shuffleBox.checked
    signal accepted()

    function clear() { input.clear() }
    function focusInput() { input.forceActiveFocus() }

    spacing: 4
    Layout.fillWidth: true

    Label {
        text: field.label
        font.bold: true
        Accessible.ignored: true
    }
    RowLayout {
        spacing: 8
        TextField {
            id: input
            objectName: field.objectName + "Input"
            Layout.preferredWidth: 220
            echoMode: TextInput.Password
            passwordCharacter: "\u2022"
            inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            maximumLength: field.maximumLength
            validator: RegularExpressionValidator { regularExpression: /[0-9]*/ }
            onAccepted: field.accepted()
            Accessible.role: Accessible.EditableText
            Accessible.name: field.label
            Accessible.passwordEdit: true
            Accessible.description: qsTr("%1 of %2 digits entered").arg(input.text.length).arg(field.maximumLength)
        }
        Button {
            text: field.keypadShown ? qsTr("Hide keypad") : qsTr("Keypad")
            flat: true
            onClicked: field.keypadShown = !field.keypadShown
            Accessible.role: Accessible.Button
            Accessible.name: field.keypadShown ? qsTr("Hide the on-screen keypad for %1").arg(field.label)
                                               : qsTr("Show an on-screen keypad for %1").arg(field.label)
        }
    }
    CheckBox {
        id: shuffleBox
        visible: field.keypadShown
        text: qsTr("Shuffle the keys")
        Accessible.role: Accessible.CheckBox
        Accessible.name: text
    }
    PinKeypad {
        visible: field.keypadShown
        shuffled: shuffleBox.checked
        onDigit: (digit) => { if (input.text.length < field.maximumLength) input.insert(input.text.length, digit) }
        onErase: input.remove(input.text.length - 1, input.text.length)
    }
}
