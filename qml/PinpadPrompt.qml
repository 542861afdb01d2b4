import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// What a comfort reader's pinpad asks for while a card operation runs: the window has no field,
// the user types on the reader and confirms there.
StatusPanel {
    id: panel

    // "can", "pin", "puk" or "newPin" (CardOperation.pinpadPrompt); "" hides the panel.
    property string prompt
    // PIN management: the PIN asked first is the current one (or the transport PIN).
    property bool currentPin: false

    objectName: "pinpadPromptPanel"
    visible: prompt !== ""
    kind: "info"
    title: {
        switch (panel.prompt) {
        case "can": return qsTr("Please enter the card access number (CAN) on your card reader's pinpad")
        case "puk": return qsTr("Please enter the PUK on your card reader's pinpad")
        case "newPin": return qsTr("Please enter your new six-digit PIN on your card reader's pinpad, then once more to confirm it")
        }
        return panel.currentPin ? qsTr("Please enter your current PIN (or the five-digit transport PIN) on your card reader's pinpad")
                                : qsTr("Please enter your PIN on your card reader's pinpad")
    }
    guidance: qsTr("Confirm on the reader when you are done; its cancel key stops the operation.")
}
