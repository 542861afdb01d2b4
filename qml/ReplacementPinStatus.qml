import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// Where the replacement PIN stands: the stage in words (with a symbol, not only colour), the
// countdown's cancel button, the reference, the error in the user's words, and what comes next.
ColumnLayout {
    id: status

    property PinLetterController controller: null
    property string text
    readonly property string stage: status.controller ? status.controller.stage : "idle"
    readonly property bool finalStage: status.stage === "letterOrdered" || status.stage === "activated"
                                       || status.stage === "tryLater" || status.stage === "failed" || status.stage === "cancelled"

    signal changePinRequested()

    Layout.fillWidth: true
    spacing: 8

    StatusPanel {
        Layout.fillWidth: true
        kind: status.stage === "letterOrdered" || status.stage === "activated" ? "ok"
            : status.stage === "failed" ? "error"
            : status.stage === "tryLater" || status.stage === "cancelled" || status.stage === "waiting" ? "warning" : "info"
        title: status.text
        guidance: status.controller === null ? ""
            : status.controller.message !== "" && status.stage !== "letterOrdered" && status.stage !== "activated" ? status.controller.message
            : status.controller.orderReference !== "" ? qsTr("Order reference: %1").arg(status.controller.orderReference) : ""
    }
    BusyIndicator {
        visible: status.controller !== null && status.controller.busy && status.stage !== "waiting"
        running: visible
        Accessible.role: Accessible.Animation
        Accessible.name: qsTr("Working")
    }
    RowLayout {
        Button {
            objectName: "cancelPinLetterButton"
            visible: status.controller !== null && status.controller.busy
            text: qsTr("Cancel")
            onClicked: status.controller.cancel()
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Cancel the replacement PIN request")
        }
        Button {
            objectName: "changeLetterPinButton"
            visible: status.stage === "activated"
            text: qsTr("Change the letter's PIN to one of your choice")
            onClicked: status.changePinRequested()
            Accessible.role: Accessible.Button
            Accessible.name: text
        }
        Button {
            visible: status.finalStage
            text: qsTr("Done")
            flat: true
            onClicked: status.controller.dismiss()
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Close this message")
        }
    }
}
