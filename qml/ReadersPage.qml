import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// Everything needed to find out why a card is not found: service state, readers, card details,
// and a report to copy into a support request.
ScrollablePage {
    id: page

    required property ReaderListModel readers
    required property DiagnosisReport diagnosis

    heading: qsTr("Readers & diagnosis")

    StatusPanel {
        objectName: "serviceStatus"
        kind: page.readers.serviceAvailable ? "ok" : "error"
        title: page.readers.serviceAvailable ? qsTr("PC/SC service: running")
                                             : qsTr("PC/SC service: not running")
        // "0 readers found" above a listed demo reader read as a contradiction.
        guidance: page.readers.serviceAvailable
                  ? (page.readers.realReaderCount === 0 && page.readers.demoActive
                     ? qsTr("No real card reader is connected. The demo card listed below is simulated.")
                     : qsTr("%n reader(s) found.", "", page.readers.realReaderCount))
                  : qsTr("Start the service pcscd, for example with \u201csudo systemctl start pcscd.socket\u201d. Readers appear here by themselves once it runs.")
    }

    Label {
        text: qsTr("Readers")
        font.pixelSize: 20
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    Label {
        visible: page.readers.count === 0
        Layout.fillWidth: true
        text: qsTr("No reader found.")
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }

    ListView {
        objectName: "diagnosisReaderList"
        Layout.fillWidth: true
        Layout.preferredHeight: contentHeight
        interactive: false
        model: page.readers
        delegate: ReaderDelegate { detailed: true }
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Readers")
    }

    Label {
        text: qsTr("Diagnosis report")
        font.pixelSize: 20
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("Attach this report when you ask for help. It contains no personal data and no PIN.")
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }

    TextArea {
        id: report
        Layout.fillWidth: true
        readOnly: true
        selectByMouse: true
        selectByKeyboard: true
        objectName: "diagnosisReport"
        text: page.diagnosis.text
        font.family: "monospace"
        wrapMode: TextEdit.WrapAnywhere
        Accessible.role: Accessible.EditableText
        Accessible.name: qsTr("Diagnosis report")
        Accessible.readOnly: true
    }

    RowLayout {
        spacing: 12
        Button {
            text: qsTr("Copy report")
            onClicked: {
                report.selectAll()
                report.copy()
                report.deselect()
                copied.visible = true
            }
            Accessible.role: Accessible.Button
            Accessible.name: text
        }
        Label {
            id: copied
            visible: false
            text: qsTr("Copied to the clipboard.")
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }

    Item { Layout.preferredHeight: 8 }
}
