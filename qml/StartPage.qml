import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// Reader and card status at a glance, with the next step spelled out.
ScrollablePage {
    id: page

    required property ReaderListModel readers
    signal showReadersRequested()

    heading: qsTr("Welcome to OpenAusweis")

    // serviceDown, noReader, noCard or ready
    readonly property string status: !readers.serviceAvailable ? "serviceDown"
                                  : readers.realReaderCount === 0 ? "noReader"
                                  : readers.realCardCount === 0 ? "noCard" : "ready"

    Label {
        Layout.fillWidth: true
        text: qsTr("Use your German ID card, electronic residence permit or eID card for Union citizens online.")
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }

    StatusPanel {
        objectName: "readerStatus"
        kind: page.status === "ready" ? "ok" : page.status === "serviceDown" ? "error"
            : page.status === "noReader" ? "warning" : "info"
        title: page.status === "serviceDown" ? qsTr("The smart card service is not running")
             : page.status === "noReader" ? qsTr("No card reader connected")
             : page.status === "noCard" ? qsTr("Place your ID card on the reader")
             : qsTr("Your ID card is ready")
        guidance: page.status === "serviceDown"
                  ? qsTr("OpenAusweis talks to card readers through the PC/SC service (pcscd). Start it, for example with \u201csudo systemctl start pcscd.socket\u201d. This screen updates by itself.")
                  : page.status === "noReader"
                    ? qsTr("Connect a card reader for contactless cards. This screen updates by itself as soon as a reader appears.")
                    : page.status === "noCard"
                      ? qsTr("Put the card on the reader and leave it there until the process is finished.")
                      : qsTr("A card was detected. Nothing else needs to be done for now.")
    }

    StatusPanel {
        visible: page.readers.demoActive
        kind: "info"
        title: qsTr("Demo mode is on")
        guidance: qsTr("A simulated card lets you try out OpenAusweis without a reader. It is not your ID card, and nothing done with it has legal effect. You can switch demo mode off in the settings.")
    }

    Label {
        visible: page.readers.count > 0
        text: qsTr("Readers")
        font.pixelSize: 20
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    ListView {
        id: readerList
        objectName: "startReaderList"
        Layout.fillWidth: true
        Layout.preferredHeight: contentHeight
        interactive: false
        model: page.readers
        delegate: ReaderDelegate {}
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Readers")
    }

    Button {
        text: qsTr("Show readers and diagnosis")
        onClicked: page.showReadersRequested()
        Accessible.role: Accessible.Button
        Accessible.name: text
    }
}
