import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// What the app is, its version and its licence.
Dialog {
    id: dialog

    required property string version

    title: qsTr("About OpenAusweis")
    modal: true
    standardButtons: Dialog.Close
    width: Math.min(parent ? parent.width - 48 : 520, 560)

    ColumnLayout {
        anchors.fill: parent
        spacing: 12

        RowLayout {
            spacing: 16
            Image {
                source: "resources/openausweis.svg"
                sourceSize.width: 64
                sourceSize.height: 64
                Accessible.ignored: true
            }
            ColumnLayout {
                Label {
                    text: "OpenAusweis"
                    font.pixelSize: 22
                    font.bold: true
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    objectName: "aboutVersion"
                    text: qsTr("Version %1").arg(dialog.version)
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("OpenAusweis is an open-source client for the online function of the German ID card, the electronic residence permit and the eID card for Union citizens. It is being built to let you prove your identity to online services, change your PIN and see the data stored on your card.")
            wrapMode: Text.Wrap
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Licence: European Union Public Licence (EUPL) 1.2")
            wrapMode: Text.Wrap
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("OpenAusweis is an independent project and not an official product of the German federal government.")
            wrapMode: Text.Wrap
            opacity: 0.8
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }
}
