import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// A comfort reader asks for the PIN, CAN or PUK on its own pinpad: the window has no field for
// it, only the prompt and what the card said about the tries left; the page's cancel stays.
ColumnLayout {
    id: pinpad

    required property AuthController controller

    spacing: 12
    Layout.fillWidth: true

    function prompt() {
        switch (pinpad.controller.secretKind) {
        case "can": return qsTr("Please enter the card access number (CAN) on your card reader's pinpad")
        case "puk": return qsTr("Please enter the PUK on your card reader's pinpad")
        }
        return qsTr("Please enter your PIN on your card reader's pinpad")
    }
    function statusText() {
        if (pinpad.controller.secretKind === "can" && pinpad.controller.canAllowedMode)
            return qsTr("The PIN reset service opens your card with the card access number printed on its front, instead of the PIN.")
        if (pinpad.controller.secretKind === "can")
            return qsTr("The PIN was entered wrongly twice. To protect you, the last try needs the card access number printed on the front of the card first.")
        switch (pinpad.controller.pinStatus) {
        case "two-tries-left": return pinpad.controller.attempt > 1
                               ? qsTr("The PIN was wrong. Two tries are left.")
                               : qsTr("A wrong PIN was entered before. Two tries are left.")
        case "suspended": return qsTr("This is the last try. If the PIN is wrong again, it is blocked and only the PUK unblocks it.")
        }
        return qsTr("Your card reader has its own pinpad, so the secret never passes through this computer.")
    }

    Label {
        objectName: "authPinpadPrompt"
        Layout.fillWidth: true
        text: pinpad.prompt()
        font.pixelSize: 20
        wrapMode: Text.Wrap
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    StatusPanel {
        objectName: "authPinpadStatusPanel"
        kind: pinpad.controller.canAllowedMode || (pinpad.controller.pinStatus === "operational" && pinpad.controller.secretKind === "pin") ? "info" : "warning"
        title: pinpad.statusText()
        guidance: (pinpad.controller.triesLeft >= 0 && pinpad.controller.secretKind === "pin"
                   ? qsTr("Tries left: %1").arg(pinpad.controller.triesLeft) + "\n" : "")
                  + qsTr("Confirm on the reader when you are done. To stop, press the reader's cancel key or Cancel below.")
    }
}
