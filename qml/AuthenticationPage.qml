pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// Online authentication started by the browser: the page follows the workflow (waiting for a
// card, choosing a reader, consent, PIN/CAN/PUK, progress, result) and never shows a step the
// workflow is not in. Cancel works at every step; the browser gets its answer at the end.
ScrollablePage {
    id: page

    required property AuthController controller

    heading: qsTr("Identify with your ID card")

    function outcomeText(outcome) {
        switch (outcome) {
        case "ok": return qsTr("You have identified yourself successfully.")
        case "cancelled": return qsTr("The authentication was cancelled.")
        case "noCard": return qsTr("No ID card was found in time.")
        case "pinBlocked": return qsTr("The PIN is now blocked. Unblock it with the PUK under PIN management.")
        }
        return qsTr("The authentication failed.")
    }
    function browserText() {
        return page.controller.returnedToProvider
               ? qsTr("Your browser now shows the provider's page. You can close this window.")
               : qsTr("The provider could not be told; your browser shows an error page.")
    }

    DemoBanner { visible: page.controller.demo }

    StatusPanel {
        objectName: "authWaitingPanel"
        visible: page.controller.page === "waitingForCard"
        kind: "info"
        title: qsTr("Place your ID card on the reader")
        guidance: page.controller.readerName !== ""
                  ? qsTr("Waiting for a card in %1.").arg(page.controller.readerName)
                  : qsTr("Connect a card reader and place your ID card on it.")
    }

    ColumnLayout {
        visible: page.controller.page === "chooseReader"
        spacing: 8
        Layout.fillWidth: true
        Label {
            text: qsTr("Several readers hold a card. Which one do you want to use?")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Repeater {
            model: page.controller.readerChoices
            delegate: Button {
                id: readerButton
                required property string modelData
                text: readerButton.modelData
                onClicked: page.controller.selectReader(readerButton.modelData)
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Use the card in %1").arg(readerButton.modelData)
            }
        }
    }

    AuthenticationConsent {
        objectName: "authConsent"
        visible: page.controller.page === "consent"
        controller: page.controller
    }
    Button {
        objectName: "authConsentButton"
        visible: page.controller.page === "consent"
        text: qsTr("Continue to PIN entry")
        highlighted: true
        onClicked: page.controller.acceptConsent()
        Accessible.role: Accessible.Button
        Accessible.name: text
    }

    Loader {
        // Made afresh for each request, so no digit of an earlier one survives.
        id: secretLoader
        objectName: "authSecretLoader"
        Layout.fillWidth: true
        // An emptied Loader keeps its last height; without these the result sat below a blank
        // screen of the size of the PIN entry.
        Layout.preferredHeight: secretLoader.status === Loader.Ready ? secretLoader.implicitHeight : 0
        visible: secretLoader.item !== null
    }
    function showSecretEntry() {
        if (page.controller.page !== "secret")
            secretLoader.setSource("")
        else if (secretLoader.status === Loader.Null)
            secretLoader.setSource(page.controller.onReaderPinpad ? "AuthenticationPinpad.qml"
                                                                  : "AuthenticationSecret.qml",
                                   { controller: page.controller })
    }
    Connections {
        target: page.controller
        function onStateChanged() {
            page.showSecretEntry()
            // The result takes the keyboard (Enter closes it), which also scrolls it into sight.
            if (page.controller.page === "result" && !doneButton.activeFocus)
                doneButton.forceActiveFocus(Qt.OtherFocusReason)
        }
    }
    Component.onCompleted: page.showSecretEntry()

    AuthenticationProgress {
        visible: page.controller.active || page.controller.page === "result"
        controller: page.controller
    }

    StatusPanel {
        objectName: "authResultPanel"
        visible: page.controller.page === "result"
        kind: page.controller.succeeded ? "ok" : page.controller.outcome === "cancelled" ? "info" : "error"
        title: page.outcomeText(page.controller.outcome)
        guidance: page.browserText()
                  + (page.controller.detail !== "" ? "\n" + qsTr("Technical detail: %1").arg(page.controller.detail) : "")
    }

    RowLayout {
        spacing: 8
        Button {
            objectName: "authCancelButton"
            visible: page.controller.active
            enabled: !page.controller.cancelling
            text: page.controller.cancelling ? qsTr("Cancelling…") : qsTr("Cancel")
            onClicked: page.controller.cancelAuthentication()
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Cancel the authentication")
        }
        Button {
            id: doneButton
            objectName: "authDoneButton"
            visible: page.controller.page === "result"
            text: qsTr("Close")
            onClicked: page.controller.dismissResult()
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Close the authentication result")
        }
    }
}
