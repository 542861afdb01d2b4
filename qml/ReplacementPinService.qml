import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// The PIN letter service this app talks to. It is chosen in Settings (one place for it); this
// only shows it and leads there.
ColumnLayout {
    id: service

    property PinLetterController controller: null
    signal settingsRequested()

    Layout.fillWidth: true
    spacing: 4

    Label {
        text: qsTr("PIN letter service")
        font.bold: true
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    Label {
        objectName: "pinLetterServiceShown"
        Layout.fillWidth: true
        wrapMode: Text.WrapAnywhere
        text: service.controller === null ? ""
              : service.controller.serviceUrl !== "" ? service.controller.serviceUrl
              : service.controller.demo ? qsTr("The local demo service (started with the first order)")
              : qsTr("None chosen yet")
        Accessible.role: Accessible.StaticText
        Accessible.name: qsTr("PIN letter service: %1").arg(text)
    }
    Button {
        objectName: "pinLetterServiceSettingsButton"
        text: qsTr("Change in Settings")
        onClicked: service.settingsRequested()
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Change the PIN letter service in Settings")
    }
}
