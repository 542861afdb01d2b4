import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Progress per step: done steps get a tick, the running one an arrow and "in progress", the rest a
// circle, so the state reads without colour. `current` counts from 1; steps.length + 1 is done.
// After a failure (`failed`) the step it stopped at gets a cross and "did not work".
ColumnLayout {
    id: stepList

    property var steps: []
    property int current: 0
    property bool running: false
    property bool failed: false

    spacing: 4
    // Long step names wrap inside the page instead of running past the window's edge.
    Layout.fillWidth: true
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Progress")

    // One entry per step with its state, so the delegate needs nothing from outside.
    readonly property var rows: steps.map((name, index) => ({
        name: name,
        done: current > index + 1,
        active: running && current === index + 1,
        failed: !running && failed && current === index + 1
    }))

    Repeater {
        model: stepList.rows
        delegate: RowLayout {
            id: row
            required property var modelData
            readonly property bool done: row.modelData.done
            readonly property bool active: row.modelData.active
            readonly property bool failed: row.modelData.failed
            Layout.fillWidth: true
            spacing: 8
            Label {
                text: row.done ? "\u2714" : row.active ? "\u25b6" : row.failed ? "\u2716" : "\u25cb"
                Layout.preferredWidth: 24
                Accessible.ignored: true
            }
            Label {
                Layout.fillWidth: true
                text: row.active ? qsTr("%1 (in progress)").arg(row.modelData.name)
                    : row.done ? qsTr("%1 (done)").arg(row.modelData.name)
                    : row.failed ? qsTr("%1 (did not work)").arg(row.modelData.name) : row.modelData.name
                font.bold: row.active
                wrapMode: Text.Wrap
                Accessible.role: Accessible.ListItem
                Accessible.name: text
            }
        }
    }
}
