import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// One reader: name (or "Demo card (simulated)"), where it comes from, and whether a card is in.
// detailed adds the ATR, for the diagnosis screen.
ItemDelegate {
    id: delegate

    required property string name
    required property string backend
    required property bool cardPresent
    required property string atr
    required property bool simulated
    required property bool pinpad
    property bool detailed: false

    readonly property string title: simulated ? qsTr("Demo card (simulated)") : name
    readonly property string cardText: cardPresent ? qsTr("Card inserted") : qsTr("No card")

    width: ListView.view ? ListView.view.width : implicitWidth
    // Shows state only: focusable for keyboard and screen reader users, no hover effect.
    focusPolicy: Qt.StrongFocus
    hoverEnabled: false
    Accessible.role: Accessible.ListItem
    Accessible.name: title + ", " + cardText
    Accessible.description: simulated ? qsTr("Simulated reader %1 for trying out the app").arg(name)
                                      : pinpad ? qsTr("Reader %1 with its own pinpad").arg(name)
                                               : qsTr("Reader %1").arg(name)

    contentItem: RowLayout {
        spacing: 14
        Label {
            Layout.alignment: Qt.AlignTop
            text: delegate.cardPresent ? "\u25a3" : "\u25a1"
            font.pixelSize: 26
            color: delegate.cardPresent ? Material.accent : Material.foreground
            Accessible.ignored: true
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: delegate.title
                font.bold: true
                wrapMode: Text.Wrap
                Accessible.ignored: true
            }
            Label {
                Layout.fillWidth: true
                text: delegate.simulated ? qsTr("Simulated reader \u201c%1\u201d \u2013 no real card is used").arg(delegate.name)
                                         : qsTr("Connection: %1").arg(delegate.backend === "pcsc" ? qsTr("PC/SC") : delegate.backend)
                wrapMode: Text.Wrap
                opacity: 0.8
                Accessible.ignored: true
            }
            Label {
                objectName: "readerPinpadNote"
                Layout.fillWidth: true
                visible: delegate.pinpad
                text: qsTr("With its own pinpad: you enter PIN, CAN and PUK on the reader")
                wrapMode: Text.Wrap
                opacity: 0.8
                Accessible.ignored: true
            }
            Label {
                Layout.fillWidth: true
                visible: delegate.detailed && delegate.cardPresent
                text: qsTr("ATR: %1").arg(delegate.atr)
                font.family: "monospace"
                wrapMode: Text.WrapAnywhere
                Accessible.ignored: true
            }
        }
        Label {
            Layout.alignment: Qt.AlignTop
            text: delegate.cardText
            font.bold: delegate.cardPresent
            Accessible.ignored: true
        }
    }
}
