import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A page whose content scrolls when it does not fit (small windows, 200 % text).
ScrollView {
    id: page

    property string heading
    default property alias content: column.data

    contentWidth: availableWidth
    clip: true
    Accessible.role: Accessible.Pane
    Accessible.name: heading

    // Tab moves the keyboard focus to controls below the fold too: bring the focused control into
    // sight, as a scrolling page does for a mouse user.
    function ensureVisible(item) {
        let inside = item
        while (inside && inside !== column)
            inside = inside.parent
        const flickable = page.contentItem as Flickable
        if (!inside || !flickable || !page.visible)
            return
        const top = item.mapToItem(column, 0, 0).y
        const bottom = top + item.height
        const margin = 16
        if (top - margin < flickable.contentY)
            flickable.contentY = Math.max(0, top - margin)
        else if (bottom + margin > flickable.contentY + flickable.height)
            flickable.contentY = Math.min(Math.max(0, flickable.contentHeight - flickable.height),
                                          bottom + margin - flickable.height)
    }
    function ensureFocusVisible() { page.ensureVisible(page.Window.activeFocusItem) }
    Connections {
        target: page.Window.window
        // Looked at once the move is over: while focus enters a scope the window names the scope.
        function onActiveFocusItemChanged() { focusSettled.restart() }
    }
    Timer {
        id: focusSettled
        interval: 0
        onTriggered: page.ensureFocusVisible()
    }

    ColumnLayout {
        id: column
        width: page.availableWidth - 48
        x: 24
        spacing: 16

        Label {
            text: page.heading
            font.pixelSize: 28
            Layout.topMargin: 24
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
    }
}
