import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Progress per step: done steps get a tick, the running one an arrow and "in progress", the rest a
// circle, so the state reads without colour. `current` counts from 1; steps.length + 1 is done.
ColumnLayout {
    id: stepList

    property var steps: []
    property int current: 0
    property bool running: false

    spacing: 4
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Progress")

    // One entry per step with its state, so the delegate needs nothing from outside.
    readonly property var rows: steps.map((name, index) => ({
        name: name,
        done: current > index + 1,
        active: running && current === index + 1
    }))

    Repeater {
        model: stepList.rows
        delegate: RowLayout {
            id: row
            required property var modelData
            readonly property bool done: row.modelData.done
            readonly property bool active: row.modelData.active
            spacing: 8
            Label {
                text: row.done ? "\u2714" : row.active ? "\u25b6" : "\u25cb"
                Layout.preferredWidth: 24
                Accessible.ignored: true
            }
            Label {
                Layout.fillWidth: true
                text: row.active ? qsTr("%1 (in progress)").arg(row.modelData.name)
                    : row.done ? qsTr("%1 (done)").arg(row.modelData.name) : row.modelData.name
                font.bold: row.active
                wrapMode: Text.Wrap
                Accessible.role: Accessible.ListItem
                Accessible.name: text
            }
        }
    }
}
