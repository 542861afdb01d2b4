import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// PIN management: what the card says about the PIN and what to do next, then the form that fits:
// change the PIN (or the 5-digit transport PIN on first use), with the CAN while the PIN is
// suspended, or unblock with the PUK. Every outcome is spelled out in words.
ScrollablePage {
    id: page

    required property PinManagementController controller
    required property bool demoActive

    // "change" or "unblock"
    property string mode: controller.status === "blocked" ? "unblock" : "change"
    property bool transportPin: controller.status === "transport-pin"
    readonly property bool canNeeded: controller.status === "suspended"
    signal replacementPinRequested()
    readonly property bool newPinsDiffer: newPin.text !== repeatPin.text
    // A pinpad reader without MODIFY_PIN_DIRECT takes the current PIN but not the new one.
    readonly property bool newPinInWindow: !controller.pinpad || !controller.newPinOnPinpad

    heading: qsTr("PIN management")

    function statusTitle(status) {
        switch (status) {
        case "operational": return qsTr("Your PIN is ready to use")
        case "two-tries-left": return qsTr("Two tries left")
        case "suspended": return qsTr("PIN suspended: one try left")
        case "blocked": return qsTr("PIN blocked")
        case "puk-inoperative": return qsTr("PIN blocked and PUK used up")
        case "transport-pin": return qsTr("Transport PIN still active")
        case "deactivated": return qsTr("Online ID function switched off")
        }
        return qsTr("PIN status not read yet")
    }
    function statusMeaning(status, tries) {
        switch (status) {
        case "operational": return qsTr("The card allows %1 tries before the PIN is suspended.").arg(tries)
        case "two-tries-left": return qsTr("A wrong PIN was entered once. After one more wrong PIN, the card asks for the card access number (CAN) before the last try.")
        case "suspended": return qsTr("Two wrong PINs were entered. To protect you, the last try needs the six-digit card access number (CAN) printed on the front of the card first.")
        case "blocked": return qsTr("The PIN was entered wrongly three times. The ten-digit PUK from your PIN letter unblocks it.")
        case "puk-inoperative": return qsTr("The PIN is blocked and the PUK has been used ten times, so it cannot unblock the PIN any more.")
        case "transport-pin": return qsTr("The card still has the five-digit transport PIN from the PIN letter. Replace it with your own six-digit PIN before the first use.")
        case "deactivated": return qsTr("The card cannot be used online until the online ID function is switched on.")
        }
        return qsTr("Place the card on the reader and read the status. Reading it costs no try.")
    }
    function nextStepText(step) {
        switch (step) {
        case "none": return qsTr("Nothing to do. You can change your PIN at any time.")
        case "enterPinCarefully": return qsTr("Enter the PIN carefully. If you are unsure, change it now while you still know it.")
        case "enterCanThenPin": return qsTr("Enter the CAN, then your current PIN, and choose a new PIN.")
        case "unblockWithPuk": return qsTr("Enter the PUK from your PIN letter below. The PIN then has three tries again.")
        case "contactAuthority": return qsTr("Order a new PIN letter with the PIN reset service, or ask your citizens' office for a new PIN.")
        case "changeTransportPin": return qsTr("Enter the five-digit transport PIN and choose your own six-digit PIN.")
        case "activateAtAuthority": return qsTr("Your citizens' office can switch the online ID function on.")
        }
        return ""
    }
    function outcomeText(outcome) {
        switch (outcome) {
        case "statusRead": return qsTr("The PIN status was read from the card.")
        case "pinChanged": return qsTr("Your PIN was changed. Use the new six-digit PIN from now on.")
        case "pinUnblocked": return qsTr("The PIN was unblocked. It has three tries again.")
        case "noCard": return qsTr("No card was found. Place the card on the reader and try again.")
        case "wrongInput": return qsTr("Please check the digits: the PIN has 6 digits (the transport PIN 5), the CAN 6 and the PUK 10.")
        case "wrongPin":
            switch (page.controller.status) {
            case "two-tries-left": return qsTr("The PIN was wrong. Two tries are left.")
            case "suspended": return qsTr("The PIN was wrong. Before the last try, enter the card access number (CAN) as well.")
            case "blocked": return qsTr("The PIN was wrong for the third time and is now blocked. Unblock it with the PUK from your PIN letter.")
            }
            return qsTr("The PIN was wrong.")
        case "wrongCan": return qsTr("The card access number (CAN) was wrong. Check the six digits on the front of the card. This did not cost a PIN try.")
        case "wrongPuk": return qsTr("The PUK was wrong. Check the ten digits in your PIN letter.")
        case "failed": return qsTr("That did not work. The current status is shown above.")
        case "newPinNeeded": return qsTr("This card reader takes the current PIN on its pinpad but not a new one. Enter the new PIN here, then change the PIN.")
        }
        return ""
    }
    function clearSecrets() {
        currentPin.clear(); newPin.clear(); repeatPin.clear(); can.clear(); puk.clear()
    }
    // Digits typed but not used do not wait on a hidden page for the next person at the computer.
    onVisibleChanged: if (!visible) page.clearSecrets()
    function submitChange() {
        if (page.controller.pinpad) {
            if (page.newPinInWindow && (!newPin.complete || page.newPinsDiffer))
                return
            page.controller.changePinOnPinpad(page.canNeeded, page.newPinInWindow ? newPin.text : "")
            page.clearSecrets()
            return
        }
        if (!currentPin.complete || !newPin.complete || page.newPinsDiffer || (page.canNeeded && !can.complete))
            return
        page.controller.changePin(currentPin.text, newPin.text, page.canNeeded ? can.text : "")
        page.clearSecrets()
    }
    function submitUnblock() {
        if (page.controller.pinpad) {
            page.controller.unblockPinOnPinpad()
            return
        }
        if (!puk.complete)
            return
        page.controller.unblockPin(puk.text)
        page.clearSecrets()
    }

    DemoBanner { visible: page.demoActive }

    StatusPanel {
        objectName: "pinStatusPanel"
        kind: !page.controller.statusKnown ? "info"
            : page.controller.status === "operational" ? "ok"
            : page.controller.status === "two-tries-left" || page.controller.status === "transport-pin" ? "warning" : "error"
        title: page.statusTitle(page.controller.status)
        guidance: page.statusMeaning(page.controller.status, page.controller.triesLeft)
                  + (page.controller.statusKnown ? "\n" + page.nextStepText(page.controller.nextStep) : "")
    }

    Button {
        objectName: "replacementPinLink"
        visible: page.controller.statusKnown && (page.controller.status === "blocked"
                 || page.controller.status === "puk-inoperative" || page.controller.status === "deactivated")
        text: qsTr("Order a replacement PIN →")
        onClicked: page.replacementPinRequested()
        Accessible.role: Accessible.Link
        Accessible.name: qsTr("Order a replacement PIN letter")
    }

    Button {
        objectName: "readPinStatusButton"
        text: qsTr("Read PIN status")
        enabled: !page.controller.busy
        onClicked: page.controller.readStatus()
        Accessible.role: Accessible.Button
        Accessible.name: text
    }

    Label {
        text: qsTr("What do you want to do?")
        font.pixelSize: 20
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    RowLayout {
        spacing: 8
        RadioButton {
            id: changeChoice
            text: qsTr("Change PIN")
            checked: page.mode === "change"
            onClicked: page.mode = "change"
            Accessible.role: Accessible.RadioButton
            Accessible.name: text
        }
        RadioButton {
            text: qsTr("Unblock with PUK")
            checked: page.mode === "unblock"
            onClicked: page.mode = "unblock"
            Accessible.role: Accessible.RadioButton
            Accessible.name: text
        }
    }

    Label {
        objectName: "pinpadNote"
        visible: page.controller.pinpad
        Layout.fillWidth: true
        text: qsTr("Your card reader has its own pinpad: you enter the PIN, the CAN and the PUK on the reader, not in this window.")
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }

    ColumnLayout {
        visible: page.mode === "change"
        spacing: 12
        Layout.fillWidth: true

        WrappingCheckBox {
            objectName: "transportPinCheck"
            Layout.fillWidth: true
            visible: !page.controller.pinpad
            text: qsTr("First use: I have the five-digit transport PIN from the PIN letter")
            checked: page.transportPin
            onToggled: page.transportPin = checked
            Accessible.role: Accessible.CheckBox
            Accessible.name: text
        }
        PinField {
            id: can
            objectName: "canField"
            visible: page.canNeeded && !page.controller.pinpad
            label: qsTr("Card access number (CAN), 6 digits on the front of the card")
        }
        PinField {
            id: currentPin
            objectName: "currentPinField"
            visible: !page.controller.pinpad
            label: page.transportPin ? qsTr("Transport PIN (5 digits)") : qsTr("Current PIN (6 digits)")
            minimumLength: page.transportPin ? 5 : 6
            maximumLength: page.transportPin ? 5 : 6
        }
        PinField {
            id: newPin
            objectName: "newPinField"
            visible: page.newPinInWindow
            label: qsTr("New PIN (6 digits)")
        }
        PinField {
            id: repeatPin
            objectName: "repeatPinField"
            visible: page.newPinInWindow
            label: qsTr("Repeat the new PIN")
            onAccepted: page.submitChange()
        }
        Label {
            visible: page.newPinInWindow && repeatPin.complete && page.newPinsDiffer
            text: qsTr("\u26a0 The two new PINs differ.")
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Button {
            objectName: "changePinButton"
            text: qsTr("Change PIN")
            enabled: !page.controller.busy && (page.controller.pinpad
                     ? !page.newPinInWindow || (newPin.complete && !page.newPinsDiffer)
                     : currentPin.complete && newPin.complete && !page.newPinsDiffer
                       && (!page.canNeeded || can.complete))
            onClicked: page.submitChange()
            Accessible.role: Accessible.Button
            Accessible.name: text
        }
    }

    ColumnLayout {
        visible: page.mode === "unblock"
        spacing: 12
        Layout.fillWidth: true
        PinField {
            id: puk
            objectName: "pukField"
            visible: !page.controller.pinpad
            label: qsTr("PUK (10 digits from the PIN letter)")
            minimumLength: 10
            maximumLength: 10
            onAccepted: page.submitUnblock()
        }
        Button {
            objectName: "unblockButton"
            text: qsTr("Unblock PIN")
            enabled: !page.controller.busy && (page.controller.pinpad || puk.complete)
            onClicked: page.submitUnblock()
            Accessible.role: Accessible.Button
            Accessible.name: text
        }
    }

    PinpadPrompt {
        prompt: page.controller.busy ? page.controller.pinpadPrompt : ""
        currentPin: true
    }

    StepList {
        visible: page.controller.busy || page.controller.step > 0
        running: page.controller.busy
        failed: !page.controller.busy && page.controller.outcome !== "" && !page.controller.succeeded
        current: page.controller.step
        steps: [qsTr("Connecting to the card"), qsTr("Checking the PIN (PACE)"), qsTr("Writing the new PIN")]
    }

    StatusPanel {
        objectName: "pinResultPanel"
        visible: page.controller.outcome !== "" && !page.controller.busy
        kind: page.controller.succeeded ? "ok" : "error"
        title: page.outcomeText(page.controller.outcome)
        // A refused secret is said in words above; the core's English detail is for other failures.
        guidance: page.controller.detail !== "" && page.controller.outcome === "failed"
                  ? qsTr("Technical detail: %1").arg(page.controller.detail) : ""
    }
}
