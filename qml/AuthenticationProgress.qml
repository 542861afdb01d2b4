import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// The authentication's steps as the user sees them (AuthController groups the workflow's steps
// into these); a tick for each one done, an arrow for the one running.
ColumnLayout {
    id: progress

    required property AuthController controller

    spacing: 8
    Layout.fillWidth: true

    Label {
        text: progress.controller.cancelling ? qsTr("Cancelling the authentication…") : qsTr("Progress")
        font.pixelSize: 18
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    StepList {
        objectName: "authStepList"
        running: progress.controller.active
        current: progress.controller.step
        steps: [qsTr("Checking the provider"), qsTr("Your consent"), qsTr("PIN and card connection"),
                qsTr("Checking the provider's authorisation and the card's genuineness"),
                qsTr("Transmitting the data"), qsTr("Returning to the provider")]
    }
}
