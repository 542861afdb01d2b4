import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// The app's log of this run: filter by level and text, copy or export what is shown. PINs, CANs
// and PUKs never reach the log.
Pane {
    id: page

    required property LogListModel logs

    padding: 24
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Logs")

    ColumnLayout {
        anchors.fill: parent
        spacing: 12

        Label {
            text: qsTr("Logs")
            font.pixelSize: 28
            Layout.fillWidth: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }

        Label {
            Layout.fillWidth: true
            text: page.logs.filePath !== ""
                  ? qsTr("Messages of this run; they are also written to %1 (the last five runs are kept). They contain no PIN, CAN or PUK.").arg(page.logs.filePath)
                  : qsTr("Messages of this run. They contain no PIN, CAN or PUK.")
            wrapMode: Text.WrapAnywhere
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        Flow {
            Layout.fillWidth: true
            spacing: 12

            ComboBox {
                id: levelChoice
                objectName: "logLevel"
                width: 240
                model: [qsTr("All messages"), qsTr("Information and above"),
                        qsTr("Warnings and errors"), qsTr("Errors only")]
                currentIndex: page.logs.minimumLevel
                onActivated: (index) => page.logs.minimumLevel = index
                Accessible.role: Accessible.ComboBox
                Accessible.name: qsTr("Level")
                Accessible.description: displayText
            }
            TextField {
                objectName: "logFilter"
                width: 240
                placeholderText: qsTr("Search")
                text: page.logs.filterText
                onTextEdited: page.logs.filterText = text
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Search the log")
            }
            Button {
                text: qsTr("Copy")
                enabled: page.logs.count > 0
                onClicked: {
                    page.logs.copyToClipboard()
                    done.text = qsTr("%n message(s) copied to the clipboard.", "", page.logs.count)
                }
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Copy the shown messages")
            }
            Button {
                text: qsTr("Export…")
                enabled: page.logs.count > 0
                onClicked: {
                    const file = page.logs.chooseExportFile(qsTr("Export the log"))
                    if (file === "")
                        return
                    done.text = page.logs.exportTo(file) ? qsTr("Saved to %1.").arg(file)
                                                         : qsTr("Could not write %1.").arg(file)
                }
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Export the shown messages to a file")
            }
        }

        Label {
            id: done
            objectName: "logActionResult"
            Layout.fillWidth: true
            visible: text !== ""
            wrapMode: Text.WrapAnywhere
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        Label {
            visible: page.logs.count === 0
            text: qsTr("No messages match.")
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        ListView {
            id: list
            objectName: "logList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.logs
            activeFocusOnTab: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Log messages")
            // The newest message stays in view while the list is at its end.
            onCountChanged: if (atYEnd || count < 50) positionViewAtEnd()

            delegate: ItemDelegate {
                id: entry
                required property string time
                required property string levelName
                required property int level
                required property string category
                required property string message
                width: ListView.view.width
                padding: 4
                required property int index
                onClicked: ListView.view.currentIndex = entry.index
                contentItem: Label {
                    // The level in words, not only by colour.
                    text: entry.time + "  " + entry.levelName.toUpperCase() + "  " + entry.category + ": " + entry.message
                    font.family: "monospace"
                    wrapMode: Text.Wrap
                    color: entry.level >= 2 ? "#c62828" : entry.palette.text
                }
                Accessible.role: Accessible.ListItem
                Accessible.name: entry.levelName + ", " + entry.category + ": " + entry.message
            }
        }
    }
}
