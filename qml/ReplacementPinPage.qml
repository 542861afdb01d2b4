import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// Replacement PIN: order a PIN letter with the card's CAN, then activate the letter's PIN with its
// activation code. The card questions (consent, CAN) come on the authentication screen; this page
// shows the stage, the countdown while the service is busy (with cancel), the order reference and
// what to do next, always in words.
ScrollablePage {
    id: page

    property PinLetterController controller: null
    readonly property string stage: page.controller ? page.controller.stage : "idle"
    readonly property bool busy: page.controller ? page.controller.busy : false

    signal changePinRequested()
    signal settingsRequested()

    heading: qsTr("Replacement PIN")

    function stageText(stage) {
        switch (stage) {
        case "preparing": return qsTr("Starting the local demo PIN letter service\u2026")
        case "ordering": return page.controller.action === "order" ? qsTr("Sending the order to the PIN letter service\u2026") : qsTr("Sending the activation code to the PIN letter service\u2026")
        case "waiting": return qsTr("The PIN letter service is busy right now. Trying again in %n second(s).", "", page.controller.secondsLeft)
        case "authenticating": return qsTr("Confirm with your card: enter the card access number (CAN).")
        case "confirming": return qsTr("Waiting for the service's confirmation\u2026")
        case "letterOrdered": return qsTr("Your PIN letter has been ordered. It will be sent to the address stored on your card.")
        case "activated": return qsTr("The PIN from your letter is now set and the online ID function is switched on.")
        case "tryLater": return qsTr("The PIN letter service is overloaded. Your order is kept: please try again later, for example in an hour.")
        case "failed": return qsTr("That did not work.")
        case "cancelled": return qsTr("Cancelled. A started order is kept and can be continued later.")
        }
        return ""
    }

    DemoBanner { visible: page.controller !== null && page.controller.demo }
    Label {
        objectName: "demoPinLetterService"
        Layout.fillWidth: true
        visible: page.controller !== null && page.controller.demo
        text: qsTr("DEMO: the PIN letter service is the local simulation world. No real letter is sent; the demo letter appears on the service's mailbox page.")
        font.bold: true
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("Forgot your PIN, or is it blocked? Order a letter with a new PIN here. You need your ID card and the six-digit card access number (CAN) printed on its front. When the letter has arrived, activate its PIN with the activation code from the letter.")
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }

    Label {
        Layout.fillWidth: true
        visible: page.controller === null
        text: qsTr("The replacement PIN is not available in this window.")
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }

    ReplacementPinService {
        visible: page.controller !== null
        controller: page.controller
        enabled: !page.busy
        onSettingsRequested: page.settingsRequested()
    }

    ReplacementPinStatus {
        objectName: "replacementPinStatus"
        visible: page.stage !== "idle"
        controller: page.controller
        text: page.stageText(page.stage)
        onChangePinRequested: page.changePinRequested()
    }

    GroupBox {
        title: qsTr("1. Order a PIN letter")
        visible: page.controller !== null
        enabled: !page.busy
        Layout.fillWidth: true
        Accessible.role: Accessible.Grouping
        Accessible.name: title
        ColumnLayout {
            anchors.fill: parent
            Label {
                Layout.fillWidth: true
                visible: page.controller !== null && page.controller.orderPending
                text: qsTr("An order was started but not yet confirmed. Ordering again continues it; no second letter is sent.")
                wrapMode: Text.Wrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Button {
                objectName: "orderLetterButton"
                text: page.controller !== null && page.controller.orderPending ? qsTr("Continue the order") : qsTr("Order a PIN letter")
                onClicked: page.controller.order()
                Accessible.role: Accessible.Button
                Accessible.name: text
            }
            Label {
                Layout.fillWidth: true
                visible: letters.count > 0
                text: qsTr("Letters ordered so far:")
                font.bold: true
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Repeater {
                id: letters
                objectName: "orderedLetters"
                model: page.controller !== null ? page.controller.orderedLetters : []
                delegate: Label {
                    required property string modelData
                    text: qsTr("Order reference %1").arg(modelData)
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }
        }
    }

    GroupBox {
        title: qsTr("2. Activate the PIN from the letter")
        visible: page.controller !== null
        enabled: !page.busy
        Layout.fillWidth: true
        Accessible.role: Accessible.Grouping
        Accessible.name: title
        ColumnLayout {
            anchors.fill: parent
            Label {
                Layout.fillWidth: true
                text: qsTr("Enter the activation code printed in your PIN letter.")
                wrapMode: Text.Wrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            RowLayout {
                TextField {
                    id: code
                    objectName: "activationCodeField"
                    Layout.preferredWidth: 260
                    placeholderText: qsTr("Activation code")
                    maximumLength: 32
                    validator: RegularExpressionValidator { regularExpression: /[A-Za-z0-9-]*/ }
                    onAccepted: activateButton.clicked()
                    Accessible.role: Accessible.EditableText
                    Accessible.name: qsTr("Activation code from the PIN letter")
                    KeyNavigation.tab: activateButton
                }
                Button {
                    id: activateButton
                    objectName: "activateLetterButton"
                    text: qsTr("Activate")
                    enabled: code.text.length >= 4
                    onClicked: {
                        if (page.controller.activate(code.text))
                            code.clear()
                    }
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Activate the PIN from the letter")
                }
            }
        }
    }
}
