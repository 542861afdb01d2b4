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
