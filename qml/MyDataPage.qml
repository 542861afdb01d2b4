import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import OpenAusweis

// "My data": the holder reads their own card (PIN, terminal and chip authentication, then the
// data groups) and sees the data as a card.
ScrollablePage {
    id: page

    required property SelfReadController controller
    required property bool demoActive

    heading: qsTr("My data")

    function outcomeText(outcome) {
        switch (outcome) {
        case "dataRead": return qsTr("Your card was checked as genuine and read.")
        case "noCard": return qsTr("No card was found. Place the card on the reader and try again.")
        case "wrongInput": return qsTr("Please enter your six-digit PIN (and the six-digit CAN if asked).")
        case "failed":
            switch (page.controller.pinStatus) {
            case "two-tries-left": return qsTr("The PIN was wrong. Two tries are left.")
            case "suspended": return qsTr("The PIN was wrong. Enter the CAN with your PIN for the last try.")
            case "blocked": return qsTr("The PIN is blocked. Unblock it with the PUK under PIN management.")
            case "transport-pin": return qsTr("Replace the transport PIN with your own PIN under PIN management first.")
            case "deactivated": return qsTr("The online ID function of this card is switched off.")
            }
            return qsTr("The card could not be read.")
        }
        return ""
    }
    // Digits typed but not used do not wait on a hidden page for the next person at the computer.
    onVisibleChanged: if (!visible) { pin.clear(); can.clear() }

    // Whether the failure is one the PIN status words (a refused, suspended or blocked PIN).
    function saidByPinStatus() {
        switch (page.controller.pinStatus) {
        case "two-tries-left": case "suspended": case "blocked": case "transport-pin": case "deactivated":
            return true
        }
        return false
    }
    function submit() {
        if (page.controller.pinpad) {
            page.controller.readOnPinpad(canNeeded.checked)
            return
        }
        if (!pin.complete || (canNeeded.checked && !can.complete))
            return
        page.controller.read(pin.text, canNeeded.checked ? can.text : "")
        pin.clear()
        can.clear()
    }

    // The data is what the user came for: bring the card view into sight once it is there.
    Connections {
        target: page.controller
        function onFinished() {
            if (page.controller.succeeded && page.contentHeight > page.height)
                page.ScrollBar.vertical.position = Math.min(dataCard.y / page.contentHeight,
                                                            1 - page.ScrollBar.vertical.size)
        }
    }

    DemoBanner { visible: page.demoActive || page.controller.demo }

    Label {
        Layout.fillWidth: true
        text: qsTr("See which data is stored on your card. The data is read only on this computer and is not sent anywhere.")
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }

    Label {
        objectName: "myDataPinpadNote"
        visible: page.controller.pinpad
        Layout.fillWidth: true
        text: qsTr("Your card reader has its own pinpad: you enter your PIN on the reader after you start reading.")
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    PinField {
        id: pin
        objectName: "myDataPinField"
        visible: !page.controller.pinpad
        label: qsTr("PIN (6 digits)")
        onAccepted: page.submit()
    }
    WrappingCheckBox {
        id: canNeeded
        Layout.fillWidth: true
        text: qsTr("My PIN is suspended: enter the CAN too")
        checked: page.controller.pinStatus === "suspended"
        Accessible.role: Accessible.CheckBox
        Accessible.name: text
    }
    PinField {
        id: can
        visible: canNeeded.checked && !page.controller.pinpad
        objectName: "myDataCanField"
        label: qsTr("Card access number (CAN), 6 digits on the front of the card")
    }
    Button {
        objectName: "readMyDataButton"
        text: qsTr("Read my data")
        enabled: !page.controller.busy && (page.controller.pinpad || pin.complete)
        onClicked: page.submit()
        Accessible.role: Accessible.Button
        Accessible.name: text
    }

    PinpadPrompt {
        prompt: page.controller.busy ? page.controller.pinpadPrompt : ""
    }

    StepList {
        visible: page.controller.busy || page.controller.step > 0
        running: page.controller.busy
        failed: !page.controller.busy && page.controller.outcome !== "" && !page.controller.succeeded
        current: page.controller.step
        steps: [qsTr("Connecting to the card"), qsTr("Checking the PIN (PACE)"),
                qsTr("Showing the card who is reading (terminal authentication)"),
                qsTr("Checking the card is genuine (passive and chip authentication)"),
                qsTr("Reading the data")]
    }

    StatusPanel {
        objectName: "myDataResultPanel"
        visible: page.controller.outcome !== "" && !page.controller.busy
        kind: page.controller.succeeded ? "ok" : "error"
        title: page.outcomeText(page.controller.outcome)
        // A PIN the card refused is said in words; the core's English detail is for other failures.
        guidance: page.controller.detail !== "" && page.controller.outcome === "failed"
                  && !page.saidByPinStatus() ? qsTr("Technical detail: %1").arg(page.controller.detail) : ""
    }

    Pane {
        id: dataCard
        objectName: "myDataCard"
        visible: page.controller.data.count > 0
        Layout.fillWidth: true
        padding: 20
        Material.elevation: 2
        Accessible.role: Accessible.Grouping
        Accessible.name: page.controller.demo ? qsTr("Data on the card (demo card)") : qsTr("Data on the card")

        ColumnLayout {
            anchors.fill: parent
            spacing: 12
            Label {
                text: page.controller.demo ? qsTr("DEMO \u2013 Test card") : qsTr("Your ID card")
                font.pixelSize: 20
                font.bold: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Repeater {
                objectName: "myDataRows"
                model: page.controller.data
                delegate: ColumnLayout {
                    id: entry
                    required property string label
                    required property string value
                    Layout.fillWidth: true
                    spacing: 0
                    Accessible.role: Accessible.StaticText
                    Accessible.name: entry.label + ": " + entry.value
                    Label {
                        text: entry.label
                        font.pixelSize: 13
                        opacity: 0.8
                        Accessible.ignored: true
                    }
                    Label {
                        Layout.fillWidth: true
                        text: entry.value
                        font.pixelSize: 17
                        wrapMode: Text.Wrap
                        Accessible.ignored: true
                    }
                }
            }
        }
    }
}
