import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// The PIN letter service this app talks to (an https URL, kept in the settings).
ColumnLayout {
    id: service

    property PinLetterController controller: null

    Layout.fillWidth: true
    spacing: 4

    Label {
        text: qsTr("PIN letter service")
        font.bold: true
        Accessible.ignored: true
    }
    RowLayout {
        TextField {
            id: url
            objectName: "pinLetterServiceField"
            Layout.preferredWidth: 360
            text: service.controller !== null ? service.controller.serviceUrl : ""
            placeholderText: "https://"
            inputMethodHints: Qt.ImhUrlCharactersOnly
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Address of the PIN letter service")
        }
        Button {
            text: qsTr("Save")
            enabled: service.controller !== null && url.text !== service.controller.serviceUrl
            onClicked: invalid.visible = !service.controller.setServiceUrl(url.text)
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Save the address of the PIN letter service")
        }
    }
    Label {
        id: invalid
        visible: false
        text: qsTr("\u26a0 Please enter an address starting with https://")
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
}
