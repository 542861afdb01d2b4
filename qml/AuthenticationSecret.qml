import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// The PIN, CAN or PUK the card needs, with what the card said about the tries left. Masked,
// typed on the hardware keyboard or the optional (shuffled) on-screen keypad; the field is
// cleared the moment the secret is handed over.
ColumnLayout {
    id: secret

    required property AuthController controller

    spacing: 12
    Layout.fillWidth: true

    function title() {
        switch (secret.controller.secretKind) {
        case "can": return qsTr("Enter the card access number (CAN)")
        case "puk": return qsTr("Enter the PUK")
        }
        return qsTr("Enter your PIN")
    }
    function fieldLabel() {
        switch (secret.controller.secretKind) {
        case "can": return qsTr("CAN (6 digits on the front of the card)")
        case "puk": return qsTr("PUK (10 digits from the PIN letter)")
        }
        return qsTr("PIN (6 digits)")
    }
    // What the card said before this request: a wrong PIN is never silently asked again.
    function statusText() {
        if (secret.controller.secretKind === "can" && secret.controller.canAllowedMode)
            return qsTr("The PIN reset service opens your card with the card access number printed on its front, instead of the PIN.")
        if (secret.controller.secretKind === "can")
            return qsTr("The PIN was entered wrongly twice. To protect you, the last try needs the card access number printed on the front of the card first.")
        switch (secret.controller.pinStatus) {
        case "two-tries-left": return secret.controller.attempt > 1
                               ? qsTr("The PIN was wrong. Two tries are left.")
                               : qsTr("A wrong PIN was entered before. Two tries are left.")
        case "suspended": return qsTr("This is the last try. If the PIN is wrong again, it is blocked and only the PUK unblocks it.")
        }
        return qsTr("The PIN is the six-digit number you chose for your ID card.")
    }
    function submit() {
        if (!field.complete)
            return
        secret.controller.submitSecret(field.text)
        field.clear()
    }

    Label {
        Layout.fillWidth: true
        text: secret.title()
        font.pixelSize: 20
        wrapMode: Text.Wrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    StatusPanel {
        objectName: "secretStatusPanel"
        kind: secret.controller.canAllowedMode || (secret.controller.pinStatus === "operational" && secret.controller.secretKind === "pin") ? "info" : "warning"
        title: secret.statusText()
        guidance: secret.controller.triesLeft >= 0 && secret.controller.secretKind === "pin"
                  ? qsTr("Tries left: %1").arg(secret.controller.triesLeft) : ""
    }
    PinField {
        id: field
        objectName: "authSecretField"
        label: secret.fieldLabel()
        minimumLength: secret.controller.secretLength
        maximumLength: secret.controller.secretLength
        onAccepted: secret.submit()
        Component.onCompleted: field.focusInput()
    }
    Button {
        objectName: "authSecretButton"
        text: qsTr("Continue")
        enabled: field.complete
        onClicked: secret.submit()
        Accessible.role: Accessible.Button
        Accessible.name: text
    }
}
